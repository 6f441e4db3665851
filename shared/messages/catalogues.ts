// Every catalogue of sentences the core can produce (errors, import problems, job titles, report
// files, CLI output …), per UI language and namespace. The core reads them through translator.ts; the
// UI merges them into its own namespaces of the same name (renderer/src/i18n). One import per file,
// so the core and the app bundle them without touching the file system; test/messages checks that
// every file on disk is listed here.
import type { UiLanguage } from '../domain/locales.ts'
import it_catalog from './locales/it/catalog.json' with { type: 'json' }
import it_cli from './locales/it/cli.json' with { type: 'json' }
import it_common from './locales/it/common.json' with { type: 'json' }
import it_desktop from './locales/it/desktop.json' with { type: 'json' }
import it_errors from './locales/it/errors.json' with { type: 'json' }
import it_import from './locales/it/import.json' with { type: 'json' }
import it_photos from './locales/it/photos.json' with { type: 'json' }
import it_publish from './locales/it/publish.json' with { type: 'json' }
import it_settings from './locales/it/settings.json' with { type: 'json' }
import it_translate from './locales/it/translate.json' with { type: 'json' }
import en_catalog from './locales/en/catalog.json' with { type: 'json' }
import en_cli from './locales/en/cli.json' with { type: 'json' }
import en_common from './locales/en/common.json' with { type: 'json' }
import en_desktop from './locales/en/desktop.json' with { type: 'json' }
import en_errors from './locales/en/errors.json' with { type: 'json' }
import en_import from './locales/en/import.json' with { type: 'json' }
import en_photos from './locales/en/photos.json' with { type: 'json' }
import en_publish from './locales/en/publish.json' with { type: 'json' }
import en_settings from './locales/en/settings.json' with { type: 'json' }
import en_translate from './locales/en/translate.json' with { type: 'json' }
import zh_catalog from './locales/zh-CN/catalog.json' with { type: 'json' }
import zh_cli from './locales/zh-CN/cli.json' with { type: 'json' }
import zh_common from './locales/zh-CN/common.json' with { type: 'json' }
import zh_desktop from './locales/zh-CN/desktop.json' with { type: 'json' }
import zh_errors from './locales/zh-CN/errors.json' with { type: 'json' }
import zh_import from './locales/zh-CN/import.json' with { type: 'json' }
import zh_photos from './locales/zh-CN/photos.json' with { type: 'json' }
import zh_publish from './locales/zh-CN/publish.json' with { type: 'json' }
import zh_settings from './locales/zh-CN/settings.json' with { type: 'json' }
import zh_translate from './locales/zh-CN/translate.json' with { type: 'json' }

export type Catalogue = { [key: string]: string | Catalogue }

export const MESSAGE_NAMESPACES = ['catalog', 'cli', 'common', 'desktop', 'errors', 'import', 'photos', 'publish', 'settings', 'translate'] as const

export const MESSAGE_CATALOGUES: Record<UiLanguage, Record<(typeof MESSAGE_NAMESPACES)[number], Catalogue>> = {
  it: { catalog: it_catalog, cli: it_cli, common: it_common, desktop: it_desktop, errors: it_errors, import: it_import, photos: it_photos, publish: it_publish, settings: it_settings, translate: it_translate },
  en: { catalog: en_catalog, cli: en_cli, common: en_common, desktop: en_desktop, errors: en_errors, import: en_import, photos: en_photos, publish: en_publish, settings: en_settings, translate: en_translate },
  'zh-CN': { catalog: zh_catalog, cli: zh_cli, common: zh_common, desktop: zh_desktop, errors: zh_errors, import: zh_import, photos: zh_photos, publish: zh_publish, settings: zh_settings, translate: zh_translate }
}
