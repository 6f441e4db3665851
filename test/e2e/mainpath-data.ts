// A winery that also sells olive oil and leather goods: its Italian price list (an .xlsx written by
// exceljs, i.e. by another program than Vetrina), a folder of product photos named as the sheet's
// photo column says (drawn with sharp from SVG: a bottle, a tin or a bag on white), and what a
// translator would write for each Italian text (for the XLIFF round trip).
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import sharp from 'sharp'

export interface PriceListRow {
  sku: string
  kind: 'wine' | 'oil' | 'bag'
  it: { title: string; description: string; keywords: string[] }
  en: { title: string; description: string; keywords: string[] }
  zh: { title: string; description: string; keywords: string[] }
  category: string
  wineType?: string
  grapes?: string
  vintage?: number
  alcohol?: string
  bottle?: string
  oilGrade?: string
  material?: string
  colour?: string
  price: number
  unit: string
  moq: number
  photo: string
}

const WINES = [
  { it: 'Chianti Classico DOCG', en: 'Chianti Classico DOCG Red Wine', zh: '经典基安蒂 DOCG 红葡萄酒', type: 'Rosso', grapes: 'Sangiovese', alc: '13,5%' },
  { it: 'Brunello di Montalcino DOCG', en: 'Brunello di Montalcino DOCG Red Wine', zh: '蒙塔奇诺布鲁奈罗 DOCG 红葡萄酒', type: 'Rosso', grapes: 'Sangiovese', alc: '14%' },
  { it: 'Vino Nobile di Montepulciano DOCG', en: 'Vino Nobile di Montepulciano DOCG Red Wine', zh: '蒙特普尔恰诺贵族葡萄酒 DOCG', type: 'Rosso', grapes: 'Sangiovese, Merlot', alc: '13,5%' },
  { it: 'Vermentino di Toscana IGT', en: 'Vermentino Tuscany IGT White Wine', zh: '托斯卡纳维蒙蒂诺 IGT 白葡萄酒', type: 'Bianco', grapes: 'Vermentino', alc: '12,5%' },
  { it: 'Rosso di Montalcino DOC', en: 'Rosso di Montalcino DOC Red Wine', zh: '蒙塔奇诺红葡萄酒 DOC', type: 'Rosso', grapes: 'Sangiovese', alc: '13,5%' },
  { it: 'Bolgheri Rosso DOC', en: 'Bolgheri Rosso DOC Red Wine', zh: '宝格丽红葡萄酒 DOC', type: 'Rosso', grapes: 'Cabernet Sauvignon, Merlot', alc: '14%' },
  { it: 'Trebbiano Toscano IGT', en: 'Trebbiano Tuscany IGT White Wine', zh: '托斯卡纳特雷比奥罗 IGT 白葡萄酒', type: 'Bianco', grapes: 'Trebbiano', alc: '12%' },
  { it: 'Rosato di Toscana IGT', en: 'Tuscany IGT Rose Wine', zh: '托斯卡纳 IGT 桃红葡萄酒', type: 'Rosato', grapes: 'Sangiovese', alc: '12,5%' }
]
const OILS = [
  { it: 'Olio extravergine di oliva Toscano IGP', en: 'Tuscan IGP Extra Virgin Olive Oil', zh: '托斯卡纳 IGP 特级初榨橄榄油', cult: 'Frantoio' },
  { it: 'Olio extravergine di oliva biologico', en: 'Organic Extra Virgin Olive Oil', zh: '有机特级初榨橄榄油', cult: 'Leccino' },
  { it: 'Olio extravergine di oliva Chianti Classico DOP', en: 'Chianti Classico PDO Extra Virgin Olive Oil', zh: '经典基安蒂 受保护的原产地名称 特级初榨橄榄油', cult: 'Moraiolo' }
]
const OIL_SIZES = [
  { it: 'bottiglia 0,5 L', en: '0.5 L Bottle', zh: '0.5 升瓶装', unit: 'Bottiglia', price: 9.8 },
  { it: 'bottiglia 0,75 L', en: '0.75 L Bottle', zh: '0.75 升瓶装', unit: 'Bottiglia', price: 12.9 },
  { it: 'latta 3 L', en: '3 L Tin', zh: '3 升罐装', unit: 'Latta', price: 39.5 },
  { it: 'latta 5 L', en: '5 L Tin', zh: '5 升罐装', unit: 'Latta', price: 61 },
  { it: 'bottiglia 0,25 L', en: '0.25 L Bottle', zh: '0.25 升瓶装', unit: 'Bottiglia', price: 6.2 },
  { it: 'bottiglia 1 L', en: '1 L Bottle', zh: '1 升瓶装', unit: 'Bottiglia', price: 16.4 }
]
const BAGS = [
  { it: 'Borsa a mano in pelle', en: 'Leather Handbag', zh: '真皮手提包', price: 180 },
  { it: 'Borsa a tracolla in pelle', en: 'Leather Shoulder Bag', zh: '真皮单肩包', price: 145 },
  { it: 'Borsa shopper in pelle', en: 'Leather Tote Bag', zh: '真皮托特包', price: 160 }
]
const COLOURS = [
  { it: 'Nero', en: 'Black', zh: '黑色', hex: '#222222' },
  { it: 'Marrone', en: 'Brown', zh: '棕色', hex: '#6b3e1f' },
  { it: 'Cognac', en: 'Cognac', zh: '干邑色', hex: '#9a4a1c' },
  { it: 'Rosso', en: 'Red', zh: '红色', hex: '#9c1f24' },
  { it: 'Blu', en: 'Blue', zh: '蓝色', hex: '#1f3a68' },
  { it: 'Verde', en: 'Green', zh: '绿色', hex: '#2f5d3a' },
  { it: 'Grigio', en: 'Grey', zh: '灰色', hex: '#777777' }
]
const MATERIALS = [
  { it: 'Pelle pieno fiore', en: 'full-grain leather', zh: '全粒面真皮' },
  { it: 'Cuoio conciato al vegetale', en: 'vegetable-tanned leather', zh: '植鞣革' },
  { it: 'Scamosciato', en: 'suede', zh: '麂皮' }
]

