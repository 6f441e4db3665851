// Publishing settings: target (built-in sandbox, another sandbox, Alibaba.com), credentials
// (kept in the OS keychain by the core, never shown back), rate limit, concurrency, EUR→USD rate.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PublishTarget } from '../../../../shared/domain/publish.ts'
import { api } from '../../api/client.ts'
import { Field } from '../../ui/components.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { usePublish } from './store.ts'

export function PublishSettingsCard() {
  const { t } = useTranslation()
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
  const runTest = () =>
    api.publish.testConnection({}).then((r) => setTest(r.ok ? t('publish:settings.testOk', { ms: r.latencyMs }) : t('publish:settings.testFailed', { message: errorText({ code: r.code ?? 'publish_unexpected', message: r.message, params: r.params }, t) }))).catch((err) => setTest(errorText(err, t)))
  const num = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')))
  const credState = status?.credentials
  return (
    <>
      <div className="card">
        <h2>{t('publish:settings.targetTitle')}</h2>
        <Field label={t('publish:settings.target')}>
          {(id) => (
            <select id={id} className="input" value={settings.target} onChange={(e) => void update({ target: e.target.value as PublishTarget })} data-testid="target-select">
              <option value="sandbox">{t('publish:target.sandbox')}</option>
              <option value="alibaba">{t('publish:target.alibaba')}</option>
            </select>
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
        <label className="row" style={{ marginBottom: 6 }}>
          <input type="checkbox" checked={settings[settings.target].chinese} onChange={(e) => void update({ [settings.target]: { ...settings[settings.target], chinese: e.target.checked } })} />
          {t('publish:settings.chinese')}
        </label>
        <div className="row">
          <button className="btn" onClick={() => void runTest()}>{t('publish:settings.test')}</button>
          {test && <span className="muted" data-testid="connection-test">{test}</span>}
        </div>
      </div>
      <div className="card">
        <h2>{t('publish:settings.credentialsTitle')}</h2>
        <p className="muted" style={{ marginTop: 0 }}>
          {t('publish:settings.credentialsHint', { backend: settings.secretsBackend })}
        </p>
        <p className="muted">
          {t('publish:settings.credentialState', {
            sandbox: credState?.sandbox.set ? credState.sandbox.appKey ?? '✓' : '—',
            alibaba: credState?.alibaba.set ? credState.alibaba.appKey ?? '✓' : '—'
          })}
        </p>
        <SignIn target={credTarget} />
        <h3 style={{ fontSize: 13, margin: '14px 0 8px' }}>{t('publish:settings.manualTitle')}</h3>
        <Field label={t('publish:settings.credentialsFor')}>
          {(id) => (
            <select id={id} className="input" value={credTarget} onChange={(e) => setCredTarget(e.target.value as PublishTarget)}>
              <option value="alibaba">{t('publish:target.alibaba')}</option>
              <option value="sandbox">{t('publish:target.sandbox')}</option>
            </select>
          )}
        </Field>
        <div className="grid2">
          {(['appKey', 'appSecret', 'accessToken', 'refreshToken'] as const).map((k) => (
            <Field key={k} label={t(`publish:settings.${k}`)}>
              {(id) => <input id={id} className="input" type={k === 'appKey' ? 'text' : 'password'} autoComplete="off" value={creds[k]} onChange={(e) => setCreds({ ...creds, [k]: e.target.value })} />}
            </Field>
          ))}
        </div>
        <div className="row">
          <button className="btn primary" disabled={!creds.appKey || !creds.appSecret || !creds.accessToken} onClick={() => void saveCreds()}>{t('publish:settings.saveCredentials')}</button>
          <button className="btn danger" onClick={() => void api.publish.clearCredentials({ target: credTarget }).then(() => usePublish.getState().loadStatus())}>{t('publish:settings.forget')}</button>
        </div>
      </div>
      <div className="card">
        <h2>{t('publish:settings.limitsTitle')}</h2>
        <div className="grid3">
          <Field label={t('publish:settings.rate')} hint={t('publish:settings.rateHint')}>
            {(id) => <input id={id} className="input" inputMode="decimal" defaultValue={String(settings.ratePerSecond)} onBlur={(e) => { const v = num(e.target.value); if (v && v !== settings.ratePerSecond) void update({ ratePerSecond: v }) }} />}
          </Field>
          <Field label={t('publish:settings.concurrency')}>
            {(id) => <input id={id} className="input" inputMode="numeric" defaultValue={String(settings.concurrency)} onBlur={(e) => { const v = num(e.target.value); if (v && v !== settings.concurrency) void update({ concurrency: Math.round(v) }) }} />}
          </Field>
          <Field label={t('publish:settings.eurToUsd')} hint={t('publish:settings.eurToUsdHint')}>
            {(id) => <input id={id} className="input" inputMode="decimal" defaultValue={settings.eurToUsd === null ? '' : String(settings.eurToUsd)} onBlur={(e) => void update({ eurToUsd: num(e.target.value) })} />}
          </Field>
        </div>
      </div>
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
      <h3 style={{ fontSize: 13, margin: '4px 0 8px' }}>{t('publish:settings.signInTitle')}</h3>
      <div className="grid3">
        <Field label={t('publish:settings.appKey')}>{(id) => <input id={id} className="input" value={appKey} onChange={(e) => setAppKey(e.target.value)} />}</Field>
        <Field label={t('publish:settings.appSecret')}>{(id) => <input id={id} className="input" type="password" autoComplete="off" value={appSecret} onChange={(e) => setAppSecret(e.target.value)} />}</Field>
        <Field label={t('publish:settings.code')} hint={t('publish:settings.codeHint')}>{(id) => <input id={id} className="input" value={code} onChange={(e) => setCode(e.target.value)} />}</Field>
      </div>
      <div className="row">
        <button className="btn" disabled={!appKey} onClick={() => void open()}>{t('publish:settings.openAuthorize')}</button>
        <button className="btn primary" disabled={!appKey || !appSecret || !code} onClick={() => void signIn()}>{t('publish:settings.signIn')}</button>
      </div>
    </div>
  )
}
