// Realistic catalogue data for benchmarks and demos: Tuscan wines and oils, Florentine leather,
// Deruta ceramics, Italian cosmetics — in Italian, English and Chinese, as the pavilion needs them.
import type { ProductCreate } from '../../shared/domain/product.ts'

interface Line {
  family: string
  it: string[]
  en: string[]
  zh: string[]
  keywordsIt: string[]
  unit: 'bottle' | 'tin' | 'piece' | 'set' | 'jar'
  hs: string
  region: string[]
  certifications: string[]
}

const LINES: Line[] = [
  {
    family: 'fam_wine',
    it: ['Chianti Classico DOCG', 'Brunello di Montalcino DOCG', 'Vino Nobile di Montepulciano DOCG', 'Rosso di Montalcino DOC', 'Vin Santo del Chianti DOC', 'Morellino di Scansano DOCG', 'Prosecco DOC Extra Dry', 'Primitivo di Manduria DOC', 'Nero d\'Avola Sicilia DOC', 'Barolo DOCG'],
    en: ['Chianti Classico red wine', 'Brunello di Montalcino red wine', 'Vino Nobile di Montepulciano red wine', 'Rosso di Montalcino red wine', 'Vin Santo dessert wine', 'Morellino di Scansano red wine', 'Prosecco sparkling wine', 'Primitivo di Manduria red wine', 'Nero d\'Avola red wine', 'Barolo red wine'],
    zh: ['经典基安蒂红葡萄酒', '蒙塔尔奇诺布鲁奈罗红葡萄酒', '蒙特普齐亚诺贵族红葡萄酒', '蒙塔尔奇诺红葡萄酒', '圣酒甜白葡萄酒', '斯坎萨诺莫雷利诺红葡萄酒', '普罗塞克起泡酒', '曼杜里亚普里米蒂沃红葡萄酒', '西西里黑达沃拉红葡萄酒', '巴罗洛红葡萄酒'],
    keywordsIt: ['vino rosso', 'vino toscano', 'made in italy', 'sangiovese'],
    unit: 'bottle', hs: '2204.21', region: ['Toscana', 'Veneto', 'Puglia', 'Sicilia', 'Piemonte'], certifications: ['DOCG', 'DOC', 'organic']
  },
  {
    family: 'fam_olive_oil',
    it: ['Olio extravergine di oliva Toscano IGP', 'Olio extravergine di oliva biologico', 'Olio extravergine Terra di Bari DOP', 'Olio extravergine Riviera Ligure DOP', 'Olio extravergine monocultivar Coratina', 'Olio aromatizzato al tartufo bianco'],
    en: ['Tuscan PGI extra virgin olive oil', 'Organic extra virgin olive oil', 'Terra di Bari PDO extra virgin olive oil', 'Riviera Ligure PDO extra virgin olive oil', 'Coratina single-variety olive oil', 'White truffle flavoured olive oil'],
    zh: ['托斯卡纳特级初榨橄榄油', '有机特级初榨橄榄油', '巴里特级初榨橄榄油', '利古里亚特级初榨橄榄油', '科拉蒂纳单一品种橄榄油', '白松露风味橄榄油'],
    keywordsIt: ['olio evo', 'olio extravergine', 'frantoio', 'spremitura a freddo'],
    unit: 'tin', hs: '1509.20', region: ['Toscana', 'Puglia', 'Liguria', 'Umbria'], certifications: ['IGP', 'DOP', 'organic']
  },
  {
    family: 'fam_leather',
    it: ['Borsa tote in pelle pieno fiore', 'Cintura in cuoio conciato al vegetale', 'Portafoglio in pelle da uomo', 'Zaino in pelle scamosciata', 'Borsa a tracolla in nabuk', 'Portadocumenti in pelle fiorentina'],
    en: ['Full-grain leather tote bag', 'Vegetable-tanned leather belt', 'Men\'s leather wallet', 'Suede leather backpack', 'Nubuck crossbody bag', 'Florentine leather briefcase'],
    zh: ['全粒面真皮托特包', '植鞣革腰带', '男士真皮钱包', '麂皮双肩包', '磨砂皮斜挎包', '佛罗伦萨真皮公文包'],
    keywordsIt: ['pelletteria', 'vera pelle', 'artigianale', 'firenze'],
    unit: 'piece', hs: '4202.21', region: ['Toscana', 'Marche', 'Campania'], certifications: []
  },
  {
    family: 'fam_ceramics',
    it: ['Piatto in maiolica di Deruta dipinto a mano', 'Vaso in ceramica decorato Raffaellesco', 'Set di tazze in gres', 'Ciotola in terracotta smaltata', 'Brocca in maiolica Ricco Deruta', 'Piastrelle in ceramica vietrese'],
    en: ['Hand-painted Deruta majolica plate', 'Raffaellesco decorated ceramic vase', 'Stoneware mug set', 'Glazed terracotta bowl', 'Ricco Deruta majolica jug', 'Vietri ceramic tiles'],
    zh: ['德鲁塔手绘马约利卡陶瓷盘', '拉斐尔风格装饰陶瓷花瓶', '炻器马克杯套装', '釉面赤陶碗', '德鲁塔马约利卡陶瓷水壶', '维耶特里陶瓷砖'],
    keywordsIt: ['ceramica', 'maiolica', 'dipinto a mano', 'deruta'],
    unit: 'piece', hs: '6912.00', region: ['Umbria', 'Campania', 'Sicilia'], certifications: []
  },
  {
    family: 'fam_cosmetics',
    it: ['Crema viso idratante all\'olio d\'oliva', 'Sapone naturale al latte di capra', 'Siero viso alla bava di lumaca', 'Crema mani al fico d\'India', 'Shampoo alle erbe officinali', 'Profumo alla zagara di Sicilia'],
    en: ['Olive oil moisturising face cream', 'Natural goat milk soap', 'Snail slime face serum', 'Prickly pear hand cream', 'Herbal shampoo', 'Sicilian orange blossom perfume'],
    zh: ['橄榄油保湿面霜', '天然山羊奶皂', '蜗牛精华面部精华液', '仙人掌果护手霜', '草本洗发水', '西西里橙花香水'],
    keywordsIt: ['cosmetica naturale', 'bio', 'made in italy', 'cura della pelle'],
    unit: 'jar', hs: '3304.99', region: ['Sicilia', 'Lombardia', 'Toscana'], certifications: ['organic', 'vegan']
  }
]