/** 24 wines, 18 olive oils and 21 bags: 63 rows. */
export function priceList(): PriceListRow[] {
  const rows: PriceListRow[] = []
  for (let i = 0; i < 24; i++) {
    const w = WINES[i % WINES.length]
    const vintage = 2016 + (i % 7)
    const sku = `VIN-${String(i + 1).padStart(3, '0')}`
    rows.push({
      sku, kind: 'wine', category: 'Vini', wineType: w.type, grapes: w.grapes, vintage, alcohol: w.alc, bottle: '0,75 L',
      it: { title: `${w.it} ${vintage} 0,75 L`, description: `${w.it} dell'annata ${vintage}, da uve ${w.grapes}. Cassa da 6 bottiglie.`, keywords: ['vino toscano', w.it.toLowerCase()] },
      en: { title: `${w.en} ${vintage} 0.75 L`, description: `${w.en} of the ${vintage} vintage, from ${w.grapes} grapes. Case of 6 bottles.`, keywords: ['tuscan wine', `${w.en.toLowerCase()}`] },
      zh: { title: `${w.zh} ${vintage}年 0.75升`, description: `${vintage}年份${w.zh}，由${w.grapes}葡萄酿制。每箱6瓶。`, keywords: ['托斯卡纳葡萄酒', w.zh] },
      price: Math.round((7.4 + (i % 8) * 2.15) * 100) / 100, unit: 'Bottiglia', moq: 120, photo: `${sku}.jpg`
    })
  }
  for (let i = 0; i < 18; i++) {
    const o = OILS[i % OILS.length]
    const s = OIL_SIZES[Math.floor(i / OILS.length) % OIL_SIZES.length]
    const sku = `EVO-${String(i + 1).padStart(3, '0')}`
    rows.push({
      sku, kind: 'oil', category: 'Olio', oilGrade: 'Extravergine di oliva',
      it: { title: `${o.it}, ${s.it}`, description: `${o.it} da olive ${o.cult}, spremuto a freddo. Formato ${s.it}.`, keywords: ['olio extravergine', 'olio toscano'] },
      en: { title: `${o.en} ${s.en}`, description: `${o.en} from ${o.cult} olives, cold extracted. ${s.en}.`, keywords: ['extra virgin olive oil', 'tuscan olive oil'] },
      zh: { title: `${o.zh} ${s.zh}`, description: `${o.zh}，采用${o.cult}橄榄冷榨而成。${s.zh}。`, keywords: ['特级初榨橄榄油', '托斯卡纳橄榄油'] },
      price: s.price, unit: s.unit, moq: 60, photo: `${sku}.jpg`
    })
  }
  for (let i = 0; i < 21; i++) {
    const b = BAGS[i % BAGS.length]
    const c = COLOURS[Math.floor(i / BAGS.length) % COLOURS.length]
    const m = MATERIALS[i % MATERIALS.length]
    const sku = `BOR-${String(i + 1).padStart(3, '0')}`
    rows.push({
      sku, kind: 'bag', category: 'Pelletteria/Borse', material: m.it, colour: c.it,
      it: { title: `${b.it} ${c.it.toLowerCase()}, fatta a mano a Firenze`, description: `${b.it} in ${m.it.toLowerCase()}, colore ${c.it.toLowerCase()}. Cucita a mano a Firenze.`, keywords: ['borsa in pelle', 'pelletteria fiorentina'] },
      en: { title: `${c.en} ${b.en} Handmade in Florence`, description: `${b.en} in ${m.en}, ${c.en.toLowerCase()}. Hand-stitched in Florence.`, keywords: ['italian leather bag', 'florentine leather'] },
      zh: { title: `${c.zh}${b.zh} 佛罗伦萨手工制作`, description: `${m.zh}${b.zh}，${c.zh}。佛罗伦萨手工缝制。`, keywords: ['意大利真皮包', '佛罗伦萨皮具'] },
      price: b.price + (i % 3) * 5, unit: 'Pezzo', moq: 10, photo: `${sku}.jpg`
    })
  }
  return rows
}

