// The app's sections, in navigation order. A feature adds one entry here.
import { Images, Languages, LayoutGrid, ListChecks, Settings, FileSpreadsheet, Send, type LucideIcon } from 'lucide-react'
import type { ComponentType } from 'react'
import type { Role } from '../../../shared/contract/define.ts'
import { CatalogPage } from '../features/catalog/CatalogPage.tsx'
import { ImportPage } from '../features/import/ImportPage.tsx'
import { PublishPage } from '../features/publish/PublishPage.tsx'
import { PhotosPage } from '../features/photos/PhotosPage.tsx'
import { SettingsPage } from '../features/settings/SettingsPage.tsx'
import { StartPage } from '../features/start/StartPage.tsx'
import { TranslatePage } from '../features/translate/TranslatePage.tsx'

export interface FeatureDef {
  id: string
  labelKey: string
  /** A lucide-react icon (see renderer/src/ui/README.md). */
  icon: LucideIcon
  roles: Role[]
  Page: ComponentType<{ params: string[] }>
}

export const FEATURES: FeatureDef[] = [
  { id: 'start', labelKey: 'start:nav', icon: ListChecks, roles: ['owner'], Page: StartPage },
  { id: 'catalog', labelKey: 'common:nav.catalog', icon: LayoutGrid, roles: ['owner', 'translator'], Page: CatalogPage },
  { id: 'import', labelKey: 'import:nav', icon: FileSpreadsheet, roles: ['owner'], Page: ImportPage },
  { id: 'photos', labelKey: 'photos:nav', icon: Images, roles: ['owner', 'translator'], Page: PhotosPage },
  { id: 'translate', labelKey: 'translate:nav', icon: Languages, roles: ['owner', 'translator'], Page: TranslatePage },
  { id: 'publish', labelKey: 'publish:nav', icon: Send, roles: ['owner'], Page: PublishPage },
  { id: 'settings', labelKey: 'common:nav.settings', icon: Settings, roles: ['owner'], Page: SettingsPage }
]
