// Sale properties of the sandbox's leaf categories, keyed by leaf id: which attributes define SKUs
// (colour, size, bottle size…), their option values, whether custom values and a picture per value
// are allowed or required, how many SKUs one listing may have and the price range of one SKU.
// Every leaf of a trade (catalog-data.ts profiles) takes its trade's rules; furniture has none.
// The category rules (`saleProp`, `sku`) and `category.attribute.get` are built from this table.
// Attribute and value ids are the sandbox's own (and differ from every category attribute's), so a
// client that hard-codes ids instead of resolving display names fails here too.
import { CATEGORIES, type Named } from './catalog-data.ts'

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

const spiritBottle: SaleAttribute = {
  id: 191_288_110, name: n('Bottle Size', '瓶装容量'), custom: false, image: 'none', maxValues: 8,
  values: values('50ml', '200ml', '350ml', '500ml', '700ml', '1L', '1.5L', '3L')
}
const cheeseWeight: SaleAttribute = {
  id: 191_288_111, name: n('Net Weight', '净重'), custom: true, image: 'none', maxValues: 8,
  values: values('100g', '200g', '250g', '500g', '1kg', '2kg', '5kg', n('Whole Wheel', '整轮'))
}
const foodPack: SaleAttribute = {
  id: 191_288_112, name: n('Package Size', '包装规格'), custom: true, image: 'none', maxValues: 8,
  values: values('100g', '250g', '500g', '1kg', '100ml', '250ml', '500ml', '1L')
}
const garmentSize: SaleAttribute = {
  id: 191_288_113, name: n('Size', '尺码'), custom: true, image: 'none', maxValues: 12,
  values: values('XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL', '3XL', n('One Size', '均码'))
}
const shoeSize: SaleAttribute = {
  id: 191_288_114, name: n('Shoe Size (EU)', '鞋码（欧码）'), custom: false, image: 'none', maxValues: 16,
  values: values(...[34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47].map(String))
}
const homeSize: SaleAttribute = {
  id: 191_288_115, name: n('Size', '尺寸'), custom: true, image: 'none', maxValues: 10,
  values: values(n('Small', '小号'), n('Medium', '中号'), n('Large', '大号'), '140x200cm', '160x200cm', '180x200cm', '50x80cm')
}
const jewelryMetal: SaleAttribute = {
  id: 191_288_116, name: n('Metal Color', '金属颜色'), custom: true, image: 'required', maxValues: 6,
  values: values(n('Yellow Gold', '黄金色'), n('White Gold', '白金色'), n('Rose Gold', '玫瑰金'), n('Silver', '银色'))
}
const ringSize: SaleAttribute = {
  id: 191_288_117, name: n('Ring Size', '戒指尺寸'), custom: true, image: 'none', maxValues: 16,
  values: values(...[8, 10, 12, 14, 16, 18, 20, 22, 24].map(String))
}

const COLOUR_REQUIRED = colour('required')
const COLOUR_OPTIONAL = colour('optional')

/** A trade's SKU rules, for every leaf of that trade (catalog-data.ts PROFILES). */
const BY_PROFILE: Record<string, SkuRules> = {
  wine: { attributes: [bottleSize], maxSkus: 8, price: { min: 0.5, max: 5000 } },
  spirits: { attributes: [spiritBottle], maxSkus: 8, price: { min: 0.5, max: 5000 } },
  oil: { attributes: [oilVolume, oilPackage], maxSkus: 16, price: { min: 0.5, max: 2000 } },
  pasta: { attributes: [pastaPack], maxSkus: 6, price: { min: 0.2, max: 500 } },
  cheese: { attributes: [cheeseWeight], maxSkus: 8, price: { min: 0.5, max: 5000 } },
  coffee: { attributes: [foodPack], maxSkus: 8, price: { min: 0.2, max: 1000 } },
  food: { attributes: [foodPack], maxSkus: 8, price: { min: 0.1, max: 1000 } },
  bags: { attributes: [COLOUR_REQUIRED, bagSize], maxSkus: 60, price: { min: 1, max: 50_000 } },
  belts: { attributes: [COLOUR_OPTIONAL, beltLength], maxSkus: 60, price: { min: 1, max: 5000 } },
  leathersmall: { attributes: [COLOUR_REQUIRED], maxSkus: 24, price: { min: 0.5, max: 5000 } },
  apparel: { attributes: [COLOUR_REQUIRED, garmentSize], maxSkus: 100, price: { min: 0.5, max: 20_000 } },
  shoes: { attributes: [COLOUR_REQUIRED, shoeSize], maxSkus: 100, price: { min: 1, max: 20_000 } },
  ceramics: { attributes: [ceramicPattern, plateSize], maxSkus: 40, price: { min: 0.5, max: 5000 } },
  decor: { attributes: [ceramicPattern, vaseHeight], maxSkus: 40, price: { min: 1, max: 20_000 } },
  homeware: { attributes: [COLOUR_OPTIONAL, homeSize], maxSkus: 40, price: { min: 0.2, max: 5000 } },
  textile: { attributes: [COLOUR_OPTIONAL, homeSize], maxSkus: 40, price: { min: 0.5, max: 5000 } },
  cosmetics: { attributes: [netContent], maxSkus: 12, price: { min: 0.2, max: 2000 } },
  beauty: { attributes: [netContent], maxSkus: 12, price: { min: 0.2, max: 2000 } },
  jewelry: { attributes: [jewelryMetal, ringSize], maxSkus: 40, price: { min: 1, max: 100_000 } }
  // furniture: no sale properties (each model is its own listing, sold on quotation).
}

/** Leaf id → its SKU rules. A leaf without an entry sells single-offer listings only. */
export const SKU_RULES: Record<number, SkuRules> = Object.fromEntries(
  CATEGORIES.filter((c) => c.leaf).flatMap((c) => {
    const rules = c.profile ? BY_PROFILE[c.profile] : undefined
    return rules ? [[c.id, rules]] : []
  })
)

export function skuRules(leafId: number): SkuRules | null {
  return SKU_RULES[leafId] ?? null
}
