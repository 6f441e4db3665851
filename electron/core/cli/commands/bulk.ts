// vetrina products set|delete and vetrina trash list|restore — bulk changes over a search or a
// list of SKUs, with --dry-run; one undoable batch each.
import type { Command } from 'commander'
import type { BulkChange } from '../../../../shared/contract/catalog-bulk.ts'
import type { Api } from '../../../../shared/contract/index.ts'
import { AppError, type ErrorIssue } from '../../../../shared/contract/errors.ts'
import { issueWithField } from '../../../../shared/messages/errors.ts'
import { common, reportError, say, t, withCore, type CommonOptions } from '../context.ts'
import { statuses } from './products.ts'
import { findCategory } from './categories.ts'

interface SelectOpts { query?: string; status?: string[]; sku?: string[] }

const FIELDS = 'category, pavilion-category, family, status, currency, unit, moq, lead-time, keywords+ / keywords- (keywords.en+=…), origin, region, brand'

async function selection(api: Api, o: SelectOpts) {
  if (o.sku?.length) {
    const ids: string[] = []
    for (const sku of o.sku) ids.push((await api.catalog.getProduct({ sku })).id)
    return { ids }
  }
  return { filter: { query: o.query ?? '', status: statuses(o.status) as never } }
}

/** FIELD=VALUE pairs → a bulk change. */
export async function parseChange(api: Api, pairs: string[]): Promise<BulkChange> {
  const change: Record<string, unknown> = {}
  const families = (await api.catalog.listFamilies()).items
  for (const pair of pairs) {
    const m = /^([a-z.-]+?)(\+|-)?=(.*)$/i.exec(pair)
    if (!m) throw new AppError('cli_bad_change', `"${pair}" is not FIELD=VALUE. Fields: ${FIELDS}.`, { params: { value: pair, fields: FIELDS } })
    const [, rawField, op, value] = m
    const [field, locale = 'en'] = rawField.toLowerCase().split('.')
    const list = value.split(/[|;]/).map((x) => x.trim()).filter(Boolean)
    switch (field) {
      case 'category': change.categoryId = value ? (await findCategory(api, value)).id : null; break
      case 'pavilion-category': change.pavilionCategoryId = value; break
      case 'family': {
        const f = families.find((x) => x.code === value || x.id === value || Object.values(x.label).some((l) => l?.toLowerCase() === value.toLowerCase()))
        if (!f && value) throw new AppError('cli_unknown_family', `No family "${value}". Known: ${families.map((x) => x.code).join(', ')}.`, { params: { value, known: families.map((x) => x.label.it ?? x.code).join(', ') } })
        change.familyId = f?.id ?? null
        break
      }
      case 'status': change.status = statuses([value])![0]; break
      case 'currency': change.currency = value.toUpperCase(); break
      case 'unit': change.sellingUnit = value; break
      case 'moq': change.moq = Number(value); break
      case 'lead-time': change.leadTimeDays = Number(value.replace(/\D+$/, '')); break
      case 'origin': change.originCountry = value.toUpperCase(); break
      case 'region': change.originRegion = value; break
      case 'brand': change.brand = value; break
      case 'keywords': {
        const k = (change.keywords as { locale: string; add: string[]; remove: string[] } | undefined) ?? { locale, add: [], remove: [] }
        if (op === '-') k.remove.push(...list)
        else k.add.push(...list)
        change.keywords = k
        break
      }
      default: throw new AppError('cli_unknown_field', `Unknown field "${rawField}". Fields: ${FIELDS}.`, { params: { field: rawField, fields: FIELDS } })
    }
  }
  return change as BulkChange
}

export function registerBulk(program: Command): void {
  const products = program.commands.find((c) => c.name() === 'products') ?? program.command('products')

  common(products.command('set').description(say('cli:bulk.set.about', { fields: FIELDS })).argument('<changes...>', say('cli:bulk.set.changes')))
    .option('-q, --query <text>', say('cli:bulk.set.query'))
    .option('--status <status...>', say('cli:opt.status'))
    .option('--sku <sku...>', say('cli:bulk.set.sku'))
    .option('--dry-run', say('cli:bulk.set.dryRun'))
    .option('--skip-invalid', say('cli:bulk.set.skipInvalid'))
    .action(async (pairs: string[], o: CommonOptions & SelectOpts & { dryRun?: boolean; skipInvalid?: boolean }) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const change = await parseChange(api, pairs)
          const res = await api.catalog.bulkEdit({ selection: await selection(api, o), change, dryRun: !!o.dryRun, skipInvalid: !!o.skipInvalid })
          out(() => [
            say(o.dryRun ? 'cli:bulk.set.wouldChange' : 'cli:bulk.set.changed', { count: res.matched, changed: res.changed, unchanged: res.unchanged }),
            res.categoriesLinked ? say(o.dryRun ? 'cli:bulk.set.wouldLink' : 'cli:bulk.set.linked', { count: res.categoriesLinked, category: String(change.pavilionCategoryId ?? ''), others: res.otherProductsInLinkedCategories }) : '',
            ...res.invalid.slice(0, 50).map((i) => `  ${i.sku}: ${i.issues.map((x) => issueWithField(x as ErrorIssue, t)).join('; ')}`),
            res.invalid.length ? say(o.dryRun || !o.skipInvalid ? 'cli:bulk.set.invalid' : 'cli:bulk.set.invalidLeft', { count: res.invalid.length }) : '',
            res.batchId ? say('cli:bulk.undoWith', { command: `vetrina products undo ${res.batchId}` }) : ''
          ].filter(Boolean).join('\n'), res)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(products.command('undo').description(say('cli:bulk.undo.about')).argument('<batch>', say('cli:bulk.undo.batch')))
    .action(async (batchId: string, o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const res = await api.catalog.undoBulk({ batchId })
          out(say('cli:bulk.undo.done', { count: res.reverted }), res)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(products.command('delete').description(say('cli:bulk.delete.about')).argument('[sku...]', say('cli:bulk.delete.skus')))
    .option('-q, --query <text>', say('cli:bulk.delete.query'))
    .action(async (skus: string[], o: CommonOptions & SelectOpts) => {
      try {
        await withCore(o, async ({ api, out }) => {
          if (!skus.length && !o.query) throw new AppError('cli_nothing_selected', 'Name the SKUs or give --query.')
          const res = await api.catalog.trashProducts({ selection: await selection(api, { ...o, sku: skus.length ? skus : undefined }) })
          out(`${say('cli:bulk.delete.done', { count: res.trashed })} ${say('cli:bulk.undoWith', { command: `vetrina products undo ${res.batchId}` })}`, res)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  const trash = program.command('trash').description(say('cli:trash.about'))
  common(trash.command('list').description(say('cli:trash.list.about')))
    .action(async (o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const res = await api.catalog.listTrash({})
          out(() => res.items.map((x) => `${x.sku}\t${x.title}\t${say('cli:trash.list.deleted', { at: x.deletedAt })}`).join('\n') || say('cli:trash.list.empty'), res)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
  common(trash.command('restore').description(say('cli:trash.restore.about')).argument('<sku...>', say('cli:trash.restore.skus')))
    .action(async (skus: string[], o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const items = (await api.catalog.listTrash({})).items
          const ids = skus.map((sku) => {
            const hit = items.find((x) => x.sku.toLowerCase() === sku.toLowerCase())
            if (!hit) throw new AppError('cli_not_in_trash', `${sku} is not in the trash.`, { params: { sku } })
            return hit.productId
          })
          const res = await api.catalog.restoreFromTrash({ productIds: ids })
          out(say('cli:trash.restore.done', { count: res.restored }), res)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
}