const SIZES_IT = ['0,75 L', '0,5 L', '1,5 L', '3 L', '5 L', '250 ml', '100 ml', '28 cm', '35 cm', 'taglia M']

/** Deterministic pseudo-random numbers (so every run benchmarks the same catalogue). */
export function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function sampleProduct(i: number, random: () => number, categoryIds: string[] = []): ProductCreate {
  const line = LINES[i % LINES.length]
  const k = Math.floor(random() * line.it.length)
  const year = 2015 + Math.floor(random() * 10)
  const size = SIZES_IT[Math.floor(random() * SIZES_IT.length)]
  const moq = [12, 24, 50, 60, 100, 120, 240][Math.floor(random() * 7)]
  const price = Math.round((3 + random() * 120) * 100) / 100
  const translated = random()
  return {
    sku: `${line.family.slice(4, 7).toUpperCase()}-${String(i).padStart(6, '0')}`,
    status: random() < 0.3 ? 'ready' : 'draft',
    familyId: line.family,
    categoryId: categoryIds.length ? categoryIds[i % categoryIds.length] : null,
    texts: {
      it: {
        title: `${line.it[k]} ${year} ${size}`,
        shortDescription: `${line.it[k]}: prodotto artigianale italiano, lotto ${i}.`,
        keywords: line.keywordsIt.slice(0, 2 + (i % 3))
      },
      ...(translated > 0.15 ? { en: { title: `${line.en[k]} ${year} ${size.replace(',', '.')}` } } : {}),
      ...(translated > 0.35 ? { 'zh-CN': { title: `${line.zh[k]} ${year}` } } : {})
    },
    trade: { currency: 'EUR', sellingUnit: line.unit, moq, ladder: [{ minQty: moq, price }, { minQty: moq * 5, price: Math.round(price * 90) / 100 }] },
    logistics: { hsCode: line.hs, unitsPerCarton: 6 },
    origin: { country: 'IT', region: line.region[i % line.region.length], certifications: line.certifications.slice(0, i % (line.certifications.length + 1)) }
  }
}
