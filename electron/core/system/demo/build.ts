// Fills an empty catalogue with the sample catalogue the way a clerk would, through the same calls
// the app and the CLI make: the firm's settings, an Italian price list (a CSV written here)
// imported with a mapping, a folder of photos matched by file name, the pavilion category tree
// browsed and the firm's categories linked by the words a clerk types, the category rules
// downloaded, and the translator's work saved unit by unit. Nothing is written to the database
// directly, so the sample exercises the real paths and is as valid as anything a user makes.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type * as CsvStringifySync from 'csv-stringify/sync'
import type { Api } from '../../../../shared/contract/index.ts'
import { AppError } from '../../../../shared/contract/errors.ts'
import type { Job } from '../../../../shared/contract/jobs.ts'
import { CATEGORY_LINKS, DEMO_PRODUCTS, FAMILY_OF, MAKERS, type DemoProduct } from './catalogue.ts'
import { pictureJpeg, pictureName } from './pictures.ts'
import { onFirstUse } from '../../platform/on-first-use.ts'

const csvStringifySync = onFirstUse<typeof CsvStringifySync>('csv-stringify/sync')

export interface BuildProgress {
  (done: number, total: number, step: DemoStep): void
}

/** The steps, in order (the UI names them). */
export const DEMO_STEPS = ['settings', 'priceList', 'pictures', 'photos', 'categories', 'rules', 'translations'] as const
export type DemoStep = (typeof DEMO_STEPS)[number]

export interface BuildResult {
  products: number
  photos: number
  categoriesLinked: number
  translations: { approved: number; translated: number; missing: number }
}

/** Column of the price list → where it goes (what a clerk picks in the import's mapping step). */
const COLUMNS: Array<[header: string, target: string, cell: (p: DemoProduct) => string]> = [
  ['Codice', 'sku', (p) => p.sku],
  ['Famiglia', 'family', (p) => FAMILY_OF[p.trade]],
  ['Categoria', 'category', (p) => p.category],
  ['Descrizione', 'title/it', (p) => p.it.title],
  ['Descrizione estesa', 'description/it', (p) => p.it.description],
  ['Parole chiave', 'keywords/it', (p) => p.it.keywords.join(', ')],
  ['Marchio', 'attribute/brand_name', (p) => MAKERS[p.trade].brand],
  ['Tipologia', 'attribute/wine_type', (p) => p.attributes.Tipologia ?? ''],
  ['Vitigni', 'attribute/grape_varieties', (p) => p.attributes.Vitigni ?? ''],
  ['Annata', 'attribute/vintage', (p) => p.attributes.Annata ?? ''],
  ['Gradazione alcolica', 'attribute/alcohol', (p) => p.attributes['Gradazione alcolica'] ?? ''],
  ['Formato bottiglia (L)', 'attribute/bottle_volume', (p) => p.attributes['Formato bottiglia'] ?? ''],
  ['Denominazione', 'attribute/appellation', (p) => p.attributes.Denominazione ?? ''],
  ['Qualità olio', 'attribute/oil_grade', (p) => p.attributes['Qualità olio'] ?? ''],
  ['Cultivar', 'attribute/cultivars', (p) => p.attributes.Cultivar ?? ''],
  ['Acidità (%)', 'attribute/acidity', (p) => p.attributes['Acidità'] ?? ''],
  ['Anno di raccolta', 'attribute/harvest_year', (p) => p.attributes['Anno di raccolta'] ?? ''],
  ['Formato olio (L)', 'attribute/volume', (p) => p.attributes['Formato olio'] ?? ''],
  ['Estratto a freddo', 'attribute/cold_extracted', (p) => p.attributes['Estratto a freddo'] ?? ''],
  ['Materiale', 'attribute/material', (p) => p.attributes.Materiale ?? ''],
  ['Colore', 'attribute/colour', (p) => p.attributes.Colore ?? ''],
  ['Taglia', 'attribute/size', (p) => p.attributes.Taglia ?? ''],
  ['Fodera', 'attribute/lining/it', (p) => p.attributes.Fodera ?? ''],
  ['Tecnica', 'attribute/technique', (p) => p.attributes.Tecnica ?? ''],
  ['Decoro', 'attribute/pattern/it', (p) => p.attributes.Decoro ?? ''],
  ['Diametro (cm)', 'attribute/diameter', (p) => p.attributes['Diametro (cm)'] ?? ''],
  ['Lavabile in lavastoviglie', 'attribute/dishwasher_safe', (p) => p.attributes['Lavabile in lavastoviglie'] ?? ''],
  ['Unità', 'trade/sellingUnit', (p) => p.unit],
  ['Ordine minimo', 'trade/moq', (p) => String(p.moq)],
  ['Prezzo €', 'trade/price', (p) => euro(p.ladder[0][1])],
  ['Da quantità 2', 'trade/ladder/2/minQty', (p) => (p.ladder[1] ? String(p.ladder[1][0]) : '')],
  ['Prezzo 2 €', 'trade/ladder/2/price', (p) => (p.ladder[1] ? euro(p.ladder[1][1]) : '')],
  ['Da quantità 3', 'trade/ladder/3/minQty', (p) => (p.ladder[2] ? String(p.ladder[2][0]) : '')],
  ['Prezzo 3 €', 'trade/ladder/3/price', (p) => (p.ladder[2] ? euro(p.ladder[2][1]) : '')],
  ['Consegna fino a quantità', 'trade/leadTime/1/maxQty', (p) => String(p.leadTimes[0][0] ?? '')],
  ['Giorni di consegna', 'trade/leadTime/1/days', (p) => String(p.leadTimes[0][1])],
  ['Giorni di consegna oltre', 'trade/leadTime/2/days', (p) => (p.leadTimes[1] ? String(p.leadTimes[1][1]) : '')],
  ['Capacità produttiva', 'trade/supplyAbility/quantity', (p) => String(p.supply[0])],
  ['Unità capacità', 'trade/supplyAbility/unit', (p) => p.supply[1]],
  ['Periodo capacità', 'trade/supplyAbility/period', (p) => p.supply[2]],
  ['Porto di imbarco', 'trade/fobPort', (p) => MAKERS[p.trade].port],
  ['Peso netto (kg)', 'logistics/netWeight', (p) => decimal(p.netKg)],
  ['Peso lordo (kg)', 'logistics/grossWeight', (p) => decimal(p.grossKg)],
  ['Imballo', 'logistics/packaging', (p) => p.packaging],
  ['Pezzi per cartone', 'logistics/unitsPerCarton', (p) => String(p.unitsPerCarton)],
  ['Codice doganale', 'logistics/hsCode', (p) => p.hsCode],
  ['Paese di origine', 'origin/country', () => 'Italia'],
  ['Regione', 'origin/region', (p) => p.region],
  ['Comune', 'origin/comune', (p) => p.comune],
  ['Certificazioni', 'origin/certifications', (p) => p.certifications.join(', ')],
  ['Stato', 'status', () => 'pronto'],
  ['Foto', 'images', (p) => p.pictures.map((_, i) => pictureName(p, i)).join(', ')]
]

