// Sale properties of the sandbox's leaf categories, keyed by leaf id: which attributes define SKUs
// (colour, size, bottle size…), their option values, whether custom values and a picture per value
// are allowed or required, how many SKUs one listing may have and the price range of one SKU.
// The category rules (`saleProp`, `sku`) and `category.attribute.get` are built from this table.
// Attribute and value ids are the sandbox's own (and differ from every category attribute's), so a
// client that hard-codes ids instead of resolving display names fails here too.
import type { Named } from './catalog-data.ts'

export interface SaleValue {
  id: number
  name: Named
}

export interface SaleAttribute {
  id: number
  name: Named
  values: SaleValue[]
  /** Values outside the list are allowed (`<value inputValue="Bordeaux">-1</value>`). */
  custom: boolean
  /** A picture per value: 'required' (every value needs one), 'optional', or 'none'. */
  image: 'required' | 'optional' | 'none'
  /** Most values one listing may use on this attribute. */
  maxValues: number
}

export interface SkuRules {
  attributes: SaleAttribute[]
  /** Most SKUs (combinations) one listing may have. */
  maxSkus: number
  /** Range of one SKU's price, USD. */
  price: { min: number; max: number }
}

const n = (en: string, zh: string): Named => ({ en, zh })

let valueSeq = 4_100_000
const values = (...names: Array<Named | string>): SaleValue[] =>
  names.map((name) => ({ id: ++valueSeq, name: typeof name === 'string' ? n(name, name) : name }))

const COLOURS = (): SaleValue[] => values(
  n('Black', '黑色'), n('White', '白色'), n('Brown', '棕色'), n('Cognac', '干邑色'), n('Tan', '棕褐色'), n('Beige', '米色'),
  n('Red', '红色'), n('Burgundy', '酒红色'), n('Pink', '粉色'), n('Orange', '橙色'), n('Yellow', '黄色'), n('Green', '绿色'),
  n('Olive', '橄榄绿'), n('Blue', '蓝色'), n('Navy Blue', '藏青色'), n('Purple', '紫色'), n('Gray', '灰色'), n('Gold', '金色'),
  n('Silver', '银色'), n('Multicolor', '多色')
)

const colour = (image: SaleAttribute['image']): SaleAttribute => ({ id: 191_288_010, name: n('Color', '颜色'), values: COLOURS(), custom: true, image, maxValues: 24 })

const bagSize: SaleAttribute = {
  id: 191_288_011, name: n('Size', '尺码'), custom: false, image: 'none', maxValues: 8,
  values: values('XS', 'S', 'M', 'L', 'XL', n('One Size', '均码'), n('Mini', '迷你'), n('Large', '大号'))
}

const bottleSize: SaleAttribute = {
  id: 191_288_101, name: n('Bottle Size', '瓶装容量'), custom: false, image: 'none', maxValues: 8,
  values: values('187ml', '375ml', '500ml', '750ml', '1L', '1.5L', '3L', '5L')
}

const oilVolume: SaleAttribute = {
  id: 191_288_102, name: n('Volume', '容量'), custom: true, image: 'none', maxValues: 8,
  values: values('100ml', '250ml', '500ml', '750ml', '1L', '3L', '5L', '10L')
}

const oilPackage: SaleAttribute = {
  id: 191_288_103, name: n('Packaging', '包装'), custom: true, image: 'optional', maxValues: 6,
  values: values(n('Glass Bottle', '玻璃瓶'), n('Tin', '铁罐'), n('PET Bottle', 'PET瓶'), n('Bag in Box', '盒中袋'))
}

const pastaPack: SaleAttribute = {
  id: 191_288_104, name: n('Package Size', '包装规格'), custom: true, image: 'none', maxValues: 6,
  values: values('250g', '500g', '1kg', '3kg', '5kg')
}

const beltLength: SaleAttribute = {
  id: 191_288_105, name: n('Belt Length', '腰带长度'), custom: true, image: 'none', maxValues: 10,
  values: values('80cm', '85cm', '90cm', '95cm', '100cm', '105cm', '110cm', '115cm', '120cm', '125cm')
}

const ceramicPattern: SaleAttribute = {
  id: 191_288_106, name: n('Pattern', '图案'), custom: true, image: 'required', maxValues: 12,
  values: values(n('Solid Color', '纯色'), n('Floral', '花卉'), n('Geometric', '几何'), n('Hand-painted', '手绘'))
}

const plateSize: SaleAttribute = {
  id: 191_288_107, name: n('Diameter', '直径'), custom: true, image: 'none', maxValues: 8,
  values: values('15cm', '20cm', '22cm', '26cm', '28cm', '30cm', '32cm')
}

const vaseHeight: SaleAttribute = {
  id: 191_288_108, name: n('Height', '高度'), custom: true, image: 'none', maxValues: 8,
  values: values('15cm', '20cm', '25cm', '30cm', '40cm', '50cm')
}

const netContent: SaleAttribute = {
  id: 191_288_109, name: n('Net Content', '净含量'), custom: true, image: 'none', maxValues: 8,
  values: values('15ml', '30ml', '50ml', '100ml', '150ml', '200ml', '250ml', '500ml')
}

/** Leaf id → its SKU rules. A leaf without an entry sells single-offer listings only. */
export const SKU_RULES: Record<number, SkuRules> = {
  100008830: { attributes: [bottleSize], maxSkus: 8, price: { min: 0.5, max: 5000 } },
  100008831: { attributes: [oilVolume, oilPackage], maxSkus: 16, price: { min: 0.5, max: 2000 } },
  100008832: { attributes: [pastaPack], maxSkus: 6, price: { min: 0.2, max: 500 } },
  152401: { attributes: [colour('required'), bagSize], maxSkus: 60, price: { min: 1, max: 50_000 } },
  300501: { attributes: [colour('optional'), beltLength], maxSkus: 60, price: { min: 1, max: 5000 } },
  150301: { attributes: [ceramicPattern, plateSize], maxSkus: 40, price: { min: 0.5, max: 5000 } },
  150401: { attributes: [ceramicPattern, vaseHeight], maxSkus: 40, price: { min: 1, max: 20_000 } },
  660101: { attributes: [netContent], maxSkus: 12, price: { min: 0.2, max: 2000 } }
}

export function skuRules(leafId: number): SkuRules | null {
  return SKU_RULES[leafId] ?? null
}
