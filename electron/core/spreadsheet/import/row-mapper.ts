// Turns one spreadsheet row into a product patch, reading each cell the way its target needs it
// (locale-aware numbers, prices, measures, dates, yes/no, lists, option labels). Every cell that
// cannot be read becomes an issue naming the column and the reason; the store then validates the
// merged product exactly as for a manual edit.
import type * as Entities from 'entities'
import type { z } from 'zod'
import type { ImportSettings, RowIssue } from '../../../../shared/contract/spreadsheet.ts'
import type { AttributeDef, Family } from '../../../../shared/domain/catalog-structure.ts'
import type { LadderTier, ProductFields, ProductPatch } from '../../../../shared/domain/product.ts'
import { CURRENCIES } from '../../../../shared/domain/units.ts'
import { type Cell, cellText, isEmptyCell } from '../../../../shared/domain/spreadsheet/cells.ts'
import { restoreNeutralized } from '../../../../shared/domain/spreadsheet/formula-guard.ts'
import {
  canonicalUnit, parseBoolean, parseDate, parseDimensions, parseInteger, parseMeasure, parseNumber, parsePrice, splitList,
  currencyInHeader, type Parsed, type ValueLocale
} from '../../../../shared/domain/spreadsheet/values.ts'
import { certificationOf, countryOf, periodOf, sellingUnitOf, statusOf } from '../../../../shared/domain/spreadsheet/vocabulary.ts'
import type { ImportPlan, PlannedColumn } from './plan.ts'
import { findFamily, pendingFamily } from './families.ts'
import { parseStock } from './variant-values.ts'
import { onFirstUse } from '../../platform/on-first-use.ts'

const entities = onFirstUse<typeof Entities>('entities')

type Patch = z.output<typeof ProductPatch>
type Settings = z.output<typeof ImportSettings>

export interface MapContext {
  plan: ImportPlan
  locale: ValueLocale
  settings: Settings
  families: Family[]
  /** The stored product with this SKU, or null for a new one. */
  existing: ProductFields | null
}

