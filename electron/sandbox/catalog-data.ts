// The sandbox's ICBU category tree: several hundred nodes covering the trades of Italian SMEs (wine
// and spirits, olive oil, pasta, cheese, coffee, garments, shoes, bags, belts, leather small goods,
// ceramics, furniture, cosmetics …), built from the table in category-table.ts. Each leaf takes the
// attributes, units and minimum order of its trade profile. Ids, names and option codes are the
// sandbox's own; option codes differ per category on purpose, so a client that hard-codes them
// instead of resolving display names fails here too.
import { CATEGORY_TABLE } from './category-table.ts'

export interface Named {
  en: string
  zh: string
}

export interface AttributeValueDef {
  id: number
  name: Named
}

export interface CategoryAttribute {
  id: number
  name: Named
  kind: 'single' | 'multi' | 'input'
  required: boolean
  /** Accepts values outside the list (`<value inputValue="…">-1</value>`). */
  custom: boolean
  values: AttributeValueDef[]
}

export interface SandboxCategory {
  id: number
  parentId: number
  name: Named
  level: number
  leaf: boolean
  /** Leaf only: minimum order quantity the category accepts. */
  minOrder?: number
  /** Leaf only: selling units offered (display names from UNITS). */
  units?: string[]
  /** Leaf only: first option code of this category's unit list. */
  unitCodeBase?: number
  attributes?: CategoryAttribute[]
  /** Leaf only: the trade profile it takes its rules from (PROFILES). */
  profile?: string
}

const n = (en: string, zh: string): Named => ({ en, zh })

export const UNITS: Record<string, Named> = {
  bottle: n('Bottle/Bottles', '瓶'),
  piece: n('Piece/Pieces', '件'),
  carton: n('Carton/Cartons', '纸箱'),
  case: n('Case/Cases', '箱'),
  kilogram: n('Kilogram/Kilograms', '千克'),
  liter: n('Liter/Liters', '升'),
  box: n('Box/Boxes', '盒'),
  set: n('Set/Sets', '套'),
  pair: n('Pair/Pairs', '双'),
  bag: n('Bag/Bags', '袋'),
  dozen: n('Dozen', '打'),
  pallet: n('Pallet/Pallets', '托盘'),
  tin: n('Tin/Tins', '罐'),
  jar: n('Jar/Jars', '广口瓶')
}

let valueSeq = 50_000
const values = (...names: Named[]): AttributeValueDef[] => names.map((name) => ({ id: ++valueSeq, name }))
const yesNo = () => values(n('Yes', '是'), n('No', '否'))

const brand: CategoryAttribute = { id: 2, name: n('Brand Name', '品牌'), kind: 'input', required: true, custom: true, values: [] }
const origin: CategoryAttribute = {
  id: 3, name: n('Place of Origin', '原产地'), kind: 'single', required: true, custom: true,
  values: values(n('Italy', '意大利'), n('France', '法国'), n('Spain', '西班牙'), n('Greece', '希腊'), n('China', '中国'), n('United States', '美国'))
}
const model: CategoryAttribute = { id: 4, name: n('Model Number', '型号'), kind: 'input', required: false, custom: true, values: [] }
const common = [brand, origin, model]

const leatherMaterial: CategoryAttribute = {
  id: 1301, name: n('Material', '材质'), kind: 'single', required: true, custom: false,
  values: values(
    n('Full-grain leather', '全粒面真皮'), n('Top-grain leather', '头层牛皮'), n('Suede', '麂皮'), n('Nubuck', '磨砂皮'),
    n('Vegetable-tanned leather', '植鞣革'), n('Genuine Leather', '真皮'), n('PU', '人造革')
  )
}
const leatherColor: CategoryAttribute = {
  id: 1302, name: n('Color', '颜色'), kind: 'single', required: false, custom: true,
  values: values(n('Black', '黑色'), n('Brown', '棕色'), n('Cognac', '干邑色'), n('Tan', '棕褐色'), n('Red', '红色'), n('Blue', '蓝色'), n('Green', '绿色'), n('White', '白色'), n('Gray', '灰色'))
}
const technique: CategoryAttribute = {
  id: 1401, name: n('Technique', '工艺'), kind: 'single', required: true, custom: true,
  values: values(n('Hand-painted', '手绘'), n('Majolica', '马约利卡陶器'), n('Stoneware', '炻器'), n('Porcelain', '瓷器'), n('Terracotta', '赤陶'))
}
const pattern: CategoryAttribute = { id: 1402, name: n('Pattern', '图案'), kind: 'input', required: false, custom: true, values: [] }