/** The firm's price list as its office software would save it: one sheet, Italian headers, € prices. */
export async function writePriceList(file: string, rows: PriceListRow[]): Promise<void> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Fattoria Le Querce'
  const ws = wb.addWorksheet('Listino 2026')
  ws.columns = [
    { header: 'Codice', key: 'sku', width: 12 },
    { header: 'Descrizione', key: 'title', width: 48 },
    { header: 'Descrizione estesa', key: 'description', width: 60 },
    { header: 'Parole chiave', key: 'keywords', width: 30 },
    { header: 'Categoria', key: 'category', width: 18 },
    { header: 'Tipologia', key: 'wineType', width: 10 },
    { header: 'Vitigni', key: 'grapes', width: 24 },
    { header: 'Annata', key: 'vintage', width: 8 },
    { header: 'Gradazione alcolica', key: 'alcohol', width: 10 },
    { header: 'Qualità olio', key: 'oilGrade', width: 22 },
    { header: 'Materiale', key: 'material', width: 24 },
    { header: 'Colore', key: 'colour', width: 10 },
    { header: 'Prezzo €', key: 'price', width: 10 },
    { header: 'Unità', key: 'unit', width: 10 },
    { header: 'Ordine minimo', key: 'moq', width: 10 },
    { header: 'Foto', key: 'photo', width: 16 }
  ]
  ws.getRow(1).font = { bold: true }
  for (const r of rows) {
    ws.addRow({
      sku: r.sku, title: r.it.title, description: r.it.description, keywords: r.it.keywords.join(', '), category: r.category,
      wineType: r.wineType ?? null, grapes: r.grapes ?? null, vintage: r.vintage ?? null, alcohol: r.alcohol ?? null,
      oilGrade: r.oilGrade ?? null, material: r.material ?? null, colour: r.colour ?? null,
      price: r.price, unit: r.unit, moq: r.moq, photo: r.photo
    })
  }
  ws.getColumn('price').numFmt = '#,##0.00 [$€-it-IT]'
  await wb.xlsx.writeFile(file)
}

