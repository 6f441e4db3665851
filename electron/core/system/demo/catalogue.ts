// The sample catalogue's content: what three real Italian makers would put in their price list —
// a Chianti winery and oil mill, a Florentine leather workshop and a Deruta majolica maker — with
// the prices, price tiers, minimum orders, lead times, weights and customs codes of their trades,
// and what their translator has done so far (English for everything, Chinese for most, some of it
// approved). Illustrative data: the firms are invented, the products and numbers are typical.

export type Trade = 'wine' | 'oil' | 'leather' | 'ceramics'

/** What the product's picture shows (see pictures.ts). */
export type Picture =
  | { kind: 'bottle'; glass: string; liquid: string; label: string; size: 'standard' | 'magnum' | 'half' | 'oil' }
  | { kind: 'tin'; colour: string; litres: number }
  | { kind: 'bag'; shape: 'bauletto' | 'tracolla' | 'shopper' | 'secchiello' | 'cartella'; colour: string }
  | { kind: 'belt'; colour: string; braided: boolean }
  | { kind: 'plate'; pattern: 'raffaellesco' | 'ricco' | 'gallo' | 'limoni'; diameter: number }
  | { kind: 'vase'; pattern: 'arabesco' | 'geometrico' | 'raffaellesco'; height: number }
  /** A real product photo shipped with the app (resources/demo/photos, licences in its SOURCES.md). */
  | { kind: 'photo'; file: string }

export interface Copy {
  title: string
  description: string
  keywords: string[]
}

export interface Translation extends Copy {
  /** Approved by the reviewer (else translated, waiting for review). */
  approved: boolean
}

export interface DemoProduct {
  sku: string
  trade: Trade
  /** Vetrina category path as the firm's sheet writes it. */
  category: string
  it: Copy
  en: Translation
  /** null: the Chinese translation is not done yet. */
  zh: Translation | null
  /** Attribute cells as the sheet writes them (Italian labels, Italian numbers). */
  attributes: Record<string, string>
  /** Price tiers: [from quantity, price in EUR]; the first starts at the MOQ. */
  ladder: Array<[number, number]>
  unit: string
  moq: number
  /** Lead-time bands: [up to quantity (null: any more), days]. */
  leadTimes: Array<[number | null, number]>
  supply: [number, string, string]
  netKg: number
  grossKg: number
  packaging: string
  unitsPerCarton: number
  hsCode: string
  region: string
  comune: string
  certifications: string[]
  pictures: Picture[]
}

/** The makers: a brand, where they are, and the Vetrina categories their products go in. */
export const MAKERS: Record<Trade, { brand: string; region: string; comune: string; port: string }> = {
  wine: { brand: 'Fattoria Le Querce', region: 'Toscana', comune: 'Gaiole in Chianti', port: 'Livorno' },
  oil: { brand: 'Fattoria Le Querce', region: 'Toscana', comune: 'Gaiole in Chianti', port: 'Livorno' },
  leather: { brand: 'Pelletteria Santa Croce', region: 'Toscana', comune: 'Firenze', port: 'Livorno' },
  ceramics: { brand: 'Maioliche Grifo Deruta', region: 'Umbria', comune: 'Deruta', port: 'Livorno' }
}

/** Family (as the sheet names it) per trade. */
export const FAMILY_OF: Record<Trade, string> = { wine: 'Vino', oil: 'Olio extravergine', leather: 'Pelletteria', ceramics: 'Ceramica' }

/** Each Vetrina category of the sheet and the pavilion leaf it is linked to (by the words a clerk would search). */
export const CATEGORY_LINKS: Array<{ path: string; search: string; leafName: string }> = [
  { path: 'Vini/Rossi', search: 'vino rosso', leafName: 'Wine' },
  { path: 'Vini/Bianchi e rosati', search: 'vino bianco', leafName: 'Wine' },
  { path: 'Vini/Vin Santo', search: 'Dessert & Fortified Wine', leafName: 'Dessert & Fortified Wine' },
  { path: 'Olio extravergine', search: 'olio extravergine', leafName: 'Olive Oil' },
  { path: 'Pelletteria/Borse', search: 'borse in pelle', leafName: 'Handbags' },
  { path: 'Pelletteria/Cinture', search: 'Belts', leafName: 'Belts' },
  { path: 'Ceramiche/Piatti', search: 'Dishes & Plates', leafName: 'Dishes & Plates' },
  { path: 'Ceramiche/Vasi', search: 'Vases', leafName: 'Vases' }
]

const t = (title: string, description: string, keywords: string[], approved = true): Translation => ({ title, description, keywords, approved })
const c = (title: string, description: string, keywords: string[]): Copy => ({ title, description, keywords })

const RED = '#4a0d1a'
const WHITE = '#d8cf8a'
const ROSE = '#e39a9a'
const AMBER = '#b8731f'
const GREEN_GLASS = '#1f3b24'
const CLEAR_GLASS = '#c9d8cf'
const OIL = '#7a8a1f'

function wine(o: {
  sku: string; category: string; it: Copy; en: Translation; zh: Translation | null; type: string; grapes: string; vintage: number; alcohol: string
  bottle: string; appellation: string; ladder: Array<[number, number]>; moq: number; liquid: string; glass?: string; size?: 'standard' | 'magnum' | 'half'
  label: string; certifications: string[]; net: number; gross: number; packaging: string; perCarton: number; unit?: string
}): DemoProduct {
  return {
    sku: o.sku, trade: 'wine', category: o.category, it: o.it, en: o.en, zh: o.zh,
    attributes: { Tipologia: o.type, Vitigni: o.grapes, Annata: String(o.vintage), 'Gradazione alcolica': o.alcohol, 'Formato bottiglia': o.bottle, Denominazione: o.appellation },
    ladder: o.ladder, unit: o.unit ?? 'Bottiglia', moq: o.moq, leadTimes: [[1200, 10], [null, 21]], supply: [20000, 'bottiglie', 'mese'],
    netKg: o.net, grossKg: o.gross, packaging: o.packaging, unitsPerCarton: o.perCarton, hsCode: '2204.21',
    region: MAKERS.wine.region, comune: MAKERS.wine.comune, certifications: o.certifications,
    pictures: [{ kind: 'bottle', glass: o.glass ?? GREEN_GLASS, liquid: o.liquid, label: o.label, size: o.size ?? 'standard' }]
  }
}