/** A trade's leaf rules: attributes, selling units, minimum order and the first unit option code. */
export interface LeafProfile {
  attributes: CategoryAttribute[]
  units: string[]
  minOrder: number
  unitCodeBase: number
}

const attr = (id: number, en: string, zh: string, kind: CategoryAttribute['kind'], required: boolean, custom: boolean, vals: AttributeValueDef[] = []): CategoryAttribute =>
  ({ id, name: n(en, zh), kind, required, custom, values: vals })

// The leaves the sandbox had first keep their exact rules (and option value ids, made in this order).
const wineType = attr(1001, 'Wine Type', '葡萄酒类型', 'single', true, false,
  values(n('Red', '红葡萄酒'), n('White', '白葡萄酒'), n('Rosé', '桃红葡萄酒'), n('Sparkling', '起泡酒'), n('Dessert', '甜酒'), n('Fortified', '加强酒')))
const grapeVariety = attr(1002, 'Grape Variety', '葡萄品种', 'multi', false, true, values(
  n('Sangiovese', '桑娇维塞'), n('Nebbiolo', '内比奥罗'), n('Montepulciano', '蒙特布查诺'), n('Primitivo', '普里米蒂沃'),
  n("Nero d'Avola", '黑达沃拉'), n('Barbera', '巴贝拉'), n('Merlot', '梅洛'), n('Cabernet Sauvignon', '赤霞珠'),
  n('Trebbiano', '特雷比奥罗'), n('Glera', '格雷拉'), n('Vermentino', '维蒙蒂诺'), n('Pinot Grigio', '灰皮诺'),
  n('Chardonnay', '霞多丽'), n('Malvasia', '玛尔维萨')))
const alcohol = attr(1003, 'Alcohol Content (%)', '酒精度', 'input', false, true)
const bottleSize = attr(1004, 'Bottle Size', '瓶装容量', 'input', false, true)
const oilGrade = attr(1101, 'Grade', '等级', 'single', true, false,
  values(n('Extra virgin olive oil', '特级初榨橄榄油'), n('Virgin olive oil', '初榨橄榄油'), n('Olive oil', '橄榄油')))
const cultivar = attr(1102, 'Cultivar', '橄榄品种', 'multi', false, true,
  values(n('Frantoio', '弗朗托约'), n('Leccino', '莱切诺'), n('Moraiolo', '莫拉约洛'), n('Coratina', '科拉蒂纳'), n('Taggiasca', '塔加斯卡')))
const processing = attr(1105, 'Processing Type', '加工方式', 'single', false, false, values(n('Cold Pressed', '冷榨'), n('Refined', '精炼')))
const pastaType = attr(1201, 'Pasta Type', '面型', 'single', true, true,
  values(n('Spaghetti', '意大利细面'), n('Penne', '通心粉'), n('Fusilli', '螺旋面'), n('Tagliatelle', '宽面'), n('Rigatoni', '水管面'), n('Orecchiette', '猫耳朵面')))
const wheatType = attr(1202, 'Wheat Type', '小麦类型', 'single', false, false, values(n('Durum Wheat Semolina', '硬粒小麦粗粒粉'), n('Whole Wheat', '全麦'), n('Gluten Free', '无麸质')))
const bagSize = attr(1304, 'Size', '尺码', 'single', false, true, values(n('XS', 'XS'), n('S', 'S'), n('M', 'M'), n('L', 'L'), n('XL', 'XL'), n('One size', '均码')))
const dishwasher = attr(1404, 'Dishwasher Safe', '可用洗碗机', 'single', false, false, yesNo())
const microwave = attr(1405, 'Microwave Safe', '可用微波炉', 'single', false, false, yesNo())
const skinType = attr(1501, 'Skin Type', '适用肤质', 'multi', true, false,
  values(n('All', '所有肤质'), n('Dry', '干性'), n('Oily', '油性'), n('Combination', '混合性'), n('Sensitive', '敏感性')))
