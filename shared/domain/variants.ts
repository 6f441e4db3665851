// Variants as a matrix: a parent's axes (colour, size, bottle size…) and the combination of values
// each variant stands for. Two variants of one parent may never stand for the same combination,
// because the pavilion would see two SKUs it cannot tell apart.

/** How axis values are compared: trimmed, case and accents ignored, runs of spaces folded. */
export function axisValueKey(value: string): string {
  return value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase().replace(/\s+/g, ' ')
}

/**
 * The combination a variant stands for over its parent's axes ("" for an axis it has no value
 * on); null when it has no value on any axis (it stands for nothing yet, so it clashes with none).
 */
export function combinationKey(axes: Record<string, string>, parentAxes: readonly string[]): string | null {
  const values = parentAxes.map((a) => (axes[a] === undefined ? '' : axisValueKey(axes[a])))
  return values.some((v) => v !== '') ? JSON.stringify(values) : null
}

export interface VariantLike {
  sku: string
  axes: Record<string, string>
}

/** Pairs of variants standing for the same combination (each pair once, first SKU first). */
export function duplicateCombinations<T extends VariantLike>(variants: T[], parentAxes: readonly string[]): Array<[T, T]> {
  const seen = new Map<string, T>()
  const out: Array<[T, T]> = []
  for (const v of variants) {
    const key = combinationKey(v.axes, parentAxes)
    if (key === null) continue
    const first = seen.get(key)
    if (first) out.push([first, v])
    else seen.set(key, v)
  }
  return out
}

/** Every combination of the given values per axis, in axis order (the full matrix). */
export function allCombinations(axes: readonly string[], values: Record<string, readonly string[]>): Array<Record<string, string>> {
  let out: Array<Record<string, string>> = [{}]
  for (const axis of axes) {
    const next: Array<Record<string, string>> = []
    for (const partial of out) for (const v of values[axis] ?? []) next.push({ ...partial, [axis]: v })
    out = next
  }
  return axes.length === 0 ? [] : out
}

/** Combinations of the matrix no variant stands for yet. */
export function missingCombinations(axes: readonly string[], values: Record<string, readonly string[]>, variants: VariantLike[]): Array<Record<string, string>> {
  const have = new Set(variants.map((v) => combinationKey(v.axes, axes)).filter((k): k is string => k !== null))
  return allCombinations(axes, values).filter((c) => !have.has(combinationKey(c, axes)!))
}

/** A SKU for a new variant: the parent's SKU and the values, letters and digits only ("BAG-01-COGNAC-M"). */
export function variantSku(parentSku: string, combination: Record<string, string>, axes: readonly string[]): string {
  const part = (v: string) => v.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/,/g, '.').replace(/[^A-Za-z0-9.]+/g, '').toUpperCase()
  const tail = axes.map((a) => part(combination[a] ?? '')).filter(Boolean).join('-')
  return `${parentSku}-${tail}`.slice(0, 64).replace(/[-.]+$/, '')
}
