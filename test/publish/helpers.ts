// Shared set-up for publish tests: a real sandbox server on loopback with its own SQLite file, a
// real core on a temp folder pointed at it, real JPEG photos made with sharp, and realistic
// products of a Tuscan winery.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { Core } from '../../electron/core/core.ts'
import { MemorySecretStore } from '../../electron/core/platform/secrets.ts'
import type { ListingImage } from '../../electron/core/platform/product-media.ts'
import { startSandbox, type Sandbox, type SandboxOptions } from '../../electron/sandbox/server.ts'
import type { ProductCreate } from '../../shared/domain/product.ts'

export const WINE_CATEGORY = '100008830'
export const OIL_CATEGORY = '100008831'
export const HANDBAG_CATEGORY = '152401'

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `vetrina-${prefix}-`))
}

export async function startTestSandbox(opts: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  const dir = tempDir('sandbox')
  return startSandbox({
    dbFile: join(dir, 'sandbox.sqlite'),
    ...opts,
    settings: { audit: { delayMs: 0, rejectWords: ['replica', 'counterfeit', 'fake'] }, ...opts.settings }
  })
}

/** Real JPEG photos (distinct pixels, so distinct hashes), written once per folder. */
export async function makePhotos(dir: string, count: number, size = 800): Promise<ListingImage[]> {
  mkdirSync(dir, { recursive: true })
  const out: ListingImage[] = []
  for (let i = 0; i < count; i++) {
    const bytes = await sharp({ create: { width: size, height: size, channels: 3, background: { r: (i * 53) % 256, g: (i * 97) % 256, b: (i * 193) % 256 } } })
      .jpeg({ quality: 80 })
      .toBuffer()
    const path = join(dir, `photo-${i}.jpg`)
    writeFileSync(path, bytes)
    out.push({ id: `ph_${i}`, sha256: createHash('sha256').update(bytes).digest('hex'), path, width: size, height: size, bytes: bytes.length, mime: 'image/jpeg', warnings: [] })
  }
  return out
}

export interface TestCore {
  core: Core
  dataDir: string
  /** Photos per product id (tests change them). */
  photos: Map<string, ListingImage[]>
  close(): Promise<void>
}

/** A core set up to publish to `sandbox`. Photos come from `photos`/`defaultPhotos` unless `realPhotos`
 *  is set, in which case the photos area provides them as in the app. */
export async function openPublishCore(sandbox: Sandbox | null, opts: { dataDir?: string; rate?: number; concurrency?: number; chinese?: boolean; defaultPhotos?: ListingImage[]; realPhotos?: boolean } = {}): Promise<TestCore> {
  const dataDir = opts.dataDir ?? tempDir('core')
  const core = Core.open({ dataDir, logFile: null, secrets: new MemorySecretStore(), connectivity: { onlineIntervalMs: 60_000, offlineIntervalMs: 200, timeoutMs: 2000 } })
  const photos = new Map<string, ListingImage[]>()
  if (!opts.realPhotos) core.s.productMedia.provider = { mainImages: (id) => photos.get(id) ?? opts.defaultPhotos ?? [] }
  const api = core.api()
  if (sandbox) {
    await api.publish.updateSettings({
      sandbox: { url: sandbox.url, chinese: opts.chinese ?? false }, ratePerSecond: opts.rate ?? 1000, concurrency: opts.concurrency ?? 4,
      auditPollSeconds: 0.05, timeoutSeconds: 5, maxFailures: 20
    })
    const c = sandbox.credentials()
    await api.publish.setCredentials({ target: 'sandbox', appKey: c.appKey, appSecret: c.appSecret, accessToken: c.accessToken, refreshToken: c.refreshToken })
    await core.s.connectivity.check()
  }
  return { core, dataDir, photos, close: () => core.close() }
}

export function wineCreate(i: number, over: Partial<ProductCreate> = {}): ProductCreate {
  const vintage = 2015 + (i % 8)
  return {
    sku: `CHI-${String(i).padStart(5, '0')}`,
    status: 'ready',
    familyId: 'fam_wine',
    texts: {
      it: { title: `Chianti Classico DOCG ${vintage} 0,75 L n.${i}`, description: '<p>Vino rosso toscano.</p>' },
      en: {
        title: `Chianti Classico DOCG ${vintage} Red Wine 0.75 L No ${i}`,
        description: '<p>Tuscan red wine from Sangiovese grapes, aged 12 months in oak.</p>',
        keywords: ['chianti classico', 'italian red wine', 'tuscany wine']
      },
      'zh-CN': { title: `经典基安蒂 DOCG ${vintage} 红葡萄酒 ${i}`, description: '<p>托斯卡纳红葡萄酒。</p>', keywords: ['基安蒂', '意大利红酒'] }
    },
    attributes: {
      brand_name: 'Fattoria Demo', wine_type: 'red', grape_varieties: ['sangiovese', 'merlot'], vintage,
      alcohol: { value: 13.5, unit: '% vol' }, bottle_volume: { value: 0.75, unit: 'L' }, appellation: 'Chianti Classico DOCG'
    },
    trade: {
      currency: 'USD', sellingUnit: 'bottle', moq: 120,
      ladder: [{ minQty: 120, price: 7.4 }, { minQty: 600, price: 6.6 }],
      leadTimes: [{ maxQty: 1200, days: 15 }, { maxQty: null, days: 30 }]
    },
    origin: { country: 'IT', region: 'Toscana', certifications: ['DOCG'] },
    logistics: { packaging: 'Carton of 6 bottles' },
    ...over
  }
}

/** A category of the firm linked to a pavilion leaf category. */
export async function linkedCategory(core: Core, pavilionCategoryId: string, name = 'Vini rossi'): Promise<string> {
  const cat = await core.api().catalog.createCategory({ name: { it: name, en: name }, pavilionCategoryId })
  return cat.id
}

export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now()
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Waits until no listing is left in the outbox or in audit. */
export async function drain(core: Core, timeoutMs = 30_000): Promise<void> {
  try {
    await waitFor('the outbox to drain', async () => {
      const st = await core.api().publish.status()
      return st.pending === 0 && st.inAudit === 0
    }, timeoutMs)
  } catch (err) {
    const st = await core.api().publish.status()
    const jobs = core.s.db.prepare('SELECT kind, state, message, count(*) AS n FROM jobs GROUP BY kind, state, message').all()
    throw new Error(`${(err as Error).message}: ${JSON.stringify(st.counts)} online=${core.s.connectivity.status().online} jobs=${JSON.stringify(jobs).slice(0, 1500)}`)
  }
}