const vegan = attr(1504, 'Vegan', '纯素', 'single', false, false, yesNo())
const netContent = attr(1502, 'Net Content', '净含量', 'input', false, true)
const shelfLife = attr(1601, 'Shelf Life', '保质期', 'input', false, true)
const certification = attr(1602, 'Certification', '认证', 'multi', false, true,
  values(n('DOP/PDO', '受保护的原产地名称'), n('IGP/PGI', '受保护的地理标志'), n('DOC', 'DOC'), n('DOCG', 'DOCG'), n('Organic', '有机'), n('Halal', '清真'), n('Kosher', '犹太洁食')))
const spiritType = attr(1701, 'Spirit Type', '烈酒类型', 'single', true, true,
  values(n('Grappa', '格拉帕'), n('Brandy', '白兰地'), n('Liqueur', '利口酒'), n('Whisky', '威士忌'), n('Gin', '金酒'), n('Vermouth', '味美思'), n('Beer', '啤酒'), n('Other', '其他')))
const milkType = attr(1801, 'Milk Type', '奶源', 'single', true, true, values(n('Cow', '牛奶'), n('Sheep', '羊奶'), n('Goat', '山羊奶'), n('Buffalo', '水牛奶')))
const aging = attr(1802, 'Aging Period', '熟成期', 'input', false, true)
const roast = attr(1901, 'Roast Level', '烘焙程度', 'single', true, true, values(n('Light', '浅烘'), n('Medium', '中烘'), n('Dark', '深烘')))
const coffeeBlend = attr(1902, 'Blend', '拼配', 'single', false, true, values(n('100% Arabica', '100%阿拉比卡'), n('Arabica & Robusta', '阿拉比卡与罗布斯塔'), n('100% Robusta', '100%罗布斯塔')))
const fabric = attr(2001, 'Material', '面料', 'single', true, true,
  values(n('Cotton', '棉'), n('Linen', '亚麻'), n('Wool', '羊毛'), n('Cashmere', '羊绒'), n('Silk', '真丝'), n('Polyester', '涤纶'), n('Leather', '皮革')))
const garmentSize = attr(2002, 'Size', '尺码', 'multi', false, true,
  values(n('XS', 'XS'), n('S', 'S'), n('M', 'M'), n('L', 'L'), n('XL', 'XL'), n('XXL', 'XXL')))
const gender = attr(2003, 'Gender', '适用性别', 'single', false, false, values(n('Women', '女'), n('Men', '男'), n('Unisex', '男女通用'), n('Children', '儿童')))
const upper = attr(2101, 'Upper Material', '鞋面材质', 'single', true, true,
  values(n('Genuine Leather', '真皮'), n('Suede', '麂皮'), n('Patent Leather', '漆皮'), n('Textile', '织物'), n('Synthetic', '合成材料')))
const outsole = attr(2102, 'Outsole Material', '鞋底材质', 'single', false, true, values(n('Leather', '皮革'), n('Rubber', '橡胶'), n('TPU', 'TPU')))
const shoeSize = attr(2103, 'Shoe Size (EU)', '鞋码（欧码）', 'multi', false, true, values(...[35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46].map((s) => n(String(s), String(s)))))
const woodMaterial = attr(2201, 'Material', '材质', 'single', true, true,
  values(n('Solid Wood', '实木'), n('Walnut', '胡桃木'), n('Oak', '橡木'), n('Metal', '金属'), n('Marble', '大理石'), n('Glass', '玻璃'), n('Upholstered', '软包')))
const style = attr(2202, 'Style', '风格', 'single', false, true, values(n('Modern', '现代'), n('Classic', '古典'), n('Industrial', '工业风'), n('Rustic', '乡村风')))
const assembly = attr(2203, 'Assembly', '安装', 'single', false, false, yesNo())
const dimensions = attr(2204, 'Dimensions (L x W x H)', '尺寸（长x宽x高）', 'input', false, true)
const volume = attr(2301, 'Volume', '容量', 'input', false, true)
const cosmeticForm = attr(2302, 'Form', '剂型', 'single', false, true, values(n('Cream', '霜'), n('Lotion', '乳液'), n('Gel', '啫喱'), n('Oil', '油'), n('Liquid', '液体'), n('Solid', '固体')))
const metal = attr(2401, 'Metal Type', '金属材质', 'single', true, true, values(n('Gold', '黄金'), n('Silver', '银'), n('Brass', '黄铜'), n('Stainless Steel', '不锈钢')))
const homeMaterial = attr(2501, 'Material', '材质', 'single', true, true,
  values(n('Glass', '玻璃'), n('Wood', '木材'), n('Metal', '金属'), n('Ceramic', '陶瓷'), n('Stainless Steel', '不锈钢'), n('Plastic', '塑料')))
