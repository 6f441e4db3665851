// Headers of the variant layouts as shop platforms and Italian sheets write them: the group
// column (Shopify/Medusa "Handle"), the product type (Bagisto/WooCommerce "type"), a parent's list
// of variants (Bagisto "configurable_variants", Magento "configurable_variations"), option name/value
// pairs ("Option1 Name", "Variant Option 2 Value", "Opzione 1 valore") and the stock of each variant
// (Magento "qty").
import { AXIS_PAIRS } from './targets.ts'

const PLAIN: Record<string, string> = {
  handle: 'group', 'product handle': 'group', 'gruppo': 'group', 'gruppo varianti': 'group', 'codice gruppo': 'group', 'group': 'group',
  type: 'rowType', 'product type': 'rowType', tipo: 'rowType', 'tipo prodotto': 'rowType', 'tipo articolo': 'rowType',
  'configurable variants': 'variantsSpec', 'configurable variations': 'variantsSpec', 'elenco varianti': 'variantsSpec',
  stock: 'trade/stock', giacenza: 'trade/stock', disponibilita: 'trade/stock', inventory: 'trade/stock', inventories: 'trade/stock',
  qty: 'trade/stock', 'variant inventory quantity': 'trade/stock', 'variant inventory qty': 'trade/stock', 'stock quantity': 'trade/stock', 'quantita disponibile': 'trade/stock',
  'variant sku': 'sku', 'variant price': 'trade/price'
}

/** The variant-layout target a normalized header names, or null. */
export function variantTargetFor(norm: string): string | null {
  const plain = PLAIN[norm]
  if (plain) return plain
  const m = /^(?:variant )?(?:option|opzione|attribute|attributo) ?([1-9]) (name|nome|value|values|valore|valori)$/.exec(norm)
  if (m && Number(m[1]) <= AXIS_PAIRS) return `${/^n/.test(m[2]) ? 'axisName' : 'axisValue'}/${m[1]}`
  return null
}
