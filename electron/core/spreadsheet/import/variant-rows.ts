// The variant layouts of shop and management-software exports, read row by row in file order:
//  - parent/child rows: a parent ("configurable", "variable") row and its variants, which name it
//    in a parent-SKU column or simply follow it, with their values in axis columns ("Colore",
//    "Taglia"), in option name/value pairs ("Option1 Name" / "Option1 Value"), or in the parent's
//    list of its variants ("sku=SP-005,color=Yellow,size=M|…");
//  - one row per variant with a group column ("Product Handle"): the parent is made from the
//    group's first row (its product-level columns), each row becomes a variant (SKU, axis
//    values, price, stock, MOQ), and a row without a SKU gets one from the group and its values.
// A parent's axes grow to cover the values its variants bring. Every decision that is not written
// in the file (a row taken as the variant of the row above it, a SKU made up) is reported.
import type { RowIssue } from '../../../../shared/contract/spreadsheet.ts'
import type { Family } from '../../../../shared/domain/catalog-structure.ts'
import { Sku } from '../../../../shared/domain/product.ts'
import { type Cell, cellText, isEmptyCell } from '../../../../shared/domain/spreadsheet/cells.ts'
import { AXIS_PAIRS } from '../../../../shared/domain/spreadsheet/targets.ts'
import { variantSku } from '../../../../shared/domain/variants.ts'
import type { ProductStore, WriteContext } from '../../catalog/product-store.ts'
import type { ImportPlan, PlannedColumn } from './plan.ts'
import type { MappedRow } from './row-mapper.ts'
import { axisCodeOf, parseVariantsSpec, rowKindOf, type RowKind } from './variant-values.ts'

/** Trade terms that belong to each variant; everything else of a group row belongs to the parent. */
const VARIANT_TRADE = ['ladder', 'stock', 'moq'] as const

export interface VariantRowsDeps {
  plan: ImportPlan
  families: Family[]
  products: ProductStore
  ctx: WriteContext
  defaultFamily?: string
}

export class VariantRows {
  private readonly d: VariantRowsDeps
  private readonly col: { group?: PlannedColumn; rowType?: PlannedColumn; spec?: PlannedColumn; parent?: PlannedColumn; pairs: Array<[PlannedColumn | undefined, PlannedColumn | undefined]> }
  /** The parent row the next rows may follow. */
  private open: { sku: string; typed: boolean } | null = null
  /** Group key → the SKU of its product, and whether that product is the parent of the group's variants. */
  private readonly groups = new Map<string, { sku: string; parent: boolean }>()
  /** Variant SKU (lower case) → axis values from its parent's list of variants. */
  private readonly specs = new Map<string, { parent: string; axes: Record<string, string> }>()
  /**
   * From the look ahead (scan): variant SKU (lower case) → the parent whose list names it first,
   * and parent SKU (lower case) → the row of that parent. Magento lists the variants before their
   * parent, so a variant must know its parent before the parent's row is read.
   */
  private readonly listedBy = new Map<string, string>()
  private readonly parentRows = new Map<string, number>()
  /** Whether the mapping uses any variant layout. */
  readonly active: boolean

  constructor(deps: VariantRowsDeps) {
    this.d = deps
    const by = (kind: string) => deps.plan.columns.find((c) => c.target.kind === kind)
    const pair = (kind: 'axisName' | 'axisValue', n: number) => deps.plan.columns.find((c) => c.target.kind === kind && c.target.pair === n)
    this.col = {
      group: by('group'), rowType: by('rowType'), spec: by('variantsSpec'), parent: by('parent'),
      pairs: Array.from({ length: AXIS_PAIRS }, (_, i) => [pair('axisName', i + 1), pair('axisValue', i + 1)])
    }
    const hasAxes = deps.plan.columns.some((c) => c.target.kind === 'axis' || c.target.kind === 'axisValue')
    this.active = !!(this.col.group || this.col.rowType || this.col.spec || hasAxes)
  }

  /** Whether the import must look ahead first (scan): parents list their variants, which may come before them. */
  get listsVariants(): boolean {
    return !!this.col.spec
  }

  /** The look ahead: which parent lists each variant first, and on which row each parent is. */
  scanRow(sku: string, cells: Cell[], row: number): void {
    const c = this.col.spec
    const text = c && !isEmptyCell(cells[c.index]) ? cellText(cells[c.index]).trim() : ''
    if (!text || !sku) return
    if (!this.parentRows.has(sku.toLowerCase())) this.parentRows.set(sku.toLowerCase(), row)
    for (const v of parseVariantsSpec(text) ?? []) if (!this.listedBy.has(v.sku.toLowerCase())) this.listedBy.set(v.sku.toLowerCase(), sku)
  }

