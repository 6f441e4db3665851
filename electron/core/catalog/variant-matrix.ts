// A parent's variant matrix: the combinations it lacks become variants (all or none, SKUs made
// from the parent's SKU and the values), and price, stock and MOQ of many variants change as one
// history batch that the bulk undo reverts in one step.
import { AppError, ErrorCodes } from '../../../shared/contract/errors.ts'
import type { LadderTier, Product, ProductPatch } from '../../../shared/domain/product.ts'
import { combinationKey, variantSku } from '../../../shared/domain/variants.ts'
import type { Services } from '../core.ts'
import { newId } from '../platform/clock.ts'

export interface CellChange {
  id: string
  price?: number | null
  stock?: number | null
  moq?: number | null
}

export class VariantMatrix {
  private readonly s: Services

  constructor(s: Services) {
    this.s = s
  }

  private parent(id: string): Product {
    const p = this.s.products.get(id)
    if (p.parentId) throw new AppError(ErrorCodes.validation, `${p.sku} is a variant; variants are made on its main product.`, { issues: [{ path: 'parentId', message: 'a variant cannot have variants', code: 'nested_variant' }] })
    return p
  }

  generate(parentId: string, combinations: Array<Record<string, string>>, actor: string | null): Array<{ id: string; sku: string; axes: Record<string, string> }> {
    const parent = this.parent(parentId)
    const axes = parent.variantAxes
    const batchId = newId('b')
    const out: Array<{ id: string; sku: string; axes: Record<string, string> }> = []
    this.s.db.transaction(() => {
      for (const combination of combinations) {
        for (const axis of Object.keys(combination)) {
          if (!axes.includes(axis)) throw new AppError(ErrorCodes.validation, `${parent.sku} has no variant axis "${axis}".`, { issues: [{ path: `axes.${axis}`, message: `the parent product has no variant axis "${axis}"`, code: 'unknown_axis', params: { axis } }] })
        }
        if (combinationKey(combination, axes) === null) continue
        let sku = variantSku(parent.sku, combination, axes)
        for (let n = 2; this.s.products.findIdBySku(sku); n++) sku = `${variantSku(parent.sku, combination, axes).slice(0, 60)}-${n}`
        const v = this.s.products.create({ sku, parentId, axes: combination, status: parent.status, familyId: parent.familyId } as never, { source: 'manual', detail: actor, batchId, emit: false })
        out.push({ id: v.id, sku: v.sku, axes: v.axes })
      }
    })()
    this.s.products.emitChanged([parentId, ...out.map((v) => v.id)])
    return out
  }

  setCells(parentId: string, cells: CellChange[], actor: string | null): { changed: number; batchId: string | null } {
    const parent = this.parent(parentId)
    const batchId = newId('b')
    let changed = 0
    this.s.db.transaction(() => {
      for (const cell of cells) {
        const v = this.s.products.get(cell.id)
        if (v.parentId !== parentId) throw new AppError(ErrorCodes.validation, `${v.sku} is not a variant of ${parent.sku}.`, { issues: [{ path: 'parentId', message: 'not a variant of this product', code: 'not_a_variant' }] })
        const trade: Record<string, unknown> = {}
        if (cell.price !== undefined) trade.ladder = cell.price === null ? null : withPrice(v, parent, cell.price, cell.moq)
        if (cell.stock !== undefined) trade.stock = cell.stock
        if (cell.moq !== undefined) {
          trade.moq = cell.moq
          // A first tier below a new MOQ starts at the MOQ (the pavilion sells nothing below it).
          const ladder = (trade.ladder as LadderTier[] | null | undefined) ?? v.trade.ladder
          if (cell.moq !== null && ladder?.length && ladder[0].minQty < cell.moq) trade.ladder = [{ ...ladder[0], minQty: cell.moq }, ...ladder.slice(1).filter((t) => t.minQty > cell.moq!)]
        }
        const r = this.s.products.write(v.id, { trade } as ProductPatch as never, { source: 'manual', detail: actor ?? 'variants', batchId, emit: false })
        if (r.changes > 0) changed++
      }
      if (changed > 0) {
        this.s.db.prepare('INSERT INTO bulk_batches (id, at, kind, summary) VALUES (?, ?, ?, ?)')
          .run(batchId, this.s.clock.now().toISOString(), 'edit', JSON.stringify({ kind: 'edit', products: changed, links: [] }))
      }
    })()
    this.s.products.emitChanged([parentId, ...cells.map((c) => c.id)])
    return { changed, batchId: changed > 0 ? batchId : null }
  }
}

/** The variant's ladder with this first-tier price (a one-tier ladder at its MOQ when it had none). */
function withPrice(v: Product, parent: Product, price: number, moq: number | null | undefined): LadderTier[] {
  const own = v.trade.ladder ?? []
  if (own.length) return [{ ...own[0], price }, ...own.slice(1)]
  return [{ minQty: moq ?? v.trade.moq ?? parent.trade.moq ?? 1, price }]
}