function oil(o: {
  sku: string; it: Copy; en: Translation; zh: Translation | null; cultivars: string; acidity: string; volume: string; ladder: Array<[number, number]>; moq: number
  unit: string; certifications: string[]; net: number; gross: number; packaging: string; perCarton: number; picture: Picture
}): DemoProduct {
  return {
    sku: o.sku, trade: 'oil', category: 'Olio extravergine', it: o.it, en: o.en, zh: o.zh,
    attributes: { 'Qualità olio': 'Extravergine di oliva', Cultivar: o.cultivars, 'Acidità': o.acidity, 'Anno di raccolta': '2024', 'Formato olio': o.volume, 'Estratto a freddo': 'sì' },
    ladder: o.ladder, unit: o.unit, moq: o.moq, leadTimes: [[480, 7], [null, 15]], supply: [8000, o.unit === 'Latta' ? 'latte' : 'bottiglie', 'mese'],
    netKg: o.net, grossKg: o.gross, packaging: o.packaging, unitsPerCarton: o.perCarton, hsCode: '1509.20',
    region: MAKERS.oil.region, comune: MAKERS.oil.comune, certifications: o.certifications, pictures: [o.picture]
  }
}

function leather(o: {
  sku: string; category: string; it: Copy; en: Translation; zh: Translation | null; material: string; colour: string; size: string; lining: string
  ladder: Array<[number, number]>; moq: number; net: number; gross: number; packaging: string; perCarton: number; hs: string; picture: Picture
}): DemoProduct {
  return {
    sku: o.sku, trade: 'leather', category: o.category, it: o.it, en: o.en, zh: o.zh,
    attributes: { Materiale: o.material, Colore: o.colour, Taglia: o.size, Fodera: o.lining },
    ladder: o.ladder, unit: 'Pezzo', moq: o.moq, leadTimes: [[100, 20], [null, 35]], supply: [600, 'pezzi', 'mese'],
    netKg: o.net, grossKg: o.gross, packaging: o.packaging, unitsPerCarton: o.perCarton, hsCode: o.hs,
    region: MAKERS.leather.region, comune: MAKERS.leather.comune, certifications: [], pictures: [o.picture]
  }
}

function ceramics(o: {
  sku: string; category: string; it: Copy; en: Translation; zh: Translation | null; technique: string; pattern: string; diameter?: string
  ladder: Array<[number, number]>; moq: number; net: number; gross: number; packaging: string; perCarton: number; hs: string; picture: Picture
}): DemoProduct {
  return {
    sku: o.sku, trade: 'ceramics', category: o.category, it: o.it, en: o.en, zh: o.zh,
    attributes: { Tecnica: o.technique, Decoro: o.pattern, ...(o.diameter ? { 'Diametro (cm)': o.diameter } : {}), 'Lavabile in lavastoviglie': 'no' },
    ladder: o.ladder, unit: 'Pezzo', moq: o.moq, leadTimes: [[200, 25], [null, 45]], supply: [1500, 'pezzi', 'mese'],
    netKg: o.net, grossKg: o.gross, packaging: o.packaging, unitsPerCarton: o.perCarton, hsCode: o.hs,
    region: MAKERS.ceramics.region, comune: MAKERS.ceramics.comune, certifications: [], pictures: [o.picture]
  }
}

const CASE6 = 'Cartone da 6 bottiglie'