  /** Whether the row of the parent `sku` comes after row `row` (its variants wait for it, even when the parent is already in the catalogue). */
  parentRowAfter(sku: string, row: number): boolean {
    return (this.parentRows.get(sku.toLowerCase()) ?? 0) > row
  }

  /**
   * Reads a row's variant columns into it: axis values, its parent (given, its group's, or the
   * parent row it follows) and, for a group row without a SKU, a SKU made from the group.
   * Returns a parent to write first (made from the first row of a group), or null.
   */
  arrange(mapped: MappedRow, cells: Cell[]): MappedRow | null {
    const text = (c?: PlannedColumn) => (c && !isEmptyCell(cells[c.index]) ? cellText(cells[c.index]).trim() : '')
    const family = this.familyOf(mapped)
    this.readPairs(mapped, text, family)
    const spec = text(this.col.spec)
    if (spec) this.readSpec(mapped, spec, family)
    const key = text(this.col.group)
    if (this.col.group) return key ? this.groupRow(mapped, key) : null
    const hasAxes = Object.keys(mapped.patch.axes ?? {}).length > 0
    const kind: RowKind = this.col.rowType ? rowKindOf(text(this.col.rowType)) : hasAxes ? 'child' : 'single'
    // A product a parent's list names is that parent's variant, whatever its own type says ("simple").
    const listed = mapped.sku ? this.listedBy.get(mapped.sku.toLowerCase()) : undefined
    if (listed && kind !== 'parent' && !mapped.parentSku) mapped.parentSku = listed
    const given = mapped.parentSku !== null && mapped.parentSku !== ''
    if (kind === 'parent') {
      this.open = mapped.sku ? { sku: mapped.sku, typed: !!this.col.rowType } : null
      return null
    }
    if (given) return null
    if (kind === 'child' || hasAxes) {
      if (this.open) {
        mapped.parentSku = this.open.sku
        if (!this.open.typed) {
          mapped.issues.push(issue('variant_follows_parent', `taken as a variant of ${this.open.sku}, the row above it without sizes or colours`, { parent: this.open.sku }, 'warning'))
        }
      } else if (kind === 'child' && !this.specs.has(mapped.sku.toLowerCase())) {
        mapped.issues.push(issue('variant_without_parent', 'this row is a variant, but no parent product comes before it and none is named', {}))
      }
      return null
    }
    // A row without sizes or colours is a product of its own, and may be the parent of the rows below it.
    this.open = !this.col.rowType && mapped.sku ? { sku: mapped.sku, typed: false } : null
    return null
  }

  /** Just before a variant is written: its values from its parent's list, and the parent's axes made to cover them. */
  prepare(mapped: MappedRow): void {
    const spec = mapped.sku ? this.specs.get(mapped.sku.toLowerCase()) : undefined
    if (spec) {
      if (!mapped.parentSku) mapped.parentSku = spec.parent
      mapped.patch.axes = { ...spec.axes, ...(mapped.patch.axes ?? {}) }
    }
    const axes = Object.keys(mapped.patch.axes ?? {})
    if (!mapped.parentSku || axes.length === 0) return
    const parentId = this.d.products.findIdBySku(mapped.parentSku)
    if (!parentId) return
    const parent = this.d.products.fields(parentId)
    if (parent.parentId) return // the store explains that a variant cannot have variants
    const missing = axes.filter((a) => !parent.variantAxes.includes(a))
    if (missing.length === 0) return
    this.d.products.write(parentId, { variantAxes: [...parent.variantAxes, ...missing].slice(0, 3) }, this.d.ctx, { savepoint: false })
  }

  private familyOf(mapped: MappedRow): Family | undefined {
    const id = mapped.patch.familyId
    return this.d.families.find((f) => f.id === id) ?? (this.d.defaultFamily ? this.d.families.find((f) => f.code === this.d.defaultFamily) : undefined)
  }

  private readPairs(mapped: MappedRow, text: (c?: PlannedColumn) => string, family: Family | undefined): void {
    for (const [nameCol, valueCol] of this.col.pairs) {
      const value = text(valueCol)
      if (!value) continue
      const name = text(nameCol)
      // Shopify's products without options carry "Title" / "Default Title".
      if (name.toLowerCase() === 'title' && value.toLowerCase() === 'default title') continue
      const code = name ? axisCodeOf(name, family) : null
      if (!code) {
        mapped.issues.push(issue('axis_name_missing', `the value "${value}" has no option name beside it`, { value }, 'error', valueCol))
        continue
      }
      ;(mapped.patch.axes ??= {})[code] = value
    }
  }