const textileMaterial = attr(2601, 'Material', '材质', 'single', true, true, values(n('Linen', '亚麻'), n('Cotton', '棉'), n('Silk', '真丝'), n('Wool', '羊毛')))

const food = [...common, netContent, shelfLife, certification]
export const PROFILES: Record<string, LeafProfile> = {
  wine: { attributes: [...common, wineType, grapeVariety, alcohol, bottleSize, attr(1005, 'Vintage', '年份', 'input', false, true)], units: ['bottle', 'carton', 'case', 'piece'], minOrder: 12, unitCodeBase: 30001 },
  spirits: { attributes: [...common, spiritType, alcohol, bottleSize], units: ['bottle', 'carton', 'case', 'piece'], minOrder: 12, unitCodeBase: 31001 },
  oil: {
    attributes: [...common, oilGrade, cultivar, attr(1103, 'Acidity (%)', '酸度', 'input', false, true), attr(1104, 'Volume', '容量', 'input', false, true), processing],
    units: ['bottle', 'tin', 'carton', 'liter', 'piece'], minOrder: 24, unitCodeBase: 40011
  },
  pasta: { attributes: [...common, pastaType, wheatType], units: ['bag', 'carton', 'kilogram', 'box', 'piece'], minOrder: 100, unitCodeBase: 52001 },
  cheese: { attributes: [...common, milkType, aging, netContent, certification], units: ['kilogram', 'piece', 'carton', 'box'], minOrder: 10, unitCodeBase: 53001 },
  coffee: { attributes: [...common, roast, coffeeBlend, netContent], units: ['bag', 'box', 'kilogram', 'carton', 'piece'], minOrder: 50, unitCodeBase: 54001 },
  food: { attributes: food, units: ['piece', 'jar', 'bottle', 'box', 'carton', 'kilogram', 'bag'], minOrder: 24, unitCodeBase: 55001 },
  bags: { attributes: [...common, leatherMaterial, leatherColor, bagSize], units: ['piece', 'set', 'bag'], minOrder: 2, unitCodeBase: 61001 },
  belts: { attributes: [...common, leatherMaterial, leatherColor, attr(1305, 'Belt Length (cm)', '腰带长度', 'input', false, true)], units: ['piece', 'dozen', 'box'], minOrder: 10, unitCodeBase: 62001 },
  leathersmall: { attributes: [...common, leatherMaterial, leatherColor], units: ['piece', 'dozen', 'box', 'set'], minOrder: 10, unitCodeBase: 63001 },
  apparel: { attributes: [...common, fabric, garmentSize, gender], units: ['piece', 'set', 'dozen'], minOrder: 20, unitCodeBase: 64001 },
  shoes: { attributes: [...common, upper, outsole, shoeSize, gender], units: ['pair', 'carton', 'piece'], minOrder: 12, unitCodeBase: 65001 },
  ceramics: { attributes: [...common, technique, pattern, attr(1403, 'Diameter', '直径', 'input', false, true), dishwasher, microwave], units: ['piece', 'set', 'box', 'carton'], minOrder: 10, unitCodeBase: 71001 },
  decor: { attributes: [...common, technique, pattern, attr(1406, 'Height', '高度', 'input', false, true)], units: ['piece', 'set', 'box'], minOrder: 4, unitCodeBase: 72001 },
  homeware: { attributes: [...common, homeMaterial, dimensions], units: ['piece', 'set', 'box', 'carton'], minOrder: 10, unitCodeBase: 73001 },
  textile: { attributes: [...common, textileMaterial, dimensions], units: ['piece', 'set', 'pair'], minOrder: 20, unitCodeBase: 74001 },
  furniture: { attributes: [...common, woodMaterial, style, assembly, dimensions], units: ['piece', 'set'], minOrder: 1, unitCodeBase: 75001 },
  cosmetics: {
    attributes: [...common, skinType, attr(1502, 'Net Content', '净含量', 'input', false, true), attr(1503, 'Ingredients', '成分', 'input', false, true), vegan],
    units: ['piece', 'box', 'set', 'bottle', 'jar'], minOrder: 50, unitCodeBase: 81001
  },
  beauty: { attributes: [...common, cosmeticForm, volume, vegan], units: ['piece', 'box', 'set', 'bottle', 'jar'], minOrder: 50, unitCodeBase: 82001 },
  jewelry: { attributes: [...common, metal, attr(2402, 'Stone', '宝石', 'input', false, true)], units: ['piece', 'pair', 'set'], minOrder: 5, unitCodeBase: 83001 }
}

