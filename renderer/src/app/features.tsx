// The app's sections, in navigation order. A feature adds one entry here.
import type { ComponentType } from 'react'
import type { Role } from '../../../shared/contract/define.ts'
import { CatalogPage } from '../features/catalog/CatalogPage.tsx'
import { ImportPage } from '../features/import/ImportPage.tsx'
import { PublishPage } from '../features/publish/PublishPage.tsx'
import { PhotosPage } from '../features/photos/PhotosPage.tsx'
import { SettingsPage } from '../features/settings/SettingsPage.tsx'
import { TranslatePage } from '../features/translate/TranslatePage.tsx'

export interface FeatureDef {
  id: string
  labelKey: string
  icon: string
  roles: Role[]
  Page: ComponentType<{ params: string[] }>
}

export const FEATURES: FeatureDef[] = [
  { id: 'catalog', labelKey: 'common:nav.catalog', icon: '▦', roles: ['owner', 'translator'], Page: CatalogPage },
  { id: 'import', labelKey: 'import:nav', icon: '⇅', roles: ['owner'], Page: ImportPage },
  { id: 'photos', labelKey: 'photos:nav', icon: '▣', roles: ['owner', 'translator'], Page: PhotosPage },
  { id: 'translate', labelKey: 'translate:nav', icon: '文', roles: ['owner', 'translator'], Page: TranslatePage },
  { id: 'publish', labelKey: 'publish:nav', icon: '⇪', roles: ['owner'], Page: PublishPage },
  { id: 'settings', labelKey: 'common:nav.settings', icon: '⚙', roles: ['owner'], Page: SettingsPage }
]
