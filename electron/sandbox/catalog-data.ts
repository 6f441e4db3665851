// The sandbox's fixed ICBU category tree: a few leaf categories that fit Italian SMEs (wine, olive
// oil, pasta, leather goods, ceramics, cosmetics), each with its attributes, units and minimum
// order. Ids, names and option codes are the sandbox's own; option codes differ per category on
// purpose, so a client that hard-codes them instead of resolving display names fails here too.

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

export const CATEGORIES: SandboxCategory[] = [
  { id: 2, parentId: 0, name: n('Food & Beverage', '食品饮料'), level: 1, leaf: false },
  { id: 200, parentId: 2, name: n('Alcoholic Beverage', '酒精饮料'), level: 2, leaf: false },
  { id: 201, parentId: 2, name: n('Edible Oil', '食用油'), level: 2, leaf: false },
  { id: 202, parentId: 2, name: n('Grain Products', '谷物制品'), level: 2, leaf: false },
  {
    id: 100008830, parentId: 200, name: n('Wine', '葡萄酒'), level: 3, leaf: true, minOrder: 12,
    units: ['bottle', 'carton', 'case', 'piece'], unitCodeBase: 30001,
    attributes: [
      ...common,
      {
        id: 1001, name: n('Wine Type', '葡萄酒类型'), kind: 'single', required: true, custom: false,
        values: values(n('Red', '红葡萄酒'), n('White', '白葡萄酒'), n('Rosé', '桃红葡萄酒'), n('Sparkling', '起泡酒'), n('Dessert', '甜酒'), n('Fortified', '加强酒'))
      },
      {
        id: 1002, name: n('Grape Variety', '葡萄品种'), kind: 'multi', required: false, custom: true,
        values: values(
          n('Sangiovese', '桑娇维塞'), n('Nebbiolo', '内比奥罗'), n('Montepulciano', '蒙特布查诺'), n('Primitivo', '普里米蒂沃'),
          n("Nero d'Avola", '黑达沃拉'), n('Barbera', '巴贝拉'), n('Merlot', '梅洛'), n('Cabernet Sauvignon', '赤霞珠'),
          n('Trebbiano', '特雷比奥罗'), n('Glera', '格雷拉'), n('Vermentino', '维蒙蒂诺'), n('Pinot Grigio', '灰皮诺'),
          n('Chardonnay', '霞多丽'), n('Malvasia', '玛尔维萨')
        )
      },
      { id: 1003, name: n('Alcohol Content (%)', '酒精度'), kind: 'input', required: false, custom: true, values: [] },
      { id: 1004, name: n('Bottle Size', '瓶装容量'), kind: 'input', required: false, custom: true, values: [] },
      { id: 1005, name: n('Vintage', '年份'), kind: 'input', required: false, custom: true, values: [] }
    ]
  },
  {
    id: 100008831, parentId: 201, name: n('Olive Oil', '橄榄油'), level: 3, leaf: true, minOrder: 24,
    units: ['bottle', 'tin', 'carton', 'liter', 'piece'], unitCodeBase: 40011,
    attributes: [
      ...common,
      {
        id: 1101, name: n('Grade', '等级'), kind: 'single', required: true, custom: false,
        values: values(n('Extra virgin olive oil', '特级初榨橄榄油'), n('Virgin olive oil', '初榨橄榄油'), n('Olive oil', '橄榄油'))
      },
      {
        id: 1102, name: n('Cultivar', '橄榄品种'), kind: 'multi', required: false, custom: true,
        values: values(n('Frantoio', '弗朗托约'), n('Leccino', '莱切诺'), n('Moraiolo', '莫拉约洛'), n('Coratina', '科拉蒂纳'), n('Taggiasca', '塔加斯卡'))
      },
      { id: 1103, name: n('Acidity (%)', '酸度'), kind: 'input', required: false, custom: true, values: [] },
      { id: 1104, name: n('Volume', '容量'), kind: 'input', required: false, custom: true, values: [] },
      { id: 1105, name: n('Processing Type', '加工方式'), kind: 'single', required: false, custom: false, values: values(n('Cold Pressed', '冷榨'), n('Refined', '精炼')) }
    ]
  },
  {
    id: 100008832, parentId: 202, name: n('Pasta', '意大利面'), level: 3, leaf: true, minOrder: 100,
    units: ['bag', 'carton', 'kilogram', 'box', 'piece'], unitCodeBase: 52001,
    attributes: [
      ...common,
      {
        id: 1201, name: n('Pasta Type', '面型'), kind: 'single', required: true, custom: true,
        values: values(n('Spaghetti', '意大利细面'), n('Penne', '通心粉'), n('Fusilli', '螺旋面'), n('Tagliatelle', '宽面'), n('Rigatoni', '水管面'), n('Orecchiette', '猫耳朵面'))
      },
      { id: 1202, name: n('Wheat Type', '小麦类型'), kind: 'single', required: false, custom: false, values: values(n('Durum Wheat Semolina', '硬粒小麦粗粒粉'), n('Whole Wheat', '全麦'), n('Gluten Free', '无麸质')) }
    ]
  },
  { id: 1524, parentId: 0, name: n('Luggage, Bags & Cases', '箱包'), level: 1, leaf: false },
  {
    id: 152401, parentId: 1524, name: n('Handbags', '手提包'), level: 2, leaf: true, minOrder: 2,
    units: ['piece', 'set', 'bag'], unitCodeBase: 61001,
    attributes: [
      ...common, leatherMaterial, leatherColor,
      { id: 1304, name: n('Size', '尺码'), kind: 'single', required: false, custom: true, values: values(n('XS', 'XS'), n('S', 'S'), n('M', 'M'), n('L', 'L'), n('XL', 'XL'), n('One size', '均码')) }
    ]
  },
  { id: 3, parentId: 0, name: n('Apparel & Accessories', '服装配饰'), level: 1, leaf: false },
  {
    id: 300501, parentId: 3, name: n('Belts', '腰带'), level: 2, leaf: true, minOrder: 10,
    units: ['piece', 'dozen', 'box'], unitCodeBase: 62001,
    attributes: [...common, leatherMaterial, leatherColor, { id: 1305, name: n('Belt Length (cm)', '腰带长度'), kind: 'input', required: false, custom: true, values: [] }]
  },
  { id: 15, parentId: 0, name: n('Home & Garden', '家居园艺'), level: 1, leaf: false },
  { id: 1503, parentId: 15, name: n('Kitchen, Dining & Bar', '厨房餐饮'), level: 2, leaf: false },
  { id: 1504, parentId: 15, name: n('Home Decor', '家居装饰'), level: 2, leaf: false },
  {
    id: 150301, parentId: 1503, name: n('Dishes & Plates', '餐盘'), level: 3, leaf: true, minOrder: 10,
    units: ['piece', 'set', 'box', 'carton'], unitCodeBase: 71001,
    attributes: [
      ...common, technique, pattern,
      { id: 1403, name: n('Diameter', '直径'), kind: 'input', required: false, custom: true, values: [] },
      { id: 1404, name: n('Dishwasher Safe', '可用洗碗机'), kind: 'single', required: false, custom: false, values: yesNo() },
      { id: 1405, name: n('Microwave Safe', '可用微波炉'), kind: 'single', required: false, custom: false, values: yesNo() }
    ]
  },
  {
    id: 150401, parentId: 1504, name: n('Vases', '花瓶'), level: 3, leaf: true, minOrder: 4,
    units: ['piece', 'set', 'box'], unitCodeBase: 72001,
    attributes: [...common, technique, pattern, { id: 1406, name: n('Height', '高度'), kind: 'input', required: false, custom: true, values: [] }]
  },
  { id: 66, parentId: 0, name: n('Beauty & Personal Care', '美容个护'), level: 1, leaf: false },
  { id: 6601, parentId: 66, name: n('Skin Care', '护肤品'), level: 2, leaf: false },
  {
    id: 660101, parentId: 6601, name: n('Face Cream & Lotion', '面霜乳液'), level: 3, leaf: true, minOrder: 50,
    units: ['piece', 'box', 'set', 'bottle', 'jar'], unitCodeBase: 81001,
    attributes: [
      ...common,
      {
        id: 1501, name: n('Skin Type', '适用肤质'), kind: 'multi', required: true, custom: false,
        values: values(n('All', '所有肤质'), n('Dry', '干性'), n('Oily', '油性'), n('Combination', '混合性'), n('Sensitive', '敏感性'))
      },
      { id: 1502, name: n('Net Content', '净含量'), kind: 'input', required: false, custom: true, values: [] },
      { id: 1503, name: n('Ingredients', '成分'), kind: 'input', required: false, custom: true, values: [] },
      { id: 1504, name: n('Vegan', '纯素'), kind: 'single', required: false, custom: false, values: yesNo() }
    ]
  }
]

const byId = new Map(CATEGORIES.map((c) => [c.id, c]))

export function findCategory(id: number): SandboxCategory | undefined {
  return byId.get(id)
}

export function childCategories(parentId: number): SandboxCategory[] {
  return CATEGORIES.filter((c) => c.parentId === parentId)
}
