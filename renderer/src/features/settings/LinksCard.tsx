// Browser-mode links given to other people (translators): who, until when, last used; revoke one
// and it stops working at once (its open sessions too). New links are made where translators are
// managed (Translation → translator link), valid for the days chosen there.
import { Link2, Link2Off } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccessLink } from '../../../../shared/contract/system.ts'
import { api } from '../../api/client.ts'
import { useEvent } from '../../api/events.ts'
import { Badge } from '../../ui/Badge.tsx'
import { Button } from '../../ui/Button.tsx'
import { Card } from '../../ui/Card.tsx'
import { confirm } from '../../ui/confirm.tsx'
import { EmptyState } from '../../ui/EmptyState.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'

const TONE = { active: 'success', expired: 'neutral', revoked: 'danger' } as const

export function LinksCard() {
  const { t, i18n } = useTranslation()
  const [links, setLinks] = useState<AccessLink[]>([])
  const [all, setAll] = useState(false)
  const load = () => void api.system.listLinks({ includeInactive: all }).then((r) => setLinks(r.items)).catch((err) => toast(errorText(err, t), 'err'))
  useEffect(load, [all])
  useEvent('data.changed', (e) => {
    if (e.entity === 'accessLinks') load()
  })
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  const revoke = async (link: AccessLink) => {
    const ok = await confirm({ title: t('settings:links.revokeAsk', { label: link.label }), body: t('settings:links.revokeBody'), confirmLabel: t('settings:links.revoke'), danger: true })
    if (!ok) return
    try {
      await api.system.revokeLink({ id: link.id })
      toast(t('settings:links.revoked', { label: link.label }), 'success')
      load()
    } catch (err) {
      toast(errorText(err, t), 'err')
    }
  }
  return (
    <section id="links">
      <Card title={t('settings:links.title')} icon={Link2} testId="links-card"
        actions={<label className="check small"><input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />{t('settings:links.showAll')}</label>}>
        <p className="muted" style={{ marginTop: 0 }}>{t('settings:links.what')}</p>
        {links.length === 0 ? (
          <EmptyState compact icon={Link2Off} title={t('settings:links.none')} body={t('settings:links.noneBody')} />
        ) : (
          <div className="table-wrap" style={{ maxHeight: 320 }}>
            <table className="table">
              <thead><tr><th>{t('settings:links.who')}</th><th>{t('settings:links.expires')}</th><th>{t('settings:links.lastUsed')}</th><th>{t('settings:links.status')}</th><th /></tr></thead>
              <tbody>
                {links.map((l) => (
                  <tr key={l.id} data-testid="link-row">
                    <td>{l.label} <span className="muted small">({t(`common:role.${l.role}`)})</span></td>
                    <td>{fmt.format(new Date(l.expiresAt))}</td>
                    <td>{l.lastUsedAt ? fmt.format(new Date(l.lastUsedAt)) : <span className="muted">{t('settings:links.never')}</span>}</td>
                    <td><Badge tone={TONE[l.status]}>{t(`settings:links.state.${l.status}`)}</Badge></td>
                    <td>{l.status === 'active' && <Button size="sm" variant="ghost" tone="danger" icon={Link2Off} onClick={() => void revoke(l)} testId="link-revoke">{t('settings:links.revoke')}</Button>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </section>
  )
}