  private readSpec(mapped: MappedRow, text: string, family: Family | undefined): void {
    const list = parseVariantsSpec(text)
    if (!list) {
      mapped.issues.push(issue('variants_list_unreadable', 'the list of variants is not written as sku=…,name=value|sku=…', { value: text.slice(0, 80) }, 'error', this.col.spec))
      return
    }
    const axes: string[] = []
    for (const v of list) {
      const first = this.listedBy.get(v.sku.toLowerCase())
      if (first && first.toLowerCase() !== mapped.sku.toLowerCase()) {
        // Magento lets one simple product serve several configurables; in Vetrina a variant has one parent.
        mapped.issues.push(issue('variant_listed_twice', `${v.sku} is already a variant of ${first}, which lists it first; it stays there`, { sku: v.sku, parent: first }, 'warning', this.col.spec))
        continue
      }
      const values: Record<string, string> = {}
      for (const [name, value] of v.values) {
        const code = axisCodeOf(name, family)
        if (!code) continue
        values[code] = value
        if (!axes.includes(code)) axes.push(code)
      }
      this.specs.set(v.sku.toLowerCase(), { parent: mapped.sku, axes: values })
    }
    if (mapped.patch.variantAxes === undefined && axes.length) mapped.patch.variantAxes = axes.slice(0, 3)
  }

  /**
   * A row of the group layout: its variant part stays, its product part goes to the group's
   * parent. A row without a SKU and without values (shops export one row per extra image) is
   * the group's product again: its images are added to it (run.ts merges repeated SKUs).
   */
  private groupRow(mapped: MappedRow, key: string): MappedRow | null {
    const axes = mapped.patch.axes ?? {}
    const known = this.groups.get(key)
    if (Object.keys(axes).length === 0) {
      if (known === undefined) {
        if (!mapped.sku) mapped.sku = key
        this.groups.set(key, { sku: mapped.sku, parent: false })
      } else if (!mapped.sku) mapped.sku = known.sku
      return null
    }
    if (known && !known.parent) {
      mapped.issues.push(issue('group_mixed', `the group ${key} starts with a row without option values; its other rows cannot be variants`, { group: key }))
      return null
    }
    const parentSku = key
    let parent: MappedRow | null = null
    if (known === undefined) {
      this.groups.set(key, { sku: parentSku, parent: true })
      parent = this.parentOf(mapped, parentSku, Object.keys(axes))
      if (!Sku.safeParse(parentSku).success) {
        parent.issues.push(issue('group_not_a_sku', `the group "${key}" cannot be used as the SKU of the main product (letters, digits and . _ - / only)`, { group: key }, 'error', this.col.group))
      }
    }
    this.toVariant(mapped, parentSku, key)
    return parent
  }

  /** The parent of a group, from the product-level part of its first row. */
  private parentOf(mapped: MappedRow, sku: string, axes: string[]): MappedRow {
    const { axes: _axes, trade, ...rest } = mapped.patch
    const parentTrade = { ...(trade ?? {}) } as Record<string, unknown>
    for (const k of VARIANT_TRADE) delete parentTrade[k]
    return {
      sku,
      patch: { ...rest, ...(Object.keys(parentTrade).length ? { trade: parentTrade } : {}), variantAxes: rest.variantAxes?.length ? rest.variantAxes : axes } as MappedRow['patch'],
      parentSku: '',
      categoryPath: mapped.categoryPath,
      images: mapped.images,
      newFamily: mapped.newFamily,
      issues: []
    }
  }

  /** Keeps only what belongs to the variant; makes up a SKU from the group when the row has none. */
  private toVariant(mapped: MappedRow, parentSku: string, key: string): void {
    const p = mapped.patch
    const trade = Object.fromEntries(Object.entries(p.trade ?? {}).filter(([k]) => (VARIANT_TRADE as readonly string[]).includes(k)))
    mapped.patch = { axes: p.axes, ...(p.status ? { status: p.status } : {}), ...(Object.keys(trade).length ? { trade } : {}) } as MappedRow['patch']
    mapped.parentSku = parentSku
    mapped.categoryPath = null
    mapped.images = null
    if (!mapped.sku) {
      mapped.sku = variantSku(parentSku, p.axes as Record<string, string>, Object.keys(p.axes ?? {}))
      mapped.issues.push(issue('sku_generated', `the row has no SKU; it was given ${mapped.sku} (group ${key} and its values)`, { sku: mapped.sku, group: key }, 'warning'))
    }
  }
}

function issue(code: string, message: string, params: RowIssue['params'], severity: 'error' | 'warning' = 'error', col?: PlannedColumn): RowIssue {
  return { column: col?.header ?? '', field: col?.code ?? '', code, message, params, severity }
}
