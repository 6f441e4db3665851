// Machine-translation providers (owner): address, keys (kept in the keychain, never shown again),
// rate limit, and for Alibaba Cloud how Italian reaches English first.
import { Bot, Save } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MtProviderName } from '../../../../shared/contract/translation.ts'
import { api } from '../../api/client.ts'
import { Badge } from '../../ui/Badge.tsx'
import { Button } from '../../ui/Button.tsx'
import { Card } from '../../ui/Card.tsx'
import { Field } from '../../ui/components.tsx'
import { Select } from '../../ui/Select.tsx'
import { toast } from '../../ui/toasts.ts'
import { trError } from './UnitEditor.tsx'
import { formatDecimal, parseDecimal } from '../../../../shared/domain/numbers.ts'

type Info = Awaited<ReturnType<typeof api.translation.mtProviders>>['items'][number]

function ProviderCard(props: { info: Info; onSaved(i: Info): void }) {
  const { t, i18n } = useTranslation()
  const p = props.info
  const [enabled, setEnabled] = useState(p.enabled)
  const [baseUrl, setBaseUrl] = useState(p.baseUrl ?? '')
  const [key, setKey] = useState('')
  const [secret, setSecret] = useState('')
  const [pivot, setPivot] = useState(String(p.options.pivot ?? 'english'))
  const [rate, setRate] = useState(formatDecimal(Number(p.options.rateLimit ?? 5), i18n.language))
  const save = async () => {
    try {
      const input: Parameters<typeof api.translation.configureMt>[0] = { provider: p.name as MtProviderName, enabled, baseUrl: baseUrl.trim() || null, rateLimit: parseDecimal(rate, i18n.language) ?? Number(p.options.rateLimit ?? 5) }
      if (p.name === 'alibaba') {
        if (key) input.accessKeyId = key
        if (secret) input.accessKeySecret = secret
        input.pivot = pivot as 'english'
      } else if (key) input.apiKey = key
      props.onSaved(await api.translation.configureMt(input))
      setKey('')
      setSecret('')
      toast(t('translate:providers.saved'))
    } catch (err) {
      toast(trError(err, t), 'err')
    }
  }
  const state = p.configured ? (p.enabled ? t('translate:providers.ready') : t('translate:providers.disabled')) : t('translate:providers.notSet')
  return (
    <Card testId={`provider-${p.name}`} title={p.label} icon={Bot}
      actions={<Badge tone={p.configured && p.enabled ? 'success' : p.configured ? 'neutral' : 'warning'}>{state}</Badge>}>
      <p className="muted" style={{ marginTop: 0 }}>{t('translate:providers.route')}: {p.route}</p>
      <label className="check" style={{ marginBottom: 'var(--space-3)' }}><input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />{t('translate:providers.enabled')}</label>
      <div className="grid2">
        <Field label={t('translate:providers.baseUrl')}>
          {(id) => <input id={id} className="input" placeholder={p.name === 'libretranslate' ? 'http://192.168.1.10:5000' : t('translate:providers.defaultUrl')} value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />}
        </Field>
        <Field label={t('translate:providers.rate')}>
          {(id) => <input id={id} className="input" inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} />}
        </Field>
        <Field label={p.name === 'alibaba' ? 'AccessKey ID' : t('translate:providers.apiKey')} hint={p.configured ? t('ui:translate.keyKept') : undefined}>
          {(id) => <input id={id} className="input" type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} />}
        </Field>
        {p.name === 'alibaba' && (
          <Field label="AccessKey secret">
            {(id) => <input id={id} className="input" type="password" autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value)} />}
          </Field>
        )}
        {p.name === 'alibaba' && (
          <Field label={t('translate:providers.pivot')}>
            {(id) => (
              <Select id={id} value={pivot} onChange={setPivot} options={[
                { value: 'english', label: t('translate:providers.pivotEnglish') },
                { value: 'deepl', label: t('translate:providers.pivotVia', { name: 'DeepL' }) },
                { value: 'libretranslate', label: t('translate:providers.pivotVia', { name: 'LibreTranslate' }) }
              ]} />
            )}
          </Field>
        )}
      </div>
      <Button variant="primary" icon={Save} onClick={() => void save()}>{t('translate:providers.save')}</Button>
    </Card>
  )
}

export function ProvidersPanel() {
  const [items, setItems] = useState<Info[]>([])
  useEffect(() => {
    void api.translation.mtProviders({}).then((r) => setItems(r.items))
  }, [])
  return <div>{items.map((p) => <ProviderCard key={p.name} info={p} onSaved={(i) => setItems(items.map((x) => (x.name === i.name ? i : x)))} />)}</div>
}
