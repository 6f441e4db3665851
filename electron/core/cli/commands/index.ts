// Every CLI command group; an area adds its register function here (one line).
import type { Command } from 'commander'
import { registerBackup } from './backup.ts'
import { registerBulk } from './bulk.ts'
import { registerCategories } from './categories.ts'
import { registerDemo } from './demo.ts'
import { registerPublishing } from './publishing.ts'
import { registerPhotos } from './photos.ts'
import { registerProducts } from './products.ts'
import { registerPublish } from './publish.ts'
import { registerSpreadsheet } from './spreadsheet.ts'
import { registerWeb } from './web.ts'
import { registerTranslation } from './translation.ts'

export const COMMANDS: Array<(program: Command) => void> = [
  registerProducts,
  registerBackup,
  registerWeb,
  registerSpreadsheet,
  registerTranslation,
  registerPublish,
  registerPhotos,
  registerBulk,
  registerCategories,
  registerPublishing,
  registerDemo
]
