// A separate publisher process for the crash test: opens the catalogue like the CLI does, gives
// the products their photos (the photos area's provider, as a JSON map here) and runs the real
// `vetrina publish` command code until the outbox is empty. The test kills it with SIGKILL.
import { readFileSync } from 'node:fs'
import { Core } from '../../electron/core/core.ts'
import { runPublish } from '../../electron/core/cli/commands/publish.ts'
import type { ListingImage } from '../../electron/core/platform/product-media.ts'

const [dataDir, photosFile] = process.argv.slice(2)
const photos = JSON.parse(readFileSync(photosFile, 'utf8')) as ListingImage[]
const core = Core.open({ dataDir, logFile: null })
core.s.productMedia.provider = { mainImages: () => photos }
try {
  await runPublish({ core, api: core.api({ role: 'owner', transport: 'cli' }), json: true, out: (_h, data) => process.stdout.write(`${JSON.stringify(data)}\n`), follow: async () => { throw new Error('unused') } }, { json: true })
} finally {
  await core.close()
}
