// vetrina products list|get|create
import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import type { ProductSummary } from '../../../../shared/domain/product.ts'
import { AppError } from '../../../../shared/contract/errors.ts'
import { statusOf } from '../../../../shared/domain/spreadsheet/vocabulary.ts'
import { common, reportError, say, withCore, type CommonOptions } from '../context.ts'

/** Statuses as typed: the codes or their names (bozza, pronto …); anything else is refused with the list. */
export function statuses(values: string[] | undefined): string[] | undefined {
  return values?.map((v) => {
    const s = statusOf(v)
    if (!s) throw new AppError('cli_bad_status', `"${v}" is not a status`, { params: { value: v } })
    return s
  })
}

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.min(60, Math.max(...rows.map((r) => [...(r[i] ?? '')].length))))
  return rows.map((r) => r.map((c, i) => [...c].slice(0, widths[i]).join('').padEnd(widths[i])).join('  ')).join('\n')
}

export function registerProducts(program: Command): void {
  const products = program.command('products').description(say('cli:products.about'))

  common(products.command('list').description(say('cli:products.list.about')))
    .option('-q, --query <text>', say('cli:products.list.query'))
    .option('--status <status...>', say('cli:opt.status'))
    .option('--missing <locale>', say('cli:products.list.missing'))
    .option('--limit <n>', say('cli:products.list.limit'), '50')
    .option('--all', say('cli:products.list.all'))
    .action(async (o: CommonOptions & { query?: string; status?: string[]; missing?: string; limit: string; all?: boolean }) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const items: ProductSummary[] = []
          let cursor: string | null = null
          let total = 0
          let exact = true
          const limit = o.all ? Infinity : Number(o.limit)
          do {
            const page = await api.catalog.listProducts({
              query: o.query ?? '', status: statuses(o.status) as never, missingLocale: o.missing,
              limit: Math.min(500, limit - items.length), cursor
            })
            if (cursor === null) {
              total = page.total
              exact = page.totalExact
            }
            items.push(...page.items)
            cursor = page.nextCursor
          } while (cursor && items.length < limit)
          out(
            () => (items.length === 0 ? say('cli:products.list.none') : [
              table([
                [say('cli:products.list.sku'), say('cli:products.list.status'), say('cli:products.list.title'), say('cli:products.list.missingHead')],
                ...items.map((p) => [p.sku, say(`catalog:status.${p.status}`), p.title, p.missingLocales.join(', ')])
              ]),
              exact ? say('cli:products.list.count', { shown: items.length, count: total }) : say('cli:products.list.countMore', { shown: items.length, count: total - 1 })
            ].join('\n')),
            { total, totalExact: exact, items }
          )
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(products.command('get').description(say('cli:products.get.about')).argument('<sku-or-id>', say('cli:products.get.ref')))
    .action(async (ref: string, o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const p = ref.startsWith('p_') ? await api.catalog.getProduct({ id: ref }) : await api.catalog.getProduct({ sku: ref })
          out(() => JSON.stringify(p, null, 2), p)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(products.command('create').description(say('cli:products.create.about')))
    .option('--sku <sku>', say('cli:products.create.sku'))
    .option('--title <locale=text...>', say('cli:products.create.title'))
    .option('--status <status>', say('cli:products.create.status'))
    .option('--from <file>', say('cli:products.create.from'))
    .action(async (o: CommonOptions & { sku?: string; title?: string[]; status?: string; from?: string }) => {
      try {
        const base = o.from ? JSON.parse(readFileSync(o.from === '-' ? 0 : o.from, 'utf8')) : {}
        const texts: Record<string, { title: string }> = { ...(base.texts ?? {}) }
        for (const pair of o.title ?? []) {
          const eq = pair.indexOf('=')
          if (eq < 1) throw new AppError('cli_bad_title', `--title expects locale=text, got "${pair}"`, { params: { value: pair } })
          texts[pair.slice(0, eq)] = { ...(texts[pair.slice(0, eq)] ?? {}), title: pair.slice(eq + 1) }
        }
        const input = { ...base, ...(o.sku ? { sku: o.sku } : {}), ...(o.status ? { status: statuses([o.status])![0] } : {}), texts }
        await withCore(o, async ({ api, out }) => {
          const p = await api.catalog.createProduct(input)
          out(say('cli:products.create.done', { sku: p.sku, id: p.id }), p)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
}
