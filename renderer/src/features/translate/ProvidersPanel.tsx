// Machine-translation providers (owner): address, keys (kept in the keychain, never shown again),
// rate limit, and for Alibaba Cloud how Italian reaches English first.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MtProviderName } from '../../../../shared/contract/translation.ts'
import { api } from '../../api/client.ts'
import { toast } from '../../ui/toasts.ts'
import { trError } from './UnitEditor.tsx'

type Info = Awaited<ReturnType<typeof api.translation.mtProviders>>['items'][number]

function ProviderCard(props: { info: Info; onSaved(i: Info): void }) {
  const { t } = useTranslation()
  const p = props.info
  const [enabled, setEnabled] = useState(p.enabled)
  const [baseUrl, setBaseUrl] = useState(p.baseUrl ?? '')
  const [key, setKey] = useState('')
  const [secret, setSecret] = useState('')
  const [pivot, setPivot] = useState(String(p.options.pivot ?? 'english'))
  const [rate, setRate] = useState(String(p.options.rateLimit ?? 5))
  const save = async () => {
    try {
      const input: Parameters<typeof api.translation.configureMt>[0] = { provider: p.name as MtProviderName, enabled, baseUrl: baseUrl.trim() || null, rateLimit: Number(rate) }
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
  return (
    <div className="card" data-testid={`provider-${p.name}`}>
      <h2>{p.label} <span className={`badge ${p.configured && p.enabled ? 'ok' : ''}`}>{p.configured ? (p.enabled ? t('translate:providers.ready') : t('translate:providers.disabled')) : t('translate:providers.notSet')}</span></h2>
      <p className="muted">{t('translate:providers.route')}: {p.route}</p>
      <label className="row"><input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />{t('translate:providers.enabled')}</label>
      <div className="grid2" style={{ marginTop: 8 }}>
        <input className="input" placeholder={p.name === 'libretranslate' ? 'http://192.168.1.10:5000' : t('translate:providers.defaultUrl')} aria-label={t('translate:providers.baseUrl')} value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
        <input className="input" type="number" min={0.1} step={0.1} aria-label={t('translate:providers.rate')} title={t('translate:providers.rate')} value={rate} onChange={(e) => setRate(e.target.value)} />
        <input className="input" type="password" autoComplete="off" placeholder={p.name === 'alibaba' ? 'AccessKey ID' : t('translate:providers.apiKey')} aria-label={p.name === 'alibaba' ? 'AccessKey ID' : t('translate:providers.apiKey')} value={key} onChange={(e) => setKey(e.target.value)} />
        {p.name === 'alibaba' && <input className="input" type="password" autoComplete="off" placeholder="AccessKey secret" aria-label="AccessKey secret" value={secret} onChange={(e) => setSecret(e.target.value)} />}
        {p.name === 'alibaba' && (
          <select className="input" aria-label={t('translate:providers.pivot')} value={pivot} onChange={(e) => setPivot(e.target.value)}>
            <option value="english">{t('translate:providers.pivotEnglish')}</option>
            <option value="deepl">{t('translate:providers.pivotVia', { name: 'DeepL' })}</option>
            <option value="libretranslate">{t('translate:providers.pivotVia', { name: 'LibreTranslate' })}</option>
          </select>
        )}
      </div>
      <button className="btn primary" style={{ marginTop: 8 }} onClick={() => void save()}>{t('translate:providers.save')}</button>
    </div>
  )
}

export function ProvidersPanel() {
  const [items, setItems] = useState<Info[]>([])
  useEffect(() => {
    void api.translation.mtProviders({}).then((r) => setItems(r.items))
  }, [])
  return <div>{items.map((p) => <ProviderCard key={p.name} info={p} onSaved={(i) => setItems(items.map((x) => (x.name === i.name ? i : x)))} />)}</div>
}
