// Publishing settings: target (built-in sandbox, another sandbox, Alibaba.com), credentials
// (kept in the OS keychain by the core, never shown back), rate limit, concurrency, EUR→USD rate.
import { Gauge, KeyRound, LogIn, PlugZap, Save, Target, Trash2, ExternalLink } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PublishTarget } from '../../../../shared/domain/publish.ts'
import { api } from '../../api/client.ts'
import { Button } from '../../ui/Button.tsx'
import { Card } from '../../ui/Card.tsx'
import { Field } from '../../ui/components.tsx'
import { confirm } from '../../ui/confirm.tsx'
import { Select } from '../../ui/Select.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { usePublish } from './store.ts'
import { formatDecimal, parseDecimal } from '../../../../shared/domain/numbers.ts'

export function PublishSettingsCard() {
  const { t, i18n } = useTranslation()
  const { settings, status } = usePublish()
  const [creds, setCreds] = useState({ appKey: '', appSecret: '', accessToken: '', refreshToken: '' })
  const [credTarget, setCredTarget] = useState<PublishTarget>('alibaba')
  const [test, setTest] = useState<string | null>(null)
  if (!settings) return <div className="muted">{t('common:loading')}</div>
  const update = (patch: Parameters<typeof api.publish.updateSettings>[0]) =>
    api.publish.updateSettings(patch).then(() => Promise.all([usePublish.getState().loadSettings(), usePublish.getState().loadStatus()])).then(() => toast(t('publish:settings.saved'))).catch((err) => toast(errorText(err, t), 'err'))
  const saveCreds = async () => {
    try {
      await api.publish.setCredentials({ target: credTarget, ...creds, refreshToken: creds.refreshToken || null })
      setCreds({ appKey: '', appSecret: '', accessToken: '', refreshToken: '' })
      await usePublish.getState().loadStatus()
      toast(t('publish:settings.credentialsSaved'))
    } catch (err) {
      toast(errorText(err, t), 'err')
    }
  }
  const forget = async () => {
    const ok = await confirm({
      title: t('ui:publish.forgetTitle', { target: t(`publish:target.${credTarget}`) }),
      body: t('ui:publish.forgetBody'),
      confirmLabel: t('publish:settings.forget'),
      danger: true
    })
    if (!ok) return
    await api.publish.clearCredentials({ target: credTarget }).then(() => usePublish.getState().loadStatus()).catch((err) => toast(errorText(err, t), 'err'))
  }
  const runTest = () =>
    api.publish.testConnection({}).then((r) => setTest(r.ok ? t('publish:settings.testOk', { ms: r.latencyMs }) : t('publish:settings.testFailed', { message: errorText({ code: r.code ?? 'publish_unexpected', message: r.message, params: r.params }, t) }))).catch((err) => setTest(errorText(err, t)))
  const num = (v: string) => (v.trim() === '' ? null : parseDecimal(v, i18n.language))
  const credState = status?.credentials
  return (
    <>
      <Card title={t('publish:settings.targetTitle')} icon={Target}>
        <Field label={t('publish:settings.target')}>
          {(id) => (
            <Select<PublishTarget> id={id} value={settings.target} onChange={(v) => void update({ target: v })} testId="target-select"
              options={[{ value: 'sandbox', label: t('publish:target.sandbox') }, { value: 'alibaba', label: t('publish:target.alibaba') }]} />
          )}
        </Field>
        <p className="muted" style={{ marginTop: 0 }}>{settings.target === 'sandbox' ? t('publish:settings.sandboxHint') : t('publish:settings.alibabaHint')}</p>
        <div className="grid2">
          <Field label={t('publish:settings.sandboxUrl')} hint={t('publish:settings.sandboxUrlHint')}>
            {(id) => <input id={id} className="input" defaultValue={settings.sandbox.url ?? ''} placeholder="http://127.0.0.1:8765" onBlur={(e) => e.target.value !== (settings.sandbox.url ?? '') && void update({ sandbox: { ...settings.sandbox, url: e.target.value.trim() || null } })} />}
          </Field>
          <Field label={t('publish:settings.alibabaUrl')}>
            {(id) => <input id={id} className="input" defaultValue={settings.alibaba.url} onBlur={(e) => e.target.value !== settings.alibaba.url && void update({ alibaba: { ...settings.alibaba, url: e.target.value.trim() } })} />}
          </Field>
        </div>
        <label className="check" style={{ marginBottom: 'var(--space-2)' }}>
          <input type="checkbox" checked={settings[settings.target].chinese} onChange={(e) => void update({ [settings.target]: { ...settings[settings.target], chinese: e.target.checked } })} />
          {t('publish:settings.chinese')}
        </label>
        <div className="row">
          <Button icon={PlugZap} onClick={() => void runTest()}>{t('publish:settings.test')}</Button>
          {test && <span className="muted" data-testid="connection-test">{test}</span>}
        </div>
      </Card>
      <Card title={t('publish:settings.credentialsTitle')} icon={KeyRound}>
        <p className="muted" style={{ marginTop: 0 }}>
          {t('publish:settings.credentialsHint', { backend: settings.secretsBackend })}
        </p>
        <p className="muted">
          {t('publish:settings.credentialState', {
            sandbox: credState?.sandbox.set ? credState.sandbox.appKey ?? t('ui:publish.credentialsSet') : '—',
            alibaba: credState?.alibaba.set ? credState.alibaba.appKey ?? t('ui:publish.credentialsSet') : '—'
          })}
        </p>
        <SignIn target={credTarget} />
        <h3 className="subhead">{t('publish:settings.manualTitle')}</h3>
        <Field label={t('publish:settings.credentialsFor')}>
          {(id) => (
            <Select<PublishTarget> id={id} value={credTarget} onChange={setCredTarget}
              options={[{ value: 'alibaba', label: t('publish:target.alibaba') }, { value: 'sandbox', label: t('publish:target.sandbox') }]} />
          )}
        </Field>
        <div className="grid2">
          {(['appKey', 'appSecret', 'accessToken', 'refreshToken'] as const).map((k) => (
            <Field key={k} label={t(`publish:settings.${k}`)}>
              {(id) => <input id={id} className="input" type={k === 'appKey' ? 'text' : 'password'} autoComplete="off" value={creds[k]} onChange={(e) => setCreds({ ...creds, [k]: e.target.value })} />}
            </Field>
          ))}
        </div>
        <div className="row wrap">
          <Button variant="primary" icon={Save} disabled={!creds.appKey || !creds.appSecret || !creds.accessToken} onClick={() => void saveCreds()}>{t('publish:settings.saveCredentials')}</Button>
          <Button variant="ghost" tone="danger" icon={Trash2} onClick={() => void forget()}>{t('publish:settings.forget')}</Button>
        </div>
      </Card>
      <Card title={t('publish:settings.limitsTitle')} icon={Gauge}>
        <div className="grid3">
          <Field label={t('publish:settings.rate')} hint={t('publish:settings.rateHint')}>
            {(id) => <input id={id} className="input" inputMode="decimal" defaultValue={formatDecimal(settings.ratePerSecond, i18n.language)} onBlur={(e) => { const v = num(e.target.value); if (v && v !== settings.ratePerSecond) void update({ ratePerSecond: v }) }} />}
          </Field>
          <Field label={t('publish:settings.concurrency')}>
            {(id) => <input id={id} className="input" inputMode="numeric" defaultValue={formatDecimal(settings.concurrency, i18n.language)} onBlur={(e) => { const v = num(e.target.value); if (v && v !== settings.concurrency) void update({ concurrency: Math.round(v) }) }} />}
          </Field>
          <Field label={t('publish:settings.eurToUsd')} hint={t('publish:settings.eurToUsdHint')}>
            {(id) => <input id={id} className="input" inputMode="decimal" defaultValue={formatDecimal(settings.eurToUsd, i18n.language)} onBlur={(e) => void update({ eurToUsd: num(e.target.value) })} />}
          </Field>
        </div>
      </Card>
    </>
  )
}

