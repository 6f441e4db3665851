// vetrina photos add PATHS… [--product SKU] [--as main|extra] | photos list | photos show ID | photos presets
import { resolve } from 'node:path'
import type { Command } from 'commander'
import type { BatchItem, PhotoSummary } from '../../../../shared/contract/photos.ts'
import { WARNING_CODES } from '../../../../shared/domain/photo-quality.ts'
import { skippedText } from '../../../../shared/domain/photo-skips.ts'
import { translator } from '../../../../shared/messages/translator.ts'
import { common, reportError, withCore, type CliSession, type CommonOptions } from '../context.ts'

interface AddOptions extends CommonOptions {
  product?: string
  as?: 'main' | 'extra'
}

async function allItems(api: CliSession['api'], jobId: string): Promise<BatchItem[]> {
  const items: BatchItem[] = []
  for (let offset = 0; ; offset += 1000) {
    const page = await api.photos.batch({ jobId, offset, limit: 1000 })
    items.push(...page.items)
    if (items.length >= page.total) return items
  }
}

const warningList = (p: PhotoSummary) => p.warnings.map((w) => w.code).join(', ')

/** The batch report's line of skipped files (in English until the command line speaks the user's language). */
const skippedLine = (by: Record<string, number>) => skippedText(by, translator('en'))

export function registerPhotos(program: Command): void {
  const photos = program.command('photos').description('the photo library')

  common(photos.command('add').description('add photo files and folders (folders are searched for images)').argument('<paths...>'))
    .option('--product <sku>', 'attach the photos to this product')
    .option('--as <role>', 'main (pavilion main images, while there is room) or extra', 'main')
    .action(async (paths: string[], o: AddOptions) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          if (o.as !== 'main' && o.as !== 'extra') throw new Error('--as must be "main" or "extra"')
          const { jobId, files } = await api.photos.add({
            sources: paths.map((p) => ({ kind: 'path' as const, path: resolve(p) })),
            sku: o.product,
            as: o.as
          })
          const job = await follow(jobId)
          const items = await allItems(api, jobId)
          const failed = items.filter((i) => i.state === 'failed')
          const result = job.result as { added: number; duplicates: number; failed: number; skipped?: number; skippedBy?: Record<string, number> }
          out(
            () => [
              `${files} file(s): ${result.added} added, ${result.duplicates} already in the library, ${result.failed} refused${o.product ? ` (attached to ${o.product})` : ''}`,
              ...(result.skipped ? [skippedLine(result.skippedBy ?? {})!] : []),
              ...failed.map((i) => `  ${i.name}: ${i.error?.message ?? 'refused'}`)
            ].join('\n'),
            { jobId, files, ...result, items }
          )
          if (failed.length > 0) process.exitCode = 1
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(photos.command('list').description('list the library (newest first)'))
    .option('--warning <code>', `only photos with this warning (${WARNING_CODES.join(', ')})`)
    .option('--product <sku>', "only this product's photos, in order")
    .option('--unattached', 'only photos not used by any product')
    .option('--search <text>', 'file name contains')
    .option('--limit <n>', 'how many', '100')
    .action(async (o: CommonOptions & { warning?: string; product?: string; unattached?: boolean; search?: string; limit: string }) => {
      try {
        await withCore(o, async ({ api, core, out }) => {
          const productId = o.product ? (await api.catalog.getProduct({ sku: o.product })).id : undefined
          const list = await api.photos.list({
            warning: o.warning as (typeof WARNING_CODES)[number] | undefined, productId, unattached: o.unattached, search: o.search, limit: Number(o.limit)
          })
          out(
            () => [
              ...list.items.map((p) => `${p.id}  ${p.width}×${p.height} ${p.format.padEnd(4)}  ${p.name}${p.warnings.length ? `  [${warningList(p)}]` : ''}`),
              `${list.items.length} of ${list.total} · ${core.s.paths.media}`
            ].join('\n'),
            list
          )
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(photos.command('show').description('one photo: renditions, measurements, warnings, products').argument('<id>'))
    .action(async (id: string, o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, core, out }) => {
          const p = await api.photos.get({ id })
          out(
            () => [
              `${p.name} — ${p.format.toUpperCase()} ${p.width}×${p.height}, ${Math.round(p.bytes / 1024)} KB, sha256 ${p.sha256}`,
              `original: ${resolve(core.s.paths.media, p.source.relPath)}`,
              ...p.renditions.map((r) => `${r.preset.padEnd(8)} ${r.width}×${r.height} ${r.mime} ${Math.round(r.bytes / 1024)} KB${r.current ? '' : ' (out of date)'}  ${resolve(core.s.paths.media, r.relPath)}`),
              ...(p.warnings.length ? p.warnings.map((w) => `warning: ${w.code} ${JSON.stringify(w.params)}`) : ['no warnings']),
              ...p.products.map((x) => `product: ${x.sku} (${x.role})`)
            ].join('\n'),
            p
          )
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(photos.command('presets').description('show the rendition presets'))
    .action(async (o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const presets = await api.photos.presets({})
          out(
            () => Object.entries(presets).map(([id, p]) => `${id.padEnd(8)} ${p.fit} ${p.size}px ${p.format} q${p.quality} ${p.background}${p.maxBytes ? ` ≤${Math.round(p.maxBytes / 1024)} KB` : ''}${p.eager ? ' (made when added)' : ''}`).join('\n'),
            presets
          )
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
}
