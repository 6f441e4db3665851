// Numbered migrations. Each area owns a range so areas can be developed side by side:
//   0001–0099 foundation (catalogue, jobs; 0030–0039 system: links, backups)   0100–0199 spreadsheet import/export
//   0200–0299 publishing                      0300–0399 photos
//   0400–0499 translation
// The database records every migration it has applied; a database holding a migration this build
// does not know was written by a newer Vetrina and is refused.
import { sql as catalog } from './0001-catalog.ts'
import { sql as jobs } from './0002-jobs.ts'
import { sql as updateSequence } from './0003-update-sequence.ts'
import { sql as catalogBulkTrash } from './0010-catalog-bulk-trash.ts'
import { sql as accessLinks } from './0030-access-links.ts'
import { sql as spreadsheet } from './0100-spreadsheet.ts'
import { sql as reportMerged } from './0130-report-merged.ts'
import { sql as publish } from './0200-publish.ts'
import { sql as publishCategoryBrowser } from './0210-publish-category-browser.ts'
import { sql as publishVariants } from './0220-publish-variants.ts'
import { sql as photobankPending } from './0230-photobank-pending.ts'
import { sql as photos } from './0300-photos.ts'
import { sql as photosBatchSkips } from './0310-photos-batch-skips-and-file-journal.ts'
import { sql as photosNearDuplicatesComputed } from './0320-photos-near-duplicates-computed.ts'
import { sql as translation } from './0400-translation.ts'

export interface Migration {
  id: number
  name: string
  sql: string
}

export const migrations: Migration[] = [
  { id: 1, name: 'catalog', sql: catalog },
  { id: 2, name: 'jobs', sql: jobs },
  { id: 3, name: 'update-sequence', sql: updateSequence },
  { id: 10, name: 'catalog-bulk-trash', sql: catalogBulkTrash },
  { id: 30, name: 'access-links', sql: accessLinks },
  { id: 100, name: 'spreadsheet', sql: spreadsheet },
  { id: 130, name: 'report-merged', sql: reportMerged },
  { id: 200, name: 'publish', sql: publish },
  { id: 210, name: 'publish-category-browser', sql: publishCategoryBrowser },
  { id: 220, name: 'publish-variants', sql: publishVariants },
  { id: 230, name: 'photobank-pending', sql: photobankPending },
  { id: 300, name: 'photos', sql: photos },
  { id: 310, name: 'photos-batch-skips-and-file-journal', sql: photosBatchSkips },
  { id: 320, name: 'photos-near-duplicates-computed', sql: photosNearDuplicatesComputed },
  { id: 400, name: 'translation', sql: translation }
].sort((a, b) => a.id - b.id)
