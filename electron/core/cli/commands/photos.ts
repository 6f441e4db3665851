// vetrina photos add PATHS… [--product SKU] [--as main|extra] | photos list | photos show ID | photos presets
import { resolve } from 'node:path'
import type { Command } from 'commander'
import type { BatchItem, PhotoSummary } from '../../../../shared/contract/photos.ts'
import { WARNING_CODES } from '../../../../shared/domain/photo-quality.ts'
import { AppError } from '../../../../shared/contract/errors.ts'
import { skippedText } from '../../../../shared/domain/photo-skips.ts'
import { fileErrorText } from '../../../../shared/messages/photos.ts'
import { common, reportError, say, t, withCore, type CliSession, type CommonOptions } from '../context.ts'

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

const warningList = (p: PhotoSummary) => p.warnings.map((w) => say(`photos:warning.${w.code}.short`)).join(', ')

export function registerPhotos(program: Command): void {
  const photos = program.command('photos').description(say('cli:photos.about'))

  common(photos.command('add').description(say('cli:photos.add.about')).argument('<paths...>', say('cli:photos.add.paths')))
    .option('--product <sku>', say('cli:photos.add.product'))
    .option('--as <role>', say('cli:photos.add.as'), 'main')
    .action(async (paths: string[], o: AddOptions) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          if (o.as !== 'main' && o.as !== 'extra') throw new AppError('cli_bad_role', `--as must be "main" or "extra"`, { params: { value: String(o.as) } })
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
              say(o.product ? 'cli:photos.add.summaryFor' : 'cli:photos.add.summary', { count: files, added: result.added, duplicates: result.duplicates, failed: result.failed, sku: o.product ?? '' }),
              ...(result.skipped ? [skippedText(result.skippedBy ?? {}, t)!] : []),
              ...failed.map((i) => `  ${i.name}: ${i.error ? fileErrorText({ ...i.error, params: i.error.params ?? {} }, t) : say('cli:photos.add.refused')}`)
            ].join('\n'),
            { jobId, files, ...result, items }
          )
          if (failed.length > 0) process.exitCode = 1
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(photos.command('list').description(say('cli:photos.list.about')))
    .option('--warning <code>', say('cli:photos.list.warning', { codes: WARNING_CODES.join(', ') }))
    .option('--product <sku>', say('cli:photos.list.product'))
    .option('--unattached', say('cli:photos.list.unattached'))
    .option('--search <text>', say('cli:photos.list.search'))
    .option('--limit <n>', say('cli:photos.list.limit'), '100')
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
              say('cli:photos.list.count', { shown: list.items.length, count: list.total, folder: core.s.paths.media })
            ].join('\n'),
            list
          )
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(photos.command('show').description(say('cli:photos.show.about')).argument('<id>', say('cli:photos.show.id')))
    .action(async (id: string, o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, core, out }) => {
          const p = await api.photos.get({ id })
          out(
            () => [
              `${p.name} — ${p.format.toUpperCase()} ${p.width}×${p.height}, ${say('cli:photos.show.kb', { kb: Math.round(p.bytes / 1024) })}, sha256 ${p.sha256}`,
              say('cli:photos.show.original', { path: resolve(core.s.paths.media, p.source.relPath) }),
              ...p.renditions.map((r) => `${r.preset.padEnd(8)} ${r.width}×${r.height} ${r.mime} ${say('cli:photos.show.kb', { kb: Math.round(r.bytes / 1024) })}${r.current ? '' : ` ${say('cli:photos.show.outdated')}`}  ${resolve(core.s.paths.media, r.relPath)}`),
              ...(p.warnings.length ? p.warnings.map((w) => say('cli:photos.show.warning', { text: say(`photos:warning.${w.code}.long`, w.params) })) : [say('cli:photos.show.noWarnings')]),
              ...p.products.map((x) => say('cli:photos.show.product', { sku: x.sku, role: say(`cli:photos.role.${x.role}`) }))
            ].join('\n'),
            p
          )
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(photos.command('presets').description(say('cli:photos.presets.about')))
    .action(async (o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const presets = await api.photos.presets({})
          out(
            () => Object.entries(presets).map(([id, p]) => `${id.padEnd(8)} ${p.fit} ${p.size}px ${p.format} q${p.quality} ${p.background}${p.maxBytes ? ` ≤${Math.round(p.maxBytes / 1024)} KB` : ''}${p.eager ? ` ${say('cli:photos.presets.eager')}` : ''}`).join('\n'),
            presets
          )
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
}
