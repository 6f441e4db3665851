// Translation section (#/translate/<tab>): the workspace, the glossary, exchange with CAT tools and
// translators, and machine-translation providers (owner).
import { useTranslation } from 'react-i18next'
import { navigate } from '../../app/router.ts'
import { useApp } from '../../app/store.ts'
import { Tabs } from '../../ui/Tabs.tsx'
import { ExchangePanel } from './ExchangePanel.tsx'
import { GlossaryPanel } from './GlossaryPanel.tsx'
import { ProvidersPanel } from './ProvidersPanel.tsx'
import { Workspace } from './Workspace.tsx'
import './translate.css'

type Tab = 'workspace' | 'glossary' | 'exchange' | 'providers'

export function TranslatePage(props: { params: string[] }) {
  const { t } = useTranslation()
  const role = useApp((a) => a.role)
  const tabs: Array<{ id: Tab; label: string }> = [
    { id: 'workspace', label: t('translate:tabs.workspace') },
    { id: 'glossary', label: t('translate:tabs.glossary') },
    { id: 'exchange', label: t('translate:tabs.exchange') },
    ...(role === 'owner' ? [{ id: 'providers' as const, label: t('translate:tabs.providers') }] : [])
  ]
  const active = (tabs.find((x) => x.id === props.params[0])?.id ?? 'workspace') as Tab
  return (
    <div className="page fill">
      {/* Title and sections on one line: the workspace needs the height. */}
      <div className="page-header with-tabs">
        <h1>{t('translate:title')}</h1>
        <Tabs tabs={tabs} active={active} onChange={(id) => navigate('translate', id)} />
      </div>
      {active === 'workspace' && <Workspace />}
      {active === 'glossary' && <GlossaryPanel />}
      {active === 'exchange' && <ExchangePanel />}
      {active === 'providers' && <ProvidersPanel />}
    </div>
  )
}