function productSvg(row: PriceListRow, size: number): string {
  const label = row.sku
  const body = row.kind === 'wine'
    ? `<rect x="${size * 0.42}" y="${size * 0.12}" width="${size * 0.16}" height="${size * 0.2}" rx="8" fill="#2b1a12"/>
       <rect x="${size * 0.34}" y="${size * 0.3}" width="${size * 0.32}" height="${size * 0.58}" rx="30" fill="${row.wineType === 'Bianco' ? '#c9c27a' : row.wineType === 'Rosato' ? '#d98c8c' : '#4a0d1a'}"/>
       <rect x="${size * 0.37}" y="${size * 0.5}" width="${size * 0.26}" height="${size * 0.18}" fill="#f4efe2"/>`
    : row.kind === 'oil'
      ? `<rect x="${size * 0.3}" y="${size * 0.22}" width="${size * 0.4}" height="${size * 0.62}" rx="14" fill="#5d6b1f"/>
         <rect x="${size * 0.44}" y="${size * 0.14}" width="${size * 0.12}" height="${size * 0.1}" fill="#c8a23c"/>
         <rect x="${size * 0.33}" y="${size * 0.45}" width="${size * 0.34}" height="${size * 0.2}" fill="#f1e7b8"/>`
      : `<path d="M ${size * 0.36} ${size * 0.38} Q ${size * 0.5} ${size * 0.12} ${size * 0.64} ${size * 0.38}" stroke="#3b2414" stroke-width="14" fill="none"/>
         <rect x="${size * 0.22}" y="${size * 0.36}" width="${size * 0.56}" height="${size * 0.44}" rx="24" fill="${COLOURS.find((c) => c.it === row.colour)?.hex ?? '#6b3e1f'}"/>
         <rect x="${size * 0.46}" y="${size * 0.46}" width="${size * 0.08}" height="${size * 0.05}" fill="#c8a23c"/>`
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
    <rect width="100%" height="100%" fill="#ffffff"/>
    <ellipse cx="${size / 2}" cy="${size * 0.9}" rx="${size * 0.3}" ry="${size * 0.03}" fill="#e6e6e6"/>
    ${body}
    <text x="${size / 2}" y="${size * 0.97}" font-family="sans-serif" font-size="${size * 0.035}" text-anchor="middle" fill="#888888">${label}</text>
  </svg>`
}

/** One photo per row, named as the sheet says, 1200 × 1200 JPEG on white. */
export async function writePhotos(dir: string, rows: PriceListRow[], size = 1200): Promise<void> {
  mkdirSync(dir, { recursive: true })
  for (const r of rows) await sharp(Buffer.from(productSvg(r, size))).jpeg({ quality: 85 }).toFile(join(dir, r.photo))
}

/** What a translator writes for each Italian text (title, description, keywords), per language. */
export function translationMemory(rows: PriceListRow[]): Map<string, { en: string; zh: string }> {
  const m = new Map<string, { en: string; zh: string }>()
  for (const r of rows) {
    m.set(r.it.title, { en: r.en.title, zh: r.zh.title })
    m.set(r.it.description, { en: r.en.description, zh: r.zh.description })
    m.set(r.it.keywords.join('\n'), { en: r.en.keywords.join('\n'), zh: r.zh.keywords.join('\n') })
  }
  return m
}

/** What a CAT tool does: fill every unit's target from the translator's memory, keeping inline codes. */
export function translateXliff(xml: string, memory: Map<string, { en: string; zh: string }>, lang: 'en' | 'zh'): { xml: string; filled: number } {
  let filled = 0
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const out = xml.replace(/<segment([^>]*)>\s*<source([^>]*)>([\s\S]*?)<\/source>(\s*<target[^>]*>[\s\S]*?<\/target>|\s*<target[^>]*\/>)?/g, (whole, segAttrs: string, srcAttrs: string, source: string) => {
    // The text between inline codes: what the translator translates.
    const plain = unescape(source.replace(/<[^>]+>/g, ''))
    const hit = memory.get(plain.trim())
    if (!hit) return whole
    filled++
    const target = source.replace(escape(plain.trim()), escape(hit[lang]))
    const space = /xml:space="[^"]*"/.exec(srcAttrs)?.[0]
    return `<segment${segAttrs.replace(/\s*state="[^"]*"/, '')} state="translated"><source${srcAttrs}>${source}</source><target${space ? ` ${space}` : ''}>${target}</target>`
  })
  return { xml: out, filled }
}