export const DEMO_PRODUCTS: DemoProduct[] = [
  wine({
    sku: 'VIN-CCL21-075', category: 'Vini/Rossi', type: 'Rosso', grapes: 'Sangiovese', vintage: 2021, alcohol: '13,5', bottle: '0,75', appellation: 'Chianti Classico DOCG',
    ladder: [[120, 9.8], [600, 8.9], [1200, 8.4]], moq: 120, liquid: RED, label: 'CHIANTI CLASSICO', certifications: ['DOCG'], net: 0.75, gross: 1.35, packaging: CASE6, perCarton: 6,
    it: c('Chianti Classico DOCG 2021 0,75 L', 'Rosso da uve Sangiovese coltivate a Gaiole in Chianti, affinato 12 mesi in botte grande. Cartone da 6 bottiglie.', ['chianti classico', 'vino rosso toscano']),
    en: t('Chianti Classico DOCG 2021 Red Wine 0.75 L', 'Red wine from Sangiovese grapes grown in Gaiole in Chianti, aged 12 months in large oak casks. Carton of 6 bottles.', ['chianti classico', 'tuscan red wine']),
    zh: t('经典基安蒂 DOCG 2021 红葡萄酒 0.75升', '采用盖奥勒-因基安蒂种植的桑娇维塞葡萄酿制，在大橡木桶中陈酿 12 个月。每箱 6 瓶。', ['经典基安蒂', '托斯卡纳红葡萄酒'])
  }),
  wine({
    sku: 'VIN-CCR19-075', category: 'Vini/Rossi', type: 'Rosso', grapes: 'Sangiovese, Merlot', vintage: 2019, alcohol: '14', bottle: '0,75', appellation: 'Chianti Classico Riserva DOCG',
    ladder: [[60, 16.5], [300, 15.2], [900, 14.4]], moq: 60, liquid: RED, label: 'RISERVA', certifications: ['DOCG'], net: 0.75, gross: 1.4, packaging: CASE6, perCarton: 6,
    it: c('Chianti Classico Riserva DOCG 2019 0,75 L', 'Riserva da Sangiovese e Merlot, 24 mesi in botte e 6 in bottiglia prima della vendita. Cartone da 6 bottiglie.', ['chianti riserva', 'vino rosso da invecchiamento']),
    en: t('Chianti Classico Riserva DOCG 2019 Red Wine 0.75 L', 'Riserva from Sangiovese and Merlot, 24 months in cask and 6 in bottle before release. Carton of 6 bottles.', ['chianti riserva', 'aged italian red wine']),
    zh: t('经典基安蒂珍藏 DOCG 2019 红葡萄酒 0.75升', '由桑娇维塞和梅洛酿制，上市前在橡木桶中陈酿 24 个月、瓶中陈酿 6 个月。每箱 6 瓶。', ['基安蒂珍藏', '意大利陈年红葡萄酒'])
  }),
  wine({
    sku: 'VIN-CGS18-075', category: 'Vini/Rossi', type: 'Rosso', grapes: 'Sangiovese', vintage: 2018, alcohol: '14,5', bottle: '0,75', appellation: 'Chianti Classico Gran Selezione DOCG',
    ladder: [[36, 28], [180, 26.4]], moq: 36, liquid: RED, label: 'GRAN SELEZIONE', certifications: ['DOCG'], net: 0.75, gross: 1.5, packaging: 'Cassetta di legno da 6 bottiglie', perCarton: 6,
    it: c('Chianti Classico Gran Selezione DOCG 2018 0,75 L', 'Solo Sangiovese da un unico vigneto a 450 metri, 30 mesi di affinamento. Cassetta di legno da 6 bottiglie.', ['gran selezione', 'chianti classico']),
    en: t('Chianti Classico Gran Selezione DOCG 2018 Red Wine 0.75 L', 'Pure Sangiovese from a single vineyard at 450 metres, aged 30 months. Wooden case of 6 bottles.', ['gran selezione chianti', 'single vineyard red wine']),
    zh: t('经典基安蒂特级精选 DOCG 2018 红葡萄酒 0.75升', '百分百桑娇维塞，来自海拔 450 米的单一葡萄园，陈酿 30 个月。每木箱 6 瓶。', ['特级精选', '经典基安蒂'])
  }),
  wine({
    sku: 'VIN-CCL21-150', category: 'Vini/Rossi', type: 'Rosso', grapes: 'Sangiovese', vintage: 2021, alcohol: '13,5', bottle: '1,5', appellation: 'Chianti Classico DOCG',
    ladder: [[30, 24], [150, 22.2]], moq: 30, liquid: RED, label: 'MAGNUM', size: 'magnum', certifications: ['DOCG'], net: 1.5, gross: 2.6, packaging: 'Cartone da 3 bottiglie magnum', perCarton: 3,
    it: c('Chianti Classico DOCG 2021 magnum 1,5 L', 'Il nostro Chianti Classico in bottiglia magnum, per ristoranti ed enoteche. Cartone da 3 bottiglie.', ['chianti magnum', 'vino per ristoranti']),
    en: t('Chianti Classico DOCG 2021 Red Wine Magnum 1.5 L', 'Our Chianti Classico in a magnum bottle, for restaurants and wine bars. Carton of 3 bottles.', ['chianti magnum', 'wine for restaurants']),
    zh: t('经典基安蒂 DOCG 2021 红葡萄酒 大瓶装 1.5升', '我们的经典基安蒂大瓶装，适合餐厅和酒吧。每箱 3 瓶。', ['基安蒂大瓶装', '餐厅用葡萄酒'], false)
  }),
  wine({
    sku: 'VIN-TRS22-075', category: 'Vini/Rossi', type: 'Rosso', grapes: 'Sangiovese, Merlot', vintage: 2022, alcohol: '13', bottle: '0,75', appellation: 'Toscana IGT',
    ladder: [[240, 6.4], [1200, 5.8], [3600, 5.3]], moq: 240, liquid: RED, label: 'TOSCANA ROSSO', certifications: ['IGT'], net: 0.75, gross: 1.3, packaging: CASE6, perCarton: 6,
    it: c('Toscana Rosso IGT 2022 0,75 L', 'Rosso giovane e fruttato da Sangiovese e Merlot, per tutti i giorni. Cartone da 6 bottiglie.', ['vino rosso toscano', 'vino della casa']),
    en: t('Toscana Rosso IGT 2022 Red Wine 0.75 L', 'Young, fruity red from Sangiovese and Merlot, for every day. Carton of 6 bottles.', ['tuscan red wine', 'house wine']),
    zh: null
  }),
  wine({
    sku: 'VIN-SUP20-075', category: 'Vini/Rossi', type: 'Rosso', grapes: 'Sangiovese, Cabernet Sauvignon, Merlot', vintage: 2020, alcohol: '14', bottle: '0,75', appellation: 'Toscana IGT',
    ladder: [[60, 22], [300, 20.5]], moq: 60, liquid: RED, label: 'SUPERTUSCAN', certifications: ['IGT'], net: 0.75, gross: 1.45, packaging: CASE6, perCarton: 6,
    it: c('Supertuscan Toscana IGT 2020 0,75 L', 'Sangiovese, Cabernet Sauvignon e Merlot, 18 mesi in barrique. Cartone da 6 bottiglie.', ['supertuscan', 'vino rosso in barrique']),
    en: t('Super Tuscan Toscana IGT 2020 Red Wine 0.75 L', 'Sangiovese, Cabernet Sauvignon and Merlot, 18 months in barriques. Carton of 6 bottles.', ['super tuscan', 'barrique aged red wine']),
    zh: t('超级托斯卡纳 IGT 2020 红葡萄酒 0.75升', '桑娇维塞、赤霞珠与梅洛混酿，在小橡木桶中陈酿 18 个月。每箱 6 瓶。', ['超级托斯卡纳', '橡木桶陈酿红葡萄酒'])
  }),
  wine({
    sku: 'VIN-VER23-075', category: 'Vini/Bianchi e rosati', type: 'Bianco', grapes: 'Vermentino', vintage: 2023, alcohol: '12,5', bottle: '0,75', appellation: 'Toscana IGT',
    ladder: [[120, 7.2], [600, 6.6]], moq: 120, liquid: WHITE, glass: CLEAR_GLASS, label: 'VERMENTINO', certifications: ['IGT'], net: 0.75, gross: 1.3, packaging: CASE6, perCarton: 6,
    it: c('Vermentino Toscana IGT 2023 0,75 L', 'Bianco sapido e profumato da uve Vermentino, da servire a 10 gradi. Cartone da 6 bottiglie.', ['vermentino', 'vino bianco toscano']),
    en: t('Vermentino Toscana IGT 2023 White Wine 0.75 L', 'Crisp, aromatic white from Vermentino grapes, best served at 10 degrees. Carton of 6 bottles.', ['vermentino', 'tuscan white wine']),
    zh: t('托斯卡纳维蒙蒂诺 IGT 2023 白葡萄酒 0.75升', '以维蒙蒂诺葡萄酿制的清爽芳香白葡萄酒，最佳饮用温度 10 度。每箱 6 瓶。', ['维蒙蒂诺', '托斯卡纳白葡萄酒'], false)
  }),
  wine({
    sku: 'VIN-BIA23-075', category: 'Vini/Bianchi e rosati', type: 'Bianco', grapes: 'Trebbiano, Malvasia', vintage: 2023, alcohol: '12', bottle: '0,75', appellation: 'Toscana IGT',
    ladder: [[240, 5.9], [1200, 5.4]], moq: 240, liquid: WHITE, glass: CLEAR_GLASS, label: 'BIANCO', certifications: ['IGT'], net: 0.75, gross: 1.3, packaging: CASE6, perCarton: 6,
    it: c('Bianco Toscano IGT 2023 0,75 L', 'Trebbiano e Malvasia, fresco e leggero, per aperitivi e piatti di pesce. Cartone da 6 bottiglie.', ['vino bianco', 'vino da aperitivo']),
    en: t('Bianco Toscano IGT 2023 White Wine 0.75 L', 'Trebbiano and Malvasia, fresh and light, for aperitifs and fish dishes. Carton of 6 bottles.', ['white wine', 'aperitif wine']),
    zh: t('托斯卡纳白葡萄酒 IGT 2023 0.75升', '特雷比奥罗与玛尔维萨混酿，清新爽口，适合开胃酒和海鲜菜肴。每箱 6 瓶。', ['白葡萄酒', '开胃酒'], false)
  }),
  wine({
    sku: 'VIN-ROS23-075', category: 'Vini/Bianchi e rosati', type: 'Rosato', grapes: 'Sangiovese', vintage: 2023, alcohol: '12,5', bottle: '0,75', appellation: 'Toscana IGT',
    ladder: [[120, 6.8], [600, 6.2]], moq: 120, liquid: ROSE, glass: CLEAR_GLASS, label: 'ROSATO', certifications: ['IGT'], net: 0.75, gross: 1.3, packaging: CASE6, perCarton: 6,
    it: c('Rosato Toscana IGT 2023 0,75 L', 'Rosato di Sangiovese dal colore cerasuolo, fragrante e secco. Cartone da 6 bottiglie.', ['vino rosato', 'rosato toscano']),
    en: t('Rosato Toscana IGT 2023 Rose Wine 0.75 L', 'Cherry-pink Sangiovese rose, fragrant and dry. Carton of 6 bottles.', ['rose wine', 'tuscan rose']),
    zh: null
  }),
  wine({
    sku: 'VIN-VSA15-0375', category: 'Vini/Vin Santo', type: 'Da dessert', grapes: 'Trebbiano, Malvasia', vintage: 2015, alcohol: '16', bottle: '0,375', appellation: 'Vin Santo del Chianti Classico DOC',
    ladder: [[60, 19.5], [300, 17.9]], moq: 60, liquid: AMBER, glass: CLEAR_GLASS, label: 'VIN SANTO', size: 'half', certifications: ['DOC'], net: 0.375, gross: 0.8, packaging: 'Cartone da 12 mezze bottiglie', perCarton: 12,
    it: c('Vin Santo del Chianti Classico DOC 2015 0,375 L', 'Uve Trebbiano e Malvasia appassite sui graticci, 6 anni in caratelli di rovere. Cartone da 12 mezze bottiglie.', ['vin santo', 'vino da dessert']),
    en: t('Vin Santo del Chianti Classico DOC 2015 Dessert Wine 0.375 L', 'Trebbiano and Malvasia grapes dried on racks, 6 years in small oak barrels. Carton of 12 half bottles.', ['vin santo', 'italian dessert wine']),
    zh: t('经典基安蒂圣酒 DOC 2015 甜葡萄酒 0.375升', '特雷比奥罗与玛尔维萨葡萄在架上风干，在小橡木桶中陈酿 6 年。每箱 12 个半瓶。', ['圣酒', '意大利甜葡萄酒'])
  }),
  oil({
    sku: 'EVO-DOP-050', cultivars: 'Frantoio, Moraiolo, Leccino', acidity: '0,2', volume: '0,5', ladder: [[120, 14.9], [600, 13.6]], moq: 120, unit: 'Bottiglia', certifications: ['DOP'],
    net: 0.46, gross: 0.95, packaging: 'Cartone da 12 bottiglie', perCarton: 12, picture: { kind: 'bottle', glass: GREEN_GLASS, liquid: OIL, label: 'DOP', size: 'oil' },
    it: c('Olio extravergine di oliva Chianti Classico DOP 0,5 L', 'Frantoio, Moraiolo e Leccino franti entro 12 ore dalla raccolta, acidità 0,2%. Cartone da 12 bottiglie.', ['olio extravergine dop', 'olio chianti classico']),
    en: t('Chianti Classico PDO Extra Virgin Olive Oil 0.5 L', 'Frantoio, Moraiolo and Leccino olives milled within 12 hours of harvest, acidity 0.2%. Carton of 12 bottles.', ['pdo extra virgin olive oil', 'chianti classico olive oil']),
    zh: t('经典基安蒂 受保护的原产地名称 特级初榨橄榄油 0.5升', '弗朗托约、莫拉约洛和莱切诺橄榄在采摘后 12 小时内压榨，酸度 0.2%。每箱 12 瓶。', ['特级初榨橄榄油', '经典基安蒂橄榄油'])
  }),
  oil({
    sku: 'EVO-IGP-050', cultivars: 'Frantoio, Leccino', acidity: '0,3', volume: '0,5', ladder: [[120, 11.8], [600, 10.9]], moq: 120, unit: 'Bottiglia', certifications: ['IGP'],
    net: 0.46, gross: 0.95, packaging: 'Cartone da 12 bottiglie', perCarton: 12, picture: { kind: 'bottle', glass: GREEN_GLASS, liquid: OIL, label: 'IGP', size: 'oil' },
    it: c('Olio extravergine di oliva Toscano IGP 0,5 L', 'Olio fruttato medio da olive toscane, estratto a freddo, acidità 0,3%. Cartone da 12 bottiglie.', ['olio toscano igp', 'olio extravergine']),
    en: t('Tuscan PGI Extra Virgin Olive Oil 0.5 L', 'Medium fruity oil from Tuscan olives, cold extracted, acidity 0.3%. Carton of 12 bottles.', ['tuscan pgi olive oil', 'extra virgin olive oil']),
    zh: t('托斯卡纳 受保护的地理标志 特级初榨橄榄油 0.5升', '托斯卡纳橄榄冷萃取的中等果香橄榄油，酸度 0.3%。每箱 12 瓶。', ['托斯卡纳橄榄油', '特级初榨橄榄油'], false)
  }),
  oil({
    sku: 'EVO-BIO-050', cultivars: 'Leccino, Frantoio', acidity: '0,3', volume: '0,5', ladder: [[120, 10.9], [600, 10.1]], moq: 120, unit: 'Bottiglia', certifications: ['Biologico'],
    net: 0.46, gross: 0.95, packaging: 'Cartone da 12 bottiglie', perCarton: 12, picture: { kind: 'bottle', glass: GREEN_GLASS, liquid: OIL, label: 'BIO', size: 'oil' },
    it: c('Olio extravergine di oliva biologico 0,5 L', 'Da agricoltura biologica certificata UE, olive Leccino e Frantoio. Cartone da 12 bottiglie.', ['olio biologico', 'olio extravergine bio']),
    en: t('Organic Extra Virgin Olive Oil 0.5 L', 'From EU certified organic farming, Leccino and Frantoio olives. Carton of 12 bottles.', ['organic olive oil', 'organic extra virgin olive oil']),
    zh: t('有机特级初榨橄榄油 0.5升', '来自欧盟认证的有机种植，莱切诺和弗朗托约橄榄。每箱 12 瓶。', ['有机橄榄油', '有机特级初榨橄榄油'])
  }),
  oil({
    sku: 'EVO-IGP-3L', cultivars: 'Frantoio, Leccino', acidity: '0,3', volume: '3', ladder: [[24, 52], [120, 48.5]], moq: 24, unit: 'Latta', certifications: ['IGP'],
    net: 2.75, gross: 3.2, packaging: 'Cartone da 4 latte', perCarton: 4, picture: { kind: 'tin', colour: '#2f5d3a', litres: 3 },
    it: c('Olio extravergine di oliva Toscano IGP, latta 3 L', 'Il nostro Toscano IGP in latta da 3 litri per la ristorazione. Cartone da 4 latte.', ['olio in latta', 'olio per ristorazione']),
    en: t('Tuscan PGI Extra Virgin Olive Oil 3 L Tin', 'Our Tuscan PGI oil in a 3 litre tin for food service. Carton of 4 tins.', ['olive oil tin', 'food service olive oil']),
    zh: t('托斯卡纳 受保护的地理标志 特级初榨橄榄油 3升罐装', '我们的托斯卡纳地理标志橄榄油，3 升罐装，适合餐饮业。每箱 4 罐。', ['罐装橄榄油', '餐饮用橄榄油'], false)
  }),
  oil({
    sku: 'EVO-BIO-5L', cultivars: 'Leccino, Frantoio', acidity: '0,3', volume: '5', ladder: [[24, 79], [120, 73]], moq: 24, unit: 'Latta', certifications: ['Biologico'],
    net: 4.6, gross: 5.2, packaging: 'Cartone da 4 latte', perCarton: 4, picture: { kind: 'tin', colour: '#8a6d1f', litres: 5 },
    it: c('Olio extravergine di oliva biologico, latta 5 L', 'Olio biologico in latta da 5 litri, per cucine professionali. Cartone da 4 latte.', ['olio biologico in latta', 'olio per cucine professionali']),
    en: t('Organic Extra Virgin Olive Oil 5 L Tin', 'Organic oil in a 5 litre tin, for professional kitchens. Carton of 4 tins.', ['organic olive oil tin', 'olive oil for restaurants']),
    zh: null
  }),
  leather({
    sku: 'BOR-BAU-NER', category: 'Pelletteria/Borse', material: 'Pelle pieno fiore', colour: 'Nero', size: 'M', lining: 'Cotone', ladder: [[10, 165], [50, 152]], moq: 10,
    net: 0.9, gross: 1.4, packaging: 'Sacchetto di cotone e scatola', perCarton: 6, hs: '4202.21', picture: { kind: 'bag', shape: 'bauletto', colour: '#1e1b1a' },
    it: c('Borsa bauletto in pelle pieno fiore nera', 'Bauletto cucito a mano a Firenze, 32 x 22 x 14 cm, fodera in cotone e accessori in ottone.', ['borsa in pelle', 'bauletto fatto a mano']),
    en: t('Black Full Grain Leather Handbag Handmade in Florence', 'Dome bag hand-stitched in Florence, 32 x 22 x 14 cm, cotton lining and brass hardware.', ['italian leather handbag', 'handmade leather bag'], false),
    zh: t('黑色全粒面真皮手提包 佛罗伦萨手工制作', '佛罗伦萨手工缝制的波士顿包，32 x 22 x 14 厘米，棉质内衬，黄铜配件。', ['意大利真皮手提包', '手工皮包'], false)
  }),
  leather({
    sku: 'BOR-TRA-COG', category: 'Pelletteria/Borse', material: 'Cuoio conciato al vegetale', colour: 'Cognac', size: 'S', lining: 'Pelle scamosciata', ladder: [[10, 138], [50, 127]], moq: 10,
    net: 0.7, gross: 1.1, packaging: 'Sacchetto di cotone e scatola', perCarton: 8, hs: '4202.21', picture: { kind: 'bag', shape: 'tracolla', colour: '#9a4a1c' },
    it: c('Borsa a tracolla in cuoio conciato al vegetale cognac', 'Tracolla regolabile, 26 x 19 x 8 cm, cuoio toscano conciato al vegetale che scurisce con il tempo.', ['borsa a tracolla', 'cuoio conciato al vegetale']),
    en: t('Cognac Vegetable Tanned Leather Shoulder Bag', 'Adjustable strap, 26 x 19 x 8 cm, Tuscan vegetable-tanned leather that darkens with time.', ['leather shoulder bag', 'vegetable tanned leather'], false),
    zh: t('干邑色植鞣革单肩包', '可调节肩带，26 x 19 x 8 厘米，托斯卡纳植鞣革，随时间推移颜色变深。', ['真皮单肩包', '植鞣革'], false)
  }),
  leather({
    sku: 'BOR-SHO-MAR', category: 'Pelletteria/Borse', material: 'Pelle pieno fiore', colour: 'Marrone', size: 'L', lining: 'Cotone', ladder: [[10, 152], [50, 140]], moq: 10,
    net: 1, gross: 1.5, packaging: 'Sacchetto di cotone e scatola', perCarton: 6, hs: '4202.21', picture: { kind: 'bag', shape: 'shopper', colour: '#6b3e1f' },
    it: c('Borsa shopper in pelle pieno fiore marrone', 'Shopper capiente, 40 x 30 x 15 cm, manici rinforzati e tasca interna con zip.', ['borsa shopper', 'borsa in pelle marrone']),
    en: t('Brown Full Grain Leather Tote Bag', 'Roomy tote, 40 x 30 x 15 cm, reinforced handles and inner zip pocket.', ['leather tote bag', 'brown leather bag'], false),
    zh: t('棕色全粒面真皮托特包', '大容量托特包，40 x 30 x 15 厘米，加固手柄，内侧拉链袋。', ['真皮托特包', '棕色皮包'], false)
  }),
  leather({
    sku: 'BOR-SEC-BLU', category: 'Pelletteria/Borse', material: 'Scamosciato', colour: 'Blu', size: 'M', lining: 'Cotone', ladder: [[10, 119], [50, 109]], moq: 10,
    net: 0.6, gross: 1, packaging: 'Sacchetto di cotone e scatola', perCarton: 8, hs: '4202.22', picture: { kind: 'bag', shape: 'secchiello', colour: '#1f3a68' },
    it: c('Borsa secchiello in pelle scamosciata blu', 'Secchiello con coulisse in cuoio, 24 x 28 x 16 cm, morbido e leggero.', ['borsa secchiello', 'borsa scamosciata']),
    en: t('Blue Suede Bucket Bag', 'Bucket bag with leather drawstring, 24 x 28 x 16 cm, soft and light.', ['suede bucket bag', 'italian suede bag'], false),
    zh: null
  }),
  leather({
    sku: 'BOR-CAR-NER', category: 'Pelletteria/Borse', material: 'Pelle pieno fiore', colour: 'Nero', size: 'L', lining: 'Pelle', ladder: [[5, 210], [30, 195]], moq: 5,
    net: 1.4, gross: 2, packaging: 'Sacchetto di cotone e scatola', perCarton: 4, hs: '4202.11', picture: { kind: 'bag', shape: 'cartella', colour: '#1e1b1a' },
    it: c('Cartella portadocumenti in pelle pieno fiore nera', 'Porta un computer da 15 pollici, 40 x 29 x 9 cm, due scomparti e tracolla staccabile.', ['cartella in pelle', 'borsa da lavoro']),
    en: t('Black Full Grain Leather Briefcase', 'Fits a 15 inch laptop, 40 x 29 x 9 cm, two compartments and detachable strap.', ['leather briefcase', 'business bag'], false),
    zh: t('黑色全粒面真皮公文包', '可放入 15 英寸笔记本电脑，40 x 29 x 9 厘米，两个隔层，可拆卸肩带。', ['真皮公文包', '商务包'], false)
  }),
  leather({
    sku: 'BOR-MES-GRI', category: 'Pelletteria/Borse', material: 'Nabuk', colour: 'Grigio', size: 'M', lining: 'Cotone', ladder: [[10, 129], [50, 118]], moq: 10,
    net: 1.1, gross: 1.6, packaging: 'Sacchetto di cotone e scatola', perCarton: 6, hs: '4202.21', picture: { kind: 'photo', file: 'mb06-gray-0.jpg' },
    it: c('Borsa messenger in nabuk grigio', 'Patta con due fibbie, due tasche frontali, tracolla regolabile. 38 x 28 x 10 cm, porta un computer da 13 pollici.', ['borsa messenger', 'borsa a tracolla in pelle']),
    en: t('Grey Nubuck Leather Messenger Bag', 'Flap with two buckles, two front pockets, adjustable shoulder strap. 38 x 28 x 10 cm, fits a 13 inch laptop.', ['messenger bag', 'leather shoulder bag']),
    zh: t('灰色磨砂皮邮差包', '双扣翻盖，两个前袋，可调节肩带。38 x 28 x 10 厘米，可放入 13 英寸笔记本电脑。', ['邮差包', '真皮斜挎包'], false)
  }),
  leather({
    sku: 'CIN-CLA-NER-35', category: 'Pelletteria/Cinture', material: 'Cuoio conciato al vegetale', colour: 'Nero', size: 'M', lining: 'Cuoio', ladder: [[24, 39], [120, 34.5]], moq: 24,
    net: 0.2, gross: 0.3, packaging: 'Scatola singola', perCarton: 24, hs: '4203.30', picture: { kind: 'belt', colour: '#1e1b1a', braided: false },
    it: c('Cintura in cuoio nera, fibbia in ottone, altezza 3,5 cm', 'Cuoio conciato al vegetale spessore 4 mm, fibbia in ottone massiccio, misure da 85 a 120 cm.', ['cintura in cuoio', 'cintura uomo']),
    en: t('Black Leather Belt with Brass Buckle 3.5 cm', 'Vegetable-tanned leather 4 mm thick, solid brass buckle, sizes from 85 to 120 cm.', ['leather belt', 'mens belt'], false),
    zh: t('黑色真皮腰带 黄铜扣 宽 3.5 厘米', '植鞣革，厚 4 毫米，实心黄铜扣，尺寸 85 至 120 厘米。', ['真皮腰带', '男士腰带'], false)
  }),
  leather({
    sku: 'CIN-CLA-MAR-35', category: 'Pelletteria/Cinture', material: 'Cuoio conciato al vegetale', colour: 'Marrone', size: 'M', lining: 'Cuoio', ladder: [[24, 39], [120, 34.5]], moq: 24,
    net: 0.2, gross: 0.3, packaging: 'Scatola singola', perCarton: 24, hs: '4203.30', picture: { kind: 'belt', colour: '#6b3e1f', braided: false },
    it: c('Cintura in cuoio marrone, fibbia in ottone, altezza 3,5 cm', 'Cuoio conciato al vegetale spessore 4 mm, fibbia in ottone massiccio, misure da 85 a 120 cm.', ['cintura marrone', 'cintura in cuoio']),
    en: t('Brown Leather Belt with Brass Buckle 3.5 cm', 'Vegetable-tanned leather 4 mm thick, solid brass buckle, sizes from 85 to 120 cm.', ['brown leather belt', 'leather belt'], false),
    zh: t('棕色真皮腰带 黄铜扣 宽 3.5 厘米', '植鞣革，厚 4 毫米，实心黄铜扣，尺寸 85 至 120 厘米。', ['棕色腰带', '真皮腰带'], false)
  }),
  leather({
    sku: 'CIN-INT-COG-30', category: 'Pelletteria/Cinture', material: 'Cuoio conciato al vegetale', colour: 'Cognac', size: 'M', lining: 'Cuoio', ladder: [[24, 46], [120, 41]], moq: 24,
    net: 0.25, gross: 0.35, packaging: 'Scatola singola', perCarton: 24, hs: '4203.30', picture: { kind: 'belt', colour: '#9a4a1c', braided: true },
    it: c('Cintura intrecciata in cuoio cognac, altezza 3 cm', 'Strisce di cuoio intrecciate a mano, elastica, senza fori, misure da 80 a 115 cm.', ['cintura intrecciata', 'cintura fatta a mano']),
    en: t('Cognac Braided Leather Belt 3 cm', 'Hand-braided leather strips, stretch, no holes, sizes from 80 to 115 cm.', ['braided leather belt', 'handmade belt'], false),
    zh: null
  }),
  ceramics({
    sku: 'CER-PIA-RAF-26', category: 'Ceramiche/Piatti', technique: 'Dipinto a mano', pattern: 'Raffaellesco', diameter: '26', ladder: [[24, 18.5], [120, 16.9]], moq: 24,
    net: 0.7, gross: 0.9, packaging: 'Cartone da 6 piatti', perCarton: 6, hs: '6912.00', picture: { kind: 'plate', pattern: 'raffaellesco', diameter: 26 },
    it: c('Piatto piano Raffaellesco dipinto a mano, diametro 26 cm', 'Maiolica di Deruta con il decoro Raffaellesco in giallo e blu, dipinta a mano pezzo per pezzo.', ['ceramica di deruta', 'piatto dipinto a mano']),
    en: t('Hand Painted Raffaellesco Dinner Plate 26 cm', 'Deruta majolica with the yellow and blue Raffaellesco pattern, painted by hand piece by piece.', ['deruta ceramics', 'hand painted plate']),
    zh: t('手绘拉斐尔风格餐盘 直径 26 厘米', '德鲁塔马约利卡陶器，黄蓝两色拉斐尔风格图案，每件均为手工绘制。', ['德鲁塔陶瓷', '手绘餐盘'])
  }),
  ceramics({
    sku: 'CER-PIA-RIC-20', category: 'Ceramiche/Piatti', technique: 'Dipinto a mano', pattern: 'Ricco Deruta', diameter: '20', ladder: [[24, 14], [120, 12.6]], moq: 24,
    net: 0.45, gross: 0.6, packaging: 'Cartone da 6 piatti', perCarton: 6, hs: '6912.00', picture: { kind: 'plate', pattern: 'ricco', diameter: 20 },
    it: c('Piatto da dessert Ricco Deruta, diametro 20 cm', 'Il decoro Ricco Deruta a fiori e volute in blu, giallo e verde, su smalto bianco.', ['piatto da dessert', 'ricco deruta']),
    en: t('Ricco Deruta Dessert Plate 20 cm', 'The Ricco Deruta floral pattern in blue, yellow and green on white glaze.', ['dessert plate', 'italian majolica']),
    zh: t('德鲁塔富丽纹甜品盘 直径 20 厘米', '白釉上以蓝、黄、绿色绘制的德鲁塔富丽花卉卷叶图案。', ['甜品盘', '意大利马约利卡'], false)
  }),
  ceramics({
    sku: 'CER-PIA-GAL-32', category: 'Ceramiche/Piatti', technique: 'Dipinto a mano', pattern: 'Gallo', diameter: '32', ladder: [[12, 29], [60, 26.5]], moq: 12,
    net: 1.1, gross: 1.4, packaging: 'Cartone da 4 piatti', perCarton: 4, hs: '6912.00', picture: { kind: 'plate', pattern: 'gallo', diameter: 32 },
    it: c('Piatto da portata con gallo dipinto a mano, diametro 32 cm', 'Piatto da portata con il gallo, motivo tradizionale umbro, colori vivaci su fondo bianco.', ['piatto da portata', 'ceramica umbra']),
    en: t('Hand Painted Rooster Serving Plate 32 cm', 'Serving plate with the rooster, a traditional Umbrian motif, bright colours on a white ground.', ['serving plate', 'umbrian ceramics']),
    zh: t('手绘公鸡图案餐盘 直径 32 厘米', '以翁布里亚传统公鸡图案装饰的大餐盘，白底上色彩鲜艳。', ['大餐盘', '翁布里亚陶瓷'], false)
  }),
  ceramics({
    sku: 'CER-PIA-LIM-22', category: 'Ceramiche/Piatti', technique: 'Maiolica', pattern: 'Limoni', diameter: '22', ladder: [[24, 16], [120, 14.5]], moq: 24,
    net: 0.55, gross: 0.7, packaging: 'Cartone da 6 piatti', perCarton: 6, hs: '6912.00', picture: { kind: 'plate', pattern: 'limoni', diameter: 22 },
    it: c('Piatto fondo Limoni in maiolica, diametro 22 cm', 'Piatto fondo con limoni e foglie dipinti su maiolica bianca, per pasta e zuppe.', ['piatto fondo', 'ceramica limoni']),
    en: t('Lemons Majolica Soup Plate 22 cm', 'Deep plate with lemons and leaves painted on white majolica, for pasta and soups.', ['soup plate', 'lemon ceramics']),
    zh: null
  }),
  ceramics({
    sku: 'CER-VAS-ARA-30', category: 'Ceramiche/Vasi', technique: 'Dipinto a mano', pattern: 'Arabesco blu', ladder: [[6, 64], [30, 58]], moq: 6,
    net: 1.8, gross: 2.6, packaging: 'Scatola singola con imbottitura', perCarton: 2, hs: '6913.90', picture: { kind: 'vase', pattern: 'arabesco', height: 30 },
    it: c('Vaso Arabesco blu in maiolica, altezza 30 cm', 'Vaso dipinto a mano con arabeschi blu cobalto, smaltato anche all\'interno.', ['vaso in ceramica', 'vaso dipinto a mano']),
    en: t('Blue Arabesque Majolica Vase 30 cm', 'Hand painted vase with cobalt blue arabesques, glazed inside too.', ['ceramic vase', 'hand painted vase']),
    zh: t('蓝色阿拉伯纹马约利卡花瓶 高 30 厘米', '手绘钴蓝色阿拉伯花纹花瓶，内壁亦施釉。', ['陶瓷花瓶', '手绘花瓶'])
  }),
  ceramics({
    sku: 'CER-VAS-GEO-20', category: 'Ceramiche/Vasi', technique: 'Maiolica', pattern: 'Geometrico', ladder: [[6, 42], [30, 38]], moq: 6,
    net: 1, gross: 1.5, packaging: 'Scatola singola con imbottitura', perCarton: 4, hs: '6913.90', picture: { kind: 'vase', pattern: 'geometrico', height: 20 },
    it: c('Vaso Geometrico in maiolica, altezza 20 cm', 'Fasce geometriche in arancio, verde e blu, ispirate alle maioliche rinascimentali.', ['vaso geometrico', 'maiolica']),
    en: t('Geometric Majolica Vase 20 cm', 'Geometric bands in orange, green and blue, inspired by Renaissance majolica.', ['geometric vase', 'majolica']),
    zh: null
  }),
  ceramics({
    sku: 'CER-ANF-RAF-40', category: 'Ceramiche/Vasi', technique: 'Dipinto a mano', pattern: 'Raffaellesco', ladder: [[4, 98], [20, 89]], moq: 4,
    net: 3.2, gross: 4.5, packaging: 'Scatola singola con imbottitura', perCarton: 1, hs: '6913.90', picture: { kind: 'vase', pattern: 'raffaellesco', height: 40 },
    it: c('Anfora Raffaellesco dipinta a mano, altezza 40 cm', 'Anfora a due manici con il decoro Raffaellesco, un pezzo da collezione firmato dal pittore.', ['anfora in ceramica', 'raffaellesco']),
    en: t('Hand Painted Raffaellesco Amphora 40 cm', 'Two-handled amphora with the Raffaellesco pattern, a collector piece signed by the painter.', ['ceramic amphora', 'raffaellesco']),
    zh: t('手绘拉斐尔风格双耳瓶 高 40 厘米', '饰有拉斐尔风格图案的双耳瓶，由画师签名的收藏级作品。', ['陶瓷双耳瓶', '拉斐尔风格'], false)
  })
]