/** Sign-in with a one-time code: open the authorization page, paste the code it shows. */
function SignIn(props: { target: PublishTarget }) {
  const { t } = useTranslation()
  const [appKey, setAppKey] = useState('')
  const [appSecret, setAppSecret] = useState('')
  const [code, setCode] = useState('')
  const open = () =>
    api.publish.authorizeUrl({ target: props.target, appKey }).then((r) => window.open(r.url, '_blank', 'noopener')).catch((err) => toast(errorText(err, t), 'err'))
  const signIn = async () => {
    try {
      const r = await api.publish.signIn({ target: props.target, appKey, appSecret, code })
      setCode('')
      setAppSecret('')
      await usePublish.getState().loadStatus()
      toast(t('publish:settings.signedIn', { account: r.account ?? appKey }))
    } catch (err) {
      toast(errorText(err, t), 'err')
    }
  }
  return (
    <div data-testid="sign-in">
      <h3 className="subhead">{t('publish:settings.signInTitle')}</h3>
      <div className="grid3">
        <Field label={t('publish:settings.appKey')}>{(id) => <input id={id} className="input" value={appKey} onChange={(e) => setAppKey(e.target.value)} />}</Field>
        <Field label={t('publish:settings.appSecret')}>{(id) => <input id={id} className="input" type="password" autoComplete="off" value={appSecret} onChange={(e) => setAppSecret(e.target.value)} />}</Field>
        <Field label={t('publish:settings.code')} hint={t('publish:settings.codeHint')}>{(id) => <input id={id} className="input" value={code} onChange={(e) => setCode(e.target.value)} />}</Field>
      </div>
      <div className="row">
        <Button icon={ExternalLink} disabled={!appKey} onClick={() => void open()}>{t('publish:settings.openAuthorize')}</Button>
        <Button variant="primary" icon={LogIn} disabled={!appKey || !appSecret || !code} onClick={() => void signIn()}>{t('publish:settings.signIn')}</Button>
      </div>
    </div>
  )
}