/** FNV-1a, 32 bits: stable ids for unpinned nodes. */
function fnv(text: string): number {
  let h = 0x811c9dc5
  for (const ch of Buffer.from(text, 'utf8')) h = Math.imul(h ^ ch, 0x01000193) >>> 0
  return h
}

/** Parses the table: `  English / 中文 #id @profile` per line, two spaces per level. */
export function buildTree(table: string, profiles: Record<string, LeafProfile>): SandboxCategory[] {
  interface Row { depth: number; en: string; zh: string; pinned?: number; profile?: string }
  const rows: Row[] = []
  for (const line of table.split('\n')) {
    if (!line.trim()) continue
    const depth = (line.length - line.trimStart().length) / 2
    const m = /^(.+?) \/ (.+?)((?: [#@]\S+)*)$/.exec(line.trim())
    if (!m || !Number.isInteger(depth)) throw new Error(`category table: cannot read "${line}"`)
    const tags = m[3].trim().split(/\s+/).filter(Boolean)
    const pinned = tags.find((t) => t.startsWith('#'))
    const profile = tags.find((t) => t.startsWith('@'))?.slice(1)
    if (profile && !profiles[profile]) throw new Error(`category table: unknown profile @${profile}`)
    rows.push({ depth, en: m[1], zh: m[2], pinned: pinned ? Number(pinned.slice(1)) : undefined, profile })
  }
  const out: SandboxCategory[] = []
  const ids = new Set<number>()
  const stack: Array<{ id: number; path: string; profile?: string }> = []
  const unitOffsets = new Map<string, number>()
  rows.forEach((row, i) => {
    stack.length = row.depth
    const parent = stack[row.depth - 1]
    const path = `${parent?.path ?? ''}/${row.en}`
    const id = row.pinned ?? 100_000_000 + (fnv(path) % 900_000_000)
    if (ids.has(id)) throw new Error(`category table: id ${id} of "${path}" is taken`)
    ids.add(id)
    const profile = row.profile ?? parent?.profile
    const leaf = !(rows[i + 1] && rows[i + 1].depth > row.depth)
    const node: SandboxCategory = { id, parentId: parent?.id ?? 0, name: n(row.en, row.zh), level: row.depth + 1, leaf }
    if (leaf) {
      if (!profile) throw new Error(`category table: leaf "${path}" has no profile`)
      const p = profiles[profile]
      // Each leaf of a trade gets its own unit codes (the first leaf keeps the profile's base).
      const offset = unitOffsets.get(profile) ?? 0
      unitOffsets.set(profile, offset + 1)
      Object.assign(node, { minOrder: p.minOrder, units: p.units, unitCodeBase: p.unitCodeBase + offset * 100, attributes: p.attributes, profile })
    }
    out.push(node)
    stack[row.depth] = { id, path, profile }
  })
  return out
}

export const CATEGORIES: SandboxCategory[] = buildTree(CATEGORY_TABLE, PROFILES)

const byId = new Map(CATEGORIES.map((c) => [c.id, c]))

export function findCategory(id: number): SandboxCategory | undefined {
  return byId.get(id)
}

const byParent = new Map<number, SandboxCategory[]>()
for (const c of CATEGORIES) byParent.set(c.parentId, [...(byParent.get(c.parentId) ?? []), c])

export function childCategories(parentId: number): SandboxCategory[] {
  return byParent.get(parentId) ?? []
}