export interface MappedRow {
  sku: string
  patch: Patch & Record<string, unknown>
  /** Parent SKU to resolve; null = none given; "" = make it a standalone product. */
  parentSku: string | null
  /** Category path to resolve ("Vini > Rossi"); null = not given; [] = clear. */
  categoryPath: string[] | null
  images: string[] | null
  /** A family the family column names that does not exist yet, to create (settings.createFamilies). */
  newFamily: string | null
  issues: RowIssue[]
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/
/** An HTML character reference ("&trade;", "&#39;", "&#x2122;"), as shop exports write plain texts. */
const CHARACTER_REFERENCE = /&(?:[a-z][a-z0-9]{1,31}|#\d{1,7}|#x[0-9a-f]{1,6});/i

/** A plain text (title, keywords) as the shop meant it: "CoolTech&trade; Tank" → "CoolTech™ Tank". */
function plainText(v: string): string {
  return CHARACTER_REFERENCE.test(v) ? entities().decodeHTMLStrict(v) : v
}

const HTML_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i
const escapeHtml = (v: string) => v.replace(/&(?![a-z][a-z0-9]*;|#\d+;|#x[0-9a-f]+;)/gi, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * A description cell as rich text: HTML (a shop export's) as it is; a typed text whose lines were
 * broken with Alt+Enter keeps them — paragraphs at blank lines, line breaks within.
 */
export function descriptionHtml(v: string): string {
  if (HTML_TAG.test(v) || !/[\r\n]/.test(v)) return v
  return v.split(/(?:\r?\n|\r)\s*(?:\r?\n|\r)/).map((p) => `<p>${p.split(/\r?\n|\r/).map((l) => escapeHtml(l.trim())).join('<br>')}</p>`).join('')
}

/** The SKU of a row as text ("" when the cell is empty). */
export function skuOf(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell)
  return restoreNeutralized(cellText(cell).trim())
}

export { findFamily }

/** How people name a family or an option: its label in the catalogue's own language (Italian), else its code. */
const familyName = (f: Family) => f.label.it ?? Object.values(f.label)[0] ?? f.code
/** An attribute's name as the families give it (Italian first), else its code. */
const attributeName = (families: Family[], code: string) => {
  const label = families.flatMap((f) => f.attributes).find((a) => a.code === code)?.label
  return label?.it ?? (label ? Object.values(label)[0] : undefined) ?? code
}
const optionNames = (def: AttributeDef) => def.options.map((o) => o.label.it ?? Object.values(o.label)[0] ?? o.code).join(', ')

function optionCode(def: AttributeDef, text: string): string | null {
  const t = text.trim().toLowerCase()
  const o = def.options.find((o) => o.code.toLowerCase() === t) ?? def.options.find((o) => Object.values(o.label).some((l) => l.trim().toLowerCase() === t))
  return o?.code ?? null
}

/**
 * A category cell as a path: "Vini > Rossi", "Vini/Rossi/Chianti", or one level per line. Shop
 * exports listing several categories ("Bags, Bags > Leather", Magento's "A/B/C|A/D") give the
 * deepest path (the first of equal depth): a product has one category here.
 */
export function categoryPath(cell: string): string[] {
  const paths = cell.includes('>') || cell.includes('»') ? cell.split(/\s*[,|]\s*(?=[^,|]*(?:>|»|$))/) : cell.split(/\s*\|\s*/)
  const split = (p: string) => p.split(/\s*(?:[>»\n\r]|\s\/\s|(?<=\S)\/(?=\S))\s*/).map((x) => x.trim()).filter(Boolean)
  return paths.map(split).sort((a, b) => b.length - a.length)[0] ?? []
}

/** The family a category's words point at: "Vini rossi" → wine, "Olio extravergine" → olive oil, "Borse" → leather. */
const FAMILY_WORDS: Record<string, string[]> = {
  wine: ['vin', 'wine', 'spumant', 'prosecc', 'chiant', 'rosso', 'bianc', 'cantin'],
  olive_oil: ['olio', 'oil', 'extravergin', 'evo', 'frantoi'],
  leather: ['pell', 'cuoi', 'leather', 'bors', 'bag', 'cintur', 'belt', 'portafogl', 'wallet', 'scarp', 'shoe'],
  ceramics: ['ceramic', 'maiolic', 'piatt', 'vas', 'terracott', 'porcellan'],
  cosmetics: ['cosmetic', 'crem', 'sapon', 'profum', 'cosmes', 'beauty', 'skin']
}
export function familyFromWords(families: Family[], text: string): Family | undefined {
  const words = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z]+/).filter((w) => w.length > 2)
  for (const f of families) {
    const stems = [...(FAMILY_WORDS[f.code] ?? []), ...Object.values(f.label).map((l) => l.toLowerCase().slice(0, Math.max(3, l.length - 1)))]
    if (words.some((w) => stems.some((st) => w.startsWith(st) || (w.length > 3 && st.startsWith(w))))) return f
  }
  return undefined
}

export function mapRow(cells: Cell[], ctx: MapContext): MappedRow {
  const { plan, locale, settings, existing } = ctx
  const clear = settings.emptyCells === 'clear'
  const issues: RowIssue[] = []
  const patch: Patch & Record<string, unknown> = {}
  const out: MappedRow = { sku: skuOf(cells[plan.sku.index]), patch, parentSku: null, categoryPath: null, images: null, newFamily: null, issues }

  const problem = (col: PlannedColumn, r: { code: string; message: string; params?: Record<string, string | number> }, severity: 'error' | 'warning' = 'error') => {
    issues.push({ column: col.header, field: col.code, code: r.code, message: r.message, params: r.params, severity })
  }
  const cellOf = (col: PlannedColumn): Cell => cells[col.index] ?? null
  const empty = (col: PlannedColumn) => isEmptyCell(cellOf(col))
  const text = (col: PlannedColumn): string | null => {
    const t = restoreNeutralized(cellText(cellOf(col)).trim())
    if (CONTROL.test(t)) {
      problem(col, { code: 'control_characters', message: 'contains invisible control characters (such as NUL); the file may be damaged or in another encoding' })
      return null
    }
    return t
  }
  const take = <T>(col: PlannedColumn, r: Parsed<T>): T | undefined => {
    if (r.ok) return r.value
    problem(col, r)
    return undefined
  }
  const group = (key: 'trade' | 'logistics' | 'origin') => (patch[key] ??= {}) as Record<string, unknown>
  const texts = (localeCode: string) => ((patch.texts ??= {})[localeCode] ??= {}) as Record<string, unknown>
  const col = (code: string) => plan.byCode.get(code)

  // The family decides how attribute cells are read.
  let family: Family | undefined
  const familyCol = plan.columns.find((c) => c.target.kind === 'family')
  if (familyCol && !empty(familyCol)) {
    const key = text(familyCol) ?? ''
    family = findFamily(ctx.families, key)
    if (family) patch.familyId = family.id
    else if (settings.createFamilies && key) {
      out.newFamily = key
      family = pendingFamily(key, ctx.families)
    }
    else {
      const known = ctx.families.map((f) => f.label.it ?? f.code).join(', ')
      problem(familyCol, { code: 'unknown_family', message: `no attribute family "${key}" (known: ${known})`, params: { value: key, known } })
    }
  } else if (existing?.familyId) {
    family = ctx.families.find((f) => f.id === existing.familyId)
  } else if (!existing && settings.family) {
    family = findFamily(ctx.families, settings.family)
    if (family) patch.familyId = family.id
  } else if (!existing) {
    // No family column, none chosen for the sheet: the category often says it ("Vini", "Olio", "Borse").
    const catCol = plan.columns.find((c) => c.target.kind === 'category')
    const catText = catCol && !empty(catCol) ? cellText(cellOf(catCol)) : ''
    family = catText ? familyFromWords(ctx.families, catText) : undefined
    if (family) patch.familyId = family.id
  }
  if (!existing && settings.status) patch.status = settings.status

  const trade = existing?.trade ?? {}
  const attributeValues: Record<string, unknown> = {}

  for (const c of plan.columns) {
    const t = c.target
    if (t.kind === 'sku' || t.kind === 'family' || t.kind === 'ignore') continue
    if (empty(c)) {
      if (clear) clearTarget(c)
      continue
    }
    switch (t.kind) {
      case 'text': {
        if (t.field === 'keywords') {
          const v = text(c)
          if (v !== null) texts(t.locale).keywords = splitList(plainText(v))
        } else {
          // A description is rich text (sanitized HTML, kept with its line breaks); other texts are plain.
          const raw = t.field === 'description' ? descriptionHtml(restoreNeutralized(cellText(cellOf(c)).trim())) : text(c)
          const v = raw === null || t.field === 'description' ? raw : plainText(raw)
          // Cells are trimmed, stored texts need not be: a cell that differs from the stored text only by
          // the spaces and line breaks around it leaves the text as it is (so an export imports back unchanged).
          const stored = existing?.texts[t.locale]?.[t.field]
          if (v !== null && !(typeof stored === 'string' && stored.trim() === v)) texts(t.locale)[t.field] = v
        }
        break
      }
      case 'status': {
        const v = text(c) ?? ''
        const s = statusOf(v)
        if (s) patch.status = s
        else problem(c, { code: 'unknown_status', message: `"${v}" is not a status (draft, ready, archived; bozza, pronto, archiviato)`, params: { value: v } })
        break
      }
      case 'category': {
        const v = text(c)
        if (v !== null) out.categoryPath = categoryPath(v)
        break
      }
      case 'parent': {
        const v = skuOf(cellOf(c))
        out.parentSku = v
        break
      }
      case 'variantAxes': {
        const v = text(c)
        if (v === null) break
        const codes: string[] = []
        for (const word of splitList(v)) {
          const def = family?.attributes.find((a) => a.code === word || Object.values(a.label).some((l) => l.toLowerCase() === word.toLowerCase()))
          codes.push(def?.code ?? word.toLowerCase())
        }
        patch.variantAxes = codes
        break
      }
      case 'axis': {
        const v = text(c)
        if (v !== null) (patch.axes ??= {})[t.code] = v
        break
      }
      case 'attribute': {
        if (t.part === 'unit') break // read together with the value column
        const def = family?.attributes.find((a) => a.code === t.code)
        if (!family) {
          // Not a reason to refuse the product: the value is left out and the report says why.
          problem(c, { code: 'family_required', message: `the attribute "${t.code}" was left out: the product has no attribute family (choose one for the sheet or add a family column)`, params: { attribute: attributeName(ctx.families, t.code) } }, 'warning')
          break
        }
        if (!def) {
          problem(c, { code: 'attribute_not_in_family', message: `the attribute "${t.code}" was left out: the family "${family.code}" does not have it (it can be added to the family)`, params: { attribute: attributeName(ctx.families, t.code), family: familyName(family) } }, 'warning')
          break
        }
        const value = attributeValue(c, def)
        if (value === undefined) break
        if (def.localizable) {
          const base = (attributeValues[t.code] ?? existingLocalized(def.code)) as Record<string, string>
          attributeValues[t.code] = { ...base, [t.locale ?? 'it']: value as string }
        } else attributeValues[t.code] = value
        break
      }
      case 'trade': {
        if (t.key === 'price') break // read with the ladder
        const v = text(c)
        if (v === null) break
        if (t.key === 'currency') {
          const code = v.toUpperCase() === '€' ? 'EUR' : v.toUpperCase()
          if ((CURRENCIES as readonly string[]).includes(code)) group('trade').currency = code
          else problem(c, { code: 'unknown_currency', message: `"${v}" is not a currency (${CURRENCIES.join(', ')})`, params: { value: v } })
        } else if (t.key === 'sellingUnit') {
          const u = sellingUnitOf(v)
          if (u) group('trade').sellingUnit = u
          else problem(c, { code: 'unknown_selling_unit', message: `"${v}" is not a selling unit (pezzo, bottiglia, cartone, kg …)`, params: { value: v } })
        } else if (t.key === 'moq') {
          const n = take(c, parseInteger(cellOf(c), locale))
          if (n !== undefined) group('trade').moq = n
        } else if (t.key === 'stock') {
          const n = take(c, parseStock(cellOf(c), locale))
          if (n !== undefined) group('trade').stock = n
        } else group('trade')[t.key] = v
        break
      }
      case 'supply': case 'ladder': case 'leadTime': break // read as groups below
      case 'group': case 'rowType': case 'variantsSpec': case 'axisName': case 'axisValue': break // variant layouts (variant-rows.ts)
      case 'logistics': {
        if (t.key === 'netWeight' || t.key === 'grossWeight') {
          if ('part' in t && t.part === 'unit') break
          const unitCol = col(`logistics/${t.key}/unit`)
          const unit = unitCol && !empty(unitCol) ? canonicalUnit(cellText(cellOf(unitCol))) ?? undefined : c.unit ?? 'kg'
          const m = take(c, parseMeasure(cellOf(c), locale, ['kg', 'g'], unit))
          if (m) group('logistics')[t.key] = m
        } else if (t.key === 'dimensions') {
          if (!('part' in t) || !t.part) {
            const d = take(c, parseDimensions(cellOf(c), locale, c.unit ?? 'cm'))
            if (d) group('logistics').dimensions = d
          }
        } else if (t.key === 'unitsPerCarton') {
          const n = take(c, parseInteger(cellOf(c), locale))
          if (n !== undefined) group('logistics').unitsPerCarton = n
        } else if (t.key === 'hsCode') {
          const cell = cellOf(c)
          group('logistics').hsCode = typeof cell === 'number' ? String(cell) : text(c)
        } else {
          const v = text(c)
          if (v !== null) group('logistics')[t.key] = v
        }
        break
      }
      case 'origin': {
        const v = text(c)
        if (v === null) break
        if (t.key === 'country') {
          const code = countryOf(v)
          if (code) group('origin').country = code
          else problem(c, { code: 'unknown_country', message: `"${v}" is not a country (use a name such as Italia or a code such as IT)`, params: { value: v } })
        } else if (t.key === 'certifications') group('origin').certifications = splitList(v).map(certificationOf)
        else group('origin')[t.key] = v
        break
      }
      case 'images': {
        const v = text(c)
        if (v !== null) out.images = splitList(v)
        break
      }
    }
  }

  readDimensionParts()
  readLadder()
  readLeadTimes()
  readSupply()
  if (Object.keys(attributeValues).length) patch.attributes = { ...(patch.attributes ?? {}), ...attributeValues } as Patch['attributes']
  const order = new Map(plan.columns.map((c) => [c.header, c.index]))
  issues.sort((a, b) => (order.get(a.column) ?? -1) - (order.get(b.column) ?? -1))
  return out

  function existingLocalized(code: string): Record<string, string> {
    const v = existing?.attributes[code]
    if (typeof v === 'string') return { it: v }
    return v && typeof v === 'object' && !Array.isArray(v) && !('unit' in v) ? { ...(v as Record<string, string>) } : {}
  }

  function attributeValue(c: PlannedColumn, def: AttributeDef): unknown {
    const cell = cellOf(c)
    switch (def.type) {
      case 'text': {
        if (c.asDate) return take(c, parseDate(cell, locale))
        return text(c) ?? undefined
      }
      case 'boolean': return take(c, parseBoolean(cell))
      case 'number': {
        if (def.units.length === 0) return take(c, parseNumber(cell, locale))
        const unitCol = col(`attribute/${def.code}/unit`)
        const unitText = unitCol && !empty(unitCol) ? cellText(cellOf(unitCol)).trim() : null
        const fallback = unitText ? canonicalUnit(unitText) ?? unitText : c.unit ?? (unitCol ? undefined : def.units[0])
        if (!fallback) {
          const n = take(c, parseNumber(cell, locale))
          if (n !== undefined || typeof cell !== 'string' || !/[^\d.,\s+-]/.test(cell)) return n
        }
        return take(c, parseMeasure(cell, locale, def.units, fallback))
      }
      case 'select': {
        const v = text(c) ?? ''
        const code = optionCode(def, v)
        if (!code) problem(c, { code: 'unknown_option', message: `"${v}" is not one of: ${optionNames(def)}`, params: { value: v, options: optionNames(def) } })
        return code ?? undefined
      }
      case 'multiselect': {
        const words = splitList(text(c) ?? '')
        const codes = words.map((w) => optionCode(def, w))
        const bad = words.filter((_, i) => !codes[i])
        if (bad.length) {
          problem(c, { code: 'unknown_option', message: `not among the options: ${bad.join(', ')}`, params: { value: bad.join(', '), options: optionNames(def) } })
          return undefined
        }
        return codes as string[]
      }
    }
  }

  function clearTarget(c: PlannedColumn): void {
    const t = c.target
    if (t.kind === 'text') texts(t.locale)[t.field] = null
    else if (t.kind === 'attribute' && !t.part) {
      if (t.locale) {
        const base = (attributeValues[t.code] ?? existingLocalized(t.code)) as Record<string, string>
        const { [t.locale]: _gone, ...rest } = base
        attributeValues[t.code] = Object.keys(rest).length ? rest : null
      } else attributeValues[t.code] = null
    } else if (t.kind === 'axis') (patch.axes ??= {})[t.code] = null
    else if (t.kind === 'trade' && t.key !== 'price') group('trade')[t.key] = null
    else if (t.kind === 'logistics' && !('part' in t && t.part)) group('logistics')[t.key] = null
    else if (t.kind === 'origin') group('origin')[t.key] = null
    else if (t.kind === 'category') out.categoryPath = []
    else if (t.kind === 'parent') out.parentSku = ''
    else if (t.kind === 'images') out.images = []
    else if (t.kind === 'variantAxes') patch.variantAxes = []
  }

  function readDimensionParts(): void {
    const parts = ['length', 'width', 'height'] as const
    const cols = parts.map((p) => col(`logistics/dimensions/${p}`))
    const unitCol = col('logistics/dimensions/unit')
    if (cols.every((c) => !c || empty(c))) return
    const base = (patch.logistics?.dimensions ?? existing?.logistics.dimensions ?? {}) as Record<string, unknown>
    const next: Record<string, unknown> = { ...base }
    parts.forEach((p, i) => {
      const c = cols[i]
      if (c && !empty(c)) {
        const n = take(c, parseNumber(cellOf(c), locale))
        if (n !== undefined) next[p] = n
      }
    })
    const u = unitCol && !empty(unitCol) ? canonicalUnit(cellText(cellOf(unitCol))) : null
    next.unit = u ?? next.unit ?? cols.find(Boolean)?.unit ?? 'cm'
    group('logistics').dimensions = next
  }

  function readLadder(): void {
    const priceCol = col('trade/price')
    const tiers = [1, 2, 3, 4].map((n) => ({ n, min: col(`trade/ladder/${n}/minQty`), price: n === 1 ? col('trade/ladder/1/price') ?? priceCol : col(`trade/ladder/${n}/price`) }))
    const mapped = tiers.filter((t) => t.min || t.price)
    if (mapped.length === 0) return
    const given = mapped.filter((t) => (t.min && !empty(t.min)) || (t.price && !empty(t.price)))
    if (given.length === 0 && !clear) return
    const ladder: Array<Partial<LadderTier> | null> = [0, 1, 2, 3].map((i) => (trade.ladder?.[i] ? { ...trade.ladder[i] } : null))
    const moq = (patch.trade?.moq as number | undefined) ?? trade.moq
    let ok = true
    for (const t of mapped) {
      const hasMin = t.min && !empty(t.min)
      const hasPrice = t.price && !empty(t.price)
      if (!hasMin && !hasPrice) {
        if (clear) ladder[t.n - 1] = null
        continue
      }
      const tier: Partial<LadderTier> = { ...(ladder[t.n - 1] ?? {}) }
      let readable = true
      if (hasMin) {
        const n = take(t.min!, parseInteger(cellOf(t.min!), locale))
        if (n === undefined) readable = false
        else tier.minQty = n
      }
      if (hasPrice) {
        const p = take(t.price!, parsePrice(cellOf(t.price!), locale))
        if (p === undefined) readable = false
        else {
          tier.price = p.value
          // The cell's own sign, else the header's ("Prezzo €", "Price (USD)"), else the sheet's or firm's.
          // (The sheet's or firm's default applies to new products only: an update keeps what the product has.)
          const currency = p.currency ?? currencyInHeader(t.price!.header) ?? (existing ? undefined : settings.currency)
          if (currency && !patch.trade?.currency) group('trade').currency = currency
        }
      }
      if (!readable) {
        ok = false
        continue
      }
      if (tier.minQty === undefined && t.n === 1) tier.minQty = moq ?? 1
      if (tier.minQty === undefined) {
        problem(t.price ?? t.min!, { code: 'tier_needs_quantity', message: `price tier ${t.n} needs its minimum quantity`, params: { tier: t.n } })
        ok = false
      } else if (tier.price === undefined) {
        problem(t.min ?? t.price!, { code: 'tier_needs_price', message: `price tier ${t.n} needs its price`, params: { tier: t.n } })
        ok = false
      }
      ladder[t.n - 1] = tier
    }
    if (ok) group('trade').ladder = ladder.filter((t): t is LadderTier => t !== null)
  }

  function readLeadTimes(): void {
    const bands = [1, 2, 3].map((n) => ({ n, max: col(`trade/leadTime/${n}/maxQty`), days: col(`trade/leadTime/${n}/days`) }))
    const mapped = bands.filter((b) => b.max || b.days)
    if (mapped.length === 0) return
    const given = mapped.filter((b) => (b.max && !empty(b.max)) || (b.days && !empty(b.days)))
    if (given.length === 0 && !clear) return
    const current = [0, 1, 2].map((i) => (trade.leadTimes?.[i] ? { ...trade.leadTimes[i] } : null)) as Array<{ maxQty?: number | null; days?: number } | null>
    let ok = true
    for (const b of mapped) {
      const hasMax = b.max && !empty(b.max)
      const hasDays = b.days && !empty(b.days)
      if (!hasMax && !hasDays) {
        if (clear) current[b.n - 1] = null
        continue
      }
      const band = { ...(current[b.n - 1] ?? {}) }
      if (hasMax) {
        const n = take(b.max!, parseInteger(cellOf(b.max!), locale))
        if (n === undefined) ok = false
        else band.maxQty = n
      } else if (b.max) band.maxQty = null
      if (hasDays) {
        const n = take(b.days!, parseInteger(cellOf(b.days!), locale))
        if (n === undefined) ok = false
        else band.days = n
      }
      if (band.days === undefined) {
        problem(b.max ?? b.days!, { code: 'lead_time_needs_days', message: `lead-time band ${b.n} needs its days`, params: { band: b.n } })
        ok = false
      }
      current[b.n - 1] = { maxQty: band.maxQty ?? null, days: band.days }
    }
    if (ok) group('trade').leadTimes = current.filter((b) => b !== null)
  }

  function readSupply(): void {
    const q = col('trade/supplyAbility/quantity')
    const u = col('trade/supplyAbility/unit')
    const p = col('trade/supplyAbility/period')
    const present = [q, u, p].filter((c): c is PlannedColumn => !!c && !empty(c))
    if (present.length === 0) {
      if (clear && (q || u || p)) group('trade').supplyAbility = null
      return
    }
    const next: Record<string, unknown> = { ...(trade.supplyAbility ?? {}) }
    if (q && !empty(q)) {
      const n = take(q, parseInteger(cellOf(q), locale))
      if (n === undefined) return
      next.quantity = n
    }
    if (u && !empty(u)) {
      const v = text(u) ?? ''
      const unit = sellingUnitOf(v)
      if (!unit) return problem(u, { code: 'unknown_selling_unit', message: `"${v}" is not a selling unit`, params: { value: v } })
      next.unit = unit
    }
    if (p && !empty(p)) {
      const v = text(p) ?? ''
      const period = periodOf(v)
      if (!period) return problem(p, { code: 'unknown_period', message: `"${v}" is not a period (giorno, settimana, mese, anno)`, params: { value: v } })
      next.period = period
    }
    next.unit ??= trade.sellingUnit ?? (patch.trade?.sellingUnit as string | undefined) ?? 'piece'
    next.period ??= 'month'
    if (next.quantity === undefined) return problem(present[0], { code: 'supply_needs_quantity', message: 'the supply ability needs a quantity' })
    group('trade').supplyAbility = next
  }
}
