// vetrina products list|get|create
import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import type { ProductSummary } from '../../../../shared/domain/product.ts'
import { common, reportError, withCore, type CommonOptions } from '../context.ts'

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.min(60, Math.max(...rows.map((r) => [...(r[i] ?? '')].length))))
  return rows.map((r) => r.map((c, i) => [...c].slice(0, widths[i]).join('').padEnd(widths[i])).join('  ')).join('\n')
}

export function registerProducts(program: Command): void {
  const products = program.command('products').description('list, show and create products')

  common(products.command('list').description('list or search products'))
    .option('-q, --query <text>', 'search SKU and texts in any language')
    .option('--status <status...>', 'draft, ready, archived')
    .option('--missing <locale>', 'only products without a title in this locale')
    .option('--limit <n>', 'how many (default 50; --all for every product)', '50')
    .option('--all', 'every matching product')
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
              query: o.query ?? '', status: o.status as never, missingLocale: o.missing,
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
            () => (items.length === 0 ? 'No products.' : `${table([['SKU', 'STATUS', 'TITLE', 'MISSING'], ...items.map((p) => [p.sku, p.status, p.title, p.missingLocales.join(',')])])}\n${items.length} of ${exact ? total : `more than ${total - 1}`}`),
            { total, totalExact: exact, items }
          )
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(products.command('get').description('show one product').argument('<sku-or-id>'))
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

  common(products.command('create').description('create a product'))
    .option('--sku <sku>', 'item code (required unless in --from)')
    .option('--title <locale=text...>', 'title per language, e.g. --title it="Chianti Classico DOCG"')
    .option('--status <status>', 'draft (default), ready, archived')
    .option('--from <file>', 'JSON file with the product fields ("-" for stdin)')
    .action(async (o: CommonOptions & { sku?: string; title?: string[]; status?: string; from?: string }) => {
      try {
        const base = o.from ? JSON.parse(readFileSync(o.from === '-' ? 0 : o.from, 'utf8')) : {}
        const texts: Record<string, { title: string }> = { ...(base.texts ?? {}) }
        for (const pair of o.title ?? []) {
          const eq = pair.indexOf('=')
          if (eq < 1) throw new Error(`--title expects locale=text, got "${pair}"`)
          texts[pair.slice(0, eq)] = { ...(texts[pair.slice(0, eq)] ?? {}), title: pair.slice(eq + 1) }
        }
        const input = { ...base, ...(o.sku ? { sku: o.sku } : {}), ...(o.status ? { status: o.status } : {}), texts }
        await withCore(o, async ({ api, out }) => {
          const p = await api.catalog.createProduct(input)
          out(`Created ${p.sku} (${p.id}).`, p)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
}
