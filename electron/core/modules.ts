// Every area of the core, in one list. An area adds its module factory here (one line).
import type { ModuleFactory } from './core.ts'
import { catalogModule } from './catalog/module.ts'
import { jobsModule } from './jobs/module.ts'
import { publishModule } from './publish/module.ts'
import { photosModule } from './photos/module.ts'
import { spreadsheetModule } from './spreadsheet/module.ts'
import { systemModule } from './system/module.ts'
import { translationModule } from './translation/module.ts'

export const MODULES: ModuleFactory[] = [
  catalogModule,
  jobsModule,
  systemModule,
  spreadsheetModule,
  translationModule,
  publishModule,
  photosModule
]
