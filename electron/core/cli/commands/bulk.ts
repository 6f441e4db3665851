// vetrina products set|delete and vetrina trash list|restore — bulk changes over a search or a
// list of SKUs, with --dry-run; one undoable batch each.
import type { Command } from 'commander'
import type { BulkChange } from '../../../../shared/contract/catalog-bulk.ts'
import type { Api } from '../../../../shared/contract/index.ts'
import { AppError } from '../../../../shared/contract/errors.ts'
import { common, reportError, withCore, type CommonOptions } from '../context.ts'
import { findCategory } from './categories.ts'

interface SelectOpts { query?: string; status?: string[]; sku?: string[] }

const FIELDS = 'category, pavilion-category, family, status, currency, unit, moq, lead-time, keywords+ / keywords- (keywords.en+=…), origin, region, brand'

async function selection(api: Api, o: SelectOpts) {
  if (o.sku?.length) {
    const ids: string[] = []
    for (const sku of o.sku) ids.push((await api.catalog.getProduct({ sku })).id)
    return { ids }
  }
  return { filter: { query: o.query ?? '', status: o.status as never } }
}

/** FIELD=VALUE pairs → a bulk change. */
export async function parseChange(api: Api, pairs: string[]): Promise<BulkChange> {
  const change: Record<string, unknown> = {}
  const families = (await api.catalog.listFamilies()).items
  for (const pair of pairs) {
    const m = /^([a-z.-]+?)(\+|-)?=(.*)$/i.exec(pair)
    if (!m) throw new AppError('validation', `"${pair}" is not FIELD=VALUE. Fields: ${FIELDS}.`, { params: { pair } })
    const [, rawField, op, value] = m
    const [field, locale = 'en'] = rawField.toLowerCase().split('.')
    const list = value.split(/[|;]/).map((x) => x.trim()).filter(Boolean)
    switch (field) {
      case 'category': change.categoryId = value ? (await findCategory(api, value)).id : null; break
      case 'pavilion-category': change.pavilionCategoryId = value; break
      case 'family': {
        const f = families.find((x) => x.code === value || x.id === value || Object.values(x.label).some((l) => l?.toLowerCase() === value.toLowerCase()))
        if (!f && value) throw new AppError('validation', `No family "${value}". Known: ${families.map((x) => x.code).join(', ')}.`, { params: { value } })
        change.familyId = f?.id ?? null
        break
      }
      case 'status': change.status = value; break
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
      default: throw new AppError('validation', `Unknown field "${rawField}". Fields: ${FIELDS}.`, { params: { field: rawField } })
    }
  }
  return change as BulkChange
}

export function registerBulk(program: Command): void {
  const products = program.commands.find((c) => c.name() === 'products') ?? program.command('products')

  common(products.command('set').description(`set fields on every product matching a search (or on --sku …): FIELD=VALUE with FIELD one of ${FIELDS}`).argument('<changes...>'))
    .option('-q, --query <text>', 'products matching this search (all of them, not one page)')
    .option('--status <status...>', 'only products with this status (draft, ready, archived)')
    .option('--sku <sku...>', 'only these products')
    .option('--dry-run', 'show what would change and which products would become invalid; change nothing')
    .option('--skip-invalid', 'change the valid products and leave the others as they are')
    .action(async (pairs: string[], o: CommonOptions & SelectOpts & { dryRun?: boolean; skipInvalid?: boolean }) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const change = await parseChange(api, pairs)
          const res = await api.catalog.bulkEdit({ selection: await selection(api, o), change, dryRun: !!o.dryRun, skipInvalid: !!o.skipInvalid })
          out(() => [
            `${res.matched} products matched; ${res.changed} ${o.dryRun ? 'would change' : 'changed'}, ${res.unchanged} already like that.`,
            res.categoriesLinked ? `${res.categoriesLinked} categories ${o.dryRun ? 'would be' : 'were'} linked to Alibaba.com category ${change.pavilionCategoryId} (with ${res.otherProductsInLinkedCategories} other products in them).` : '',
            ...res.invalid.slice(0, 50).map((i) => `  ${i.sku}: ${i.issues.map((x) => `${x.path || 'product'} — ${x.message}`).join('; ')}`),
            res.invalid.length ? `${res.invalid.length} products would not be valid${o.dryRun || !o.skipInvalid ? '' : ' and were left as they are'}.` : '',
            res.batchId ? `Undo with: vetrina products undo ${res.batchId}` : ''
          ].filter(Boolean).join('\n'), res)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(products.command('undo').description('undo a bulk change or a delete').argument('<batch>'))
    .action(async (batchId: string, o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const res = await api.catalog.undoBulk({ batchId })
          out(`${res.reverted} products put back.`, res)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(products.command('delete').description('move products to the trash (restorable)').argument('[sku...]'))
    .option('-q, --query <text>', 'every product matching this search')
    .action(async (skus: string[], o: CommonOptions & SelectOpts) => {
      try {
        await withCore(o, async ({ api, out }) => {
          if (!skus.length && !o.query) throw new AppError('validation', 'Name the SKUs or give --query.')
          const res = await api.catalog.trashProducts({ selection: await selection(api, { ...o, sku: skus.length ? skus : undefined }) })
          out(`${res.trashed} products moved to the trash. Undo with: vetrina products undo ${res.batchId}`, res)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  const trash = program.command('trash').description('deleted products')
  common(trash.command('list').description('products in the trash'))
    .action(async (o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const res = await api.catalog.listTrash({})
          out(() => res.items.map((t) => `${t.sku}\t${t.title}\t${t.deletedAt}`).join('\n') || 'The trash is empty.', res)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
  common(trash.command('restore').description('put products back from the trash').argument('<sku...>'))
    .action(async (skus: string[], o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const items = (await api.catalog.listTrash({})).items
          const ids = skus.map((sku) => {
            const t = items.find((x) => x.sku.toLowerCase() === sku.toLowerCase())
            if (!t) throw new AppError('not_found', `${sku} is not in the trash.`, { params: { sku } })
            return t.productId
          })
          const res = await api.catalog.restoreFromTrash({ productIds: ids })
          out(`${res.restored} products restored.`, res)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
}