const decimal = (n: number) => n.toLocaleString('it-IT', { useGrouping: false, maximumFractionDigits: 3 })
const euro = (n: number) => n.toLocaleString('it-IT', { useGrouping: false, minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** The firm's price list as its office software would save it: `;`, Italian numbers, UTF-8 with BOM. */
export function priceListCsv(products: DemoProduct[] = DEMO_PRODUCTS): string {
  const rows = [COLUMNS.map(([h]) => h), ...products.map((p) => COLUMNS.map(([, , cell]) => cell(p)))]
  return `\ufeff${csvStringifySync().stringify(rows, { delimiter: ';', record_delimiter: '\r\n' })}`
}

export interface BuildOptions {
  api: Api
  /** A folder for the price list and the pictures (removed by the caller). */
  workDir: string
  progress?: BuildProgress
  /** Throws when the work should stop (the job was cancelled or paused). */
  throwIfStopped?: () => void
}

export async function buildDemoCatalogue(o: BuildOptions): Promise<BuildResult> {
  const { api } = o
  const step = (done: number, total: number, s: DemoStep) => o.progress?.(done, total, s)
  const check = () => o.throwIfStopped?.()
  const waitJob = async (jobId: string): Promise<Job> => {
    for (;;) {
      const job = await api.jobs.get({ id: jobId })
      if (job.state === 'done') return job
      if (job.state === 'failed' || job.state === 'cancelled') {
        // codes: demo_step_failed (or the failed job's own code, checked where that job emits it)
        throw new AppError(job.error?.code ?? 'demo_step_failed', `The sample catalogue could not be made (${job.kind}): ${job.error?.message ?? job.state}`, { params: job.error?.params })
      }
      check()
      await new Promise((r) => setTimeout(r, 50))
    }
  }

  step(0, 1, 'settings')
  const settings = await api.system.getSettings({})
  await api.system.updateSettings({
    firm: { name: 'Consorzio Artigiani di Toscana e Umbria', country: 'IT', region: 'Toscana', currency: 'EUR' },
    // A sample needs no daily backups; the firm's catalogue keeps its own.
    autoBackup: { ...settings.autoBackup, enabled: false }
  })
  // The built-in sandbox answers its audit in seconds and takes 10 calls a second: look for the
  // verdict often and send at 8 a second.
  await api.publish.updateSettings({ target: 'sandbox', eurToUsd: 1.08, auditPollSeconds: 2, ratePerSecond: 8 })
  step(1, 1, 'settings')
  check()

  step(0, 1, 'priceList')
  mkdirSync(o.workDir, { recursive: true })
  const sheet = join(o.workDir, 'listino-2026.csv')
  writeFileSync(sheet, priceListCsv())
  const file = { kind: 'path' as const, path: sheet }
  const inspection = await api.spreadsheet.inspect({ file })
  const columns = inspection.columns.map(({ index, header }) => ({ index, header, target: COLUMNS.find(([h]) => h === header)?.[1] ?? 'ignore' }))
  const imported = await api.spreadsheet.importFile({ file, read: inspection.read, columns, settings: { numberFormat: 'it', emptyCells: 'keep', createCategories: true, createFamilies: false, status: 'draft' } })
  const importJob = await waitJob(imported.jobId)
  const summary = importJob.result as { created: number; rejected: number }
  if (summary.rejected > 0 || summary.created !== DEMO_PRODUCTS.length) {
    const report = await api.spreadsheet.report({ importId: imported.importId, outcomes: ['rejected'], limit: 5 })
    throw new AppError('demo_step_failed', `The sample price list was not imported whole: ${report.items.map((r) => `${r.sku}: ${r.issues.map((i) => i.message).join('; ')}`).join(' | ')}`)
  }
  step(1, 1, 'priceList')
  check()

  const folder = join(o.workDir, 'foto')
  mkdirSync(folder, { recursive: true })
  const pictures = DEMO_PRODUCTS.flatMap((p) => p.pictures.map((_, i) => [p, i] as const))
  for (const [n, [p, i]] of pictures.entries()) {
    writeFileSync(join(folder, pictureName(p, i)), await pictureJpeg(p, i))
    step(n + 1, pictures.length, 'pictures')
    check()
  }
  step(0, 1, 'photos')
  const added = await api.photos.add({ sources: [{ kind: 'path', path: folder }] })
  const photoJob = await waitJob(added.jobId)
  step(1, 1, 'photos')
  check()

  // The pavilion's category tree, then each category linked by the words a clerk would search.
  step(0, CATEGORY_LINKS.length, 'categories')
  await waitJob((await api.publish.refreshCategoryTree({})).jobId)
  const categories = (await api.catalog.listCategories({})).items
  const pathOf = (id: string | null): string => {
    const names: string[] = []
    for (let c = categories.find((x) => x.id === id); c; c = categories.find((x) => x.id === c!.parentId)) names.unshift(c.name.it ?? '')
    return names.join('/')
  }
  let linked = 0
  for (const link of CATEGORY_LINKS) {
    const category = categories.find((c) => pathOf(c.id) === link.path)
    if (!category) throw new AppError('demo_step_failed', `The sample price list made no category ${link.path}.`)
    const hits = await api.publish.searchCategories({ query: link.search, limit: 20 })
    const leaf = hits.items.find((h) => h.node.leaf && h.node.name === link.leafName)
    if (!leaf) throw new AppError('demo_step_failed', `No pavilion leaf "${link.leafName}" found by "${link.search}".`)
    await api.publish.linkCategory({ categoryId: category.id, pavilionCategoryId: leaf.node.id, searchedFor: link.search })
    step(++linked, CATEGORY_LINKS.length, 'categories')
  }
  check()

  step(0, 1, 'rules')
  await waitJob((await api.publish.refreshRules({})).jobId)
  step(1, 1, 'rules')
  check()

  // The translator's work so far: English for everything, Chinese for most; some approved.
  const counts = { approved: 0, translated: 0, missing: 0 }
  const total = DEMO_PRODUCTS.length * 2
  let done = 0
  for (const p of DEMO_PRODUCTS) {
    const { id } = await api.catalog.getProduct({ sku: p.sku })
    for (const [locale, copy] of [['en', p.en], ['zh-CN', p.zh]] as const) {
      step(done++, total, 'translations')
      if (!copy) {
        counts.missing++
        continue
      }
      const status = copy.approved ? 'approved' : 'translated'
      for (const [field, text] of [['title', copy.title], ['description', copy.description], ['keywords', copy.keywords.join('\n')]] as const) {
        await api.translation.saveUnit({ productId: id, field, locale, text, status })
      }
      counts[copy.approved ? 'approved' : 'translated']++
      check()
    }
  }
  step(total, total, 'translations')
  const photos = (photoJob.result as { added: number }).added
  return { products: summary.created, photos, categoriesLinked: linked, translations: counts }
}
