// Bad input: truncated, corrupt, bombs, absurd sizes, empty files, non-images, unsupported
// formats and unreadable paths each give a per-file error with a reason; the rest of the batch
// is added, and nothing already stored changes.
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BatchItem } from '../../shared/contract/photos.ts'
import { fileErrorText } from '../../renderer/src/features/photos/file-reasons.ts'
import { addAndWait, fixture, openCore, tempDir } from './helpers.ts'
import { uiText } from './ui-text.ts'

let env: ReturnType<typeof openCore>
let items: Map<string, BatchItem>
let before: Map<string, string>
let beforeIds: string[]
let junk: string

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const p = join(dir, f)
    try {
      out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'))
    } catch {
      // a folder
    }
  }
  return out
}

const EXPECTED: Record<string, string> = {
  '65536-uint32-limit.png': 'photo_too_many_pixels',
  'giant-image.jpg': 'photo_too_many_pixels',
  'truncated.jpg': 'photo_damaged',
  'truncated.png': 'photo_damaged',
  'corrupt-header.jpg': 'photo_damaged',
  'testorig12.jpg': 'photo_unsupported_variant',
  'invalid-crc32.png': 'photo_damaged',
  'invalid-zlib.png': 'photo_damaged',
  'empty.jpg': 'photo_empty',
  'notes-saved-as.jpg': 'photo_not_image',
  'movie.jpg': 'photo_unsupported_format',
  'sample.bmp': 'photo_unsupported_format',
  'sample.tga': 'photo_unsupported_format',
  'sample.jxl': 'photo_unsupported_format',
  'sample.xcf': 'photo_unsupported_format',
  'does-not-exist.jpg': 'photo_unreadable',
  'pipe.jpg': 'photo_unreadable',
  'truncated.heic': 'photo_damaged',
  // Corrupt entropy-coded data: libjpeg only warns and returns garbled pixels (issue 12, item 11).
  'jpeg-ac3cebe2394e.jpg': 'photo_damaged',
  'jpeg-ff4a5cd05efd.jpg': 'photo_damaged',
  // libtiff's message names the file it reads: the store's temporary copy (item 13).
  'test_two_ifds-fuzzed.tif': 'photo_damaged',
  'sample-uncompressed.tga': 'photo_unsupported_format'
}

/** Fuzzer files a strict decoder refuses (go-fuzz-corpus, per SOURCES.md). */
const FUZZ_STRICT_FAILS = [
  'jpeg-03eb26bc8dc4.jpg', 'jpeg-075eec9966eb.jpg', 'jpeg-1489f923c4dc.jpg', 'jpeg-1a4d3a301407.jpg', 'jpeg-2c09a3b8fe7e.jpg',
  'jpeg-328854177194.jpg', 'jpeg-5fa55ceadb5f.jpg', 'jpeg-6074a05b7cff.jpg', 'jpeg-6b51b4678052.jpg', 'jpeg-881306a63d0b.jpg',
  'jpeg-988ce6cc38b8.jpg', 'jpeg-9a93ed89d5f6.jpg', 'jpeg-a16bae4fcb80.jpg', 'jpeg-b0e78e3ef358.jpg', 'jpeg-b89b8f23978d.jpg',
  'jpeg-c4592112aac2.jpg', 'jpeg-c645a0d7e4f8.jpg', 'jpeg-e5e4223d22c6.jpg', 'png-3c7923f135d3.png',
  'png-443e2d19d959.png', 'png-4caece539b03.png', 'png-6fbc55167b01.png', 'png-ca564a22a507.png', 'png-d43a5857917f.png',
  'webp-06576556d1ad.webp', 'webp-11bd90665775.webp', 'webp-53bea7d4e034.webp', 'webp-7f2100525ed9.webp'
]

beforeAll(async () => {
  env = openCore()
  // Photos already in the library before the bad batch arrives.
  expect((await addAndWait(env.core, [fixture('orientation/Portrait_1.jpg'), fixture('heic/landscape.heic')])).state).toBe('done')
  before = snapshot(join(env.dataDir, 'media'))
  beforeIds = (await env.core.api().photos.list({})).items.map((p) => p.id).sort()

  junk = tempDir()
  writeFileSync(join(junk, 'empty.jpg'), '')
  writeFileSync(join(junk, 'notes-saved-as.jpg'), 'Listino prezzi 2025: Chianti Classico DOCG 0,75 L, cartone da 6.\n')
  // The start of an MP4 video (ftyp box), renamed .jpg.
  writeFileSync(join(junk, 'movie.jpg'), Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\x02\0isomiso2'), Buffer.alloc(64)]))
  execFileSync('mkfifo', [join(junk, 'pipe.jpg')])

  const same = (n: string) => fixture('formats/same-picture', n)
  const job = await addAndWait(env.core, [
    fixture('broken'),
    join(junk, 'empty.jpg'), join(junk, 'notes-saved-as.jpg'), join(junk, 'movie.jpg'), join(junk, 'pipe.jpg'), join(junk, 'does-not-exist.jpg'),
    same('sample.bmp'), same('sample.tga'), same('sample.jxl'), same('sample.xcf'), fixture('formats/tga/sample-uncompressed.tga'),
    fixture('heic/truncated.heic'),
    // Good photos in the same batch.
    fixture('orientation/Landscape_3.jpg'), fixture('formats/test.webp')
  ])
  expect(job.state).toBe('done')
  const { items: list } = await env.core.api().photos.batch({ jobId: job.id, limit: 1000 })
  items = new Map(list.map((i) => [i.name.split('/').pop()!, i]))
}, 120_000)
afterAll(() => env.close())

describe('bad input', () => {
  it.each(Object.entries(EXPECTED))('%s fails with %s and says why', (name, code) => {
    const item = items.get(name)
    expect(item, name).toBeDefined()
    expect(item!.state).toBe('failed')
    expect(item!.error?.code).toBe(code)
    expect(item!.error?.message.length).toBeGreaterThan(20)
    expect(item!.photoId).toBeNull()
  })

  it('no file of a refused photo stays journalled once the batch is done (originals and renditions alike)', () => {
    const db = new Database(join(env.dataDir, 'catalog.sqlite'), { readonly: true })
    try {
      expect(db.prepare('SELECT rel_path FROM photo_unsettled_files').all()).toEqual([])
    } finally {
      db.close()
    }
  })

  it('unsupported formats and variants say what to re-export as', () => {
    for (const name of ['sample.bmp', 'sample.tga', 'sample.jxl', 'testorig12.jpg']) expect(items.get(name)!.error!.message).toMatch(/re-?export/i)
    expect(items.get('testorig12.jpg')!.error!.message).toMatch(/12-bit/)
    expect(items.get('movie.jpg')!.error!.message).toMatch(/video/i)
  })

  it('JPEGs whose picture data is corrupt are refused as damaged, not added with garbled pixels', () => {
    for (const name of ['jpeg-ac3cebe2394e.jpg', 'jpeg-ff4a5cd05efd.jpg']) {
      expect(items.get(name)!.error).toMatchObject({ code: 'photo_damaged', params: { format: 'jpeg', reason: 'corrupt_data' } })
    }
  })

  it('a JPEG with stray bytes after its last scan (every pixel intact) is added', async () => {
    const env2 = openCore()
    try {
      const dir = tempDir()
      const jpeg = readFileSync(fixture('orientation/Landscape_3.jpg'))
      // Three bytes before the end marker: libjpeg warns "3 extraneous bytes before marker 0xd9".
      writeFileSync(join(dir, 'camera-trailer.jpg'), Buffer.concat([jpeg.subarray(0, jpeg.length - 2), Buffer.from([0x00, 0x01, 0x02, 0xff, 0xd9])]))
      const job = await addAndWait(env2.core, [join(dir, 'camera-trailer.jpg')])
      expect((job.result as { added: number }).added).toBe(1)
    } finally {
      await env2.close()
    }
  })

  it('an uncompressed TGA is named TGA (not an icon)', () => {
    const item = items.get('sample-uncompressed.tga')!
    expect(item.error?.params).toMatchObject({ format: 'tga' })
    expect(item.error?.message).toMatch(/^TGA files are not supported/)
    expect(items.get('sample.ico')).toBeUndefined()
  })

  it('no refusal names an internal path, in the core\'s words or in what the UI shows', async () => {
    const t = await uiText('it')
    const failed = [...items.values()].filter((i) => i.state === 'failed')
    expect(failed.length).toBeGreaterThan(40)
    for (const item of failed) {
      const raw = `${item.error!.message} ${JSON.stringify(item.error!.params)}`
      // (The user's own path may appear, in the core's message for a file that does not exist.)
      expect(raw, item.name).not.toMatch(/\.incoming/)
      expect(raw, item.name).not.toContain(env.dataDir)
      const shown = fileErrorText(item.error!, t)
      expect(shown, item.name).not.toMatch(/\/|\\|VipsJpeg|libtiff|source input|undefined|\{\{/)
    }
    expect(fileErrorText(items.get('test_two_ifds-fuzzed.tif')!.error!, t)).toBe(`Il file TIFF è danneggiato: ${t('photos:damage.truncated')}. Copialo o esportalo di nuovo dall'originale.`)
    expect(fileErrorText(items.get('sample-uncompressed.tga')!.error!, t)).toBe("Questo file è un'immagine TGA, un formato che Vetrina non accetta. Riesportalo come JPEG o PNG.")
  })

  it.each(FUZZ_STRICT_FAILS)('fuzzed %s is refused', (name) => {
    const item = items.get(name)!
    expect(item.state).toBe('failed')
    expect(['photo_damaged', 'photo_not_image', 'photo_unsupported_variant', 'photo_bad_dimensions']).toContain(item.error!.code)
  })

  it('every other file of the batch was either added or refused with a reason', () => {
    for (const item of items.values()) {
      if (item.state === 'failed') expect(item.error!.message).not.toMatch(/undefined|\[object/)
      else expect(item.state).toBe('added')
    }
    expect(items.get('Landscape_3.jpg')!.state).toBe('added')
    expect(items.get('test.webp')!.state).toBe('added')
  })

  it('thin strips are refused as absurd dimensions', () => {
    expect(items.get('webp-1c7f22173769.webp')!.error?.code).toBe('photo_bad_dimensions')
    expect(items.get('webp-1c7f22173769.webp')!.error?.message).toMatch(/2198×5/)
  })

  it('nothing already stored was changed, and no temporary file was left', async () => {
    const after = snapshot(join(env.dataDir, 'media'))
    for (const [path, hash] of before) expect(after.get(path), path).toBe(hash)
    const ids = (await env.core.api().photos.list({ limit: 500 })).items.map((p) => p.id)
    for (const id of beforeIds) expect(ids).toContain(id)
    const incoming = join(env.dataDir, 'media', '.incoming')
    expect(existsSync(incoming) ? readdirSync(incoming) : []).toEqual([])
    // Only the added photos brought files: an original plus its main and thumbnail each.
    const added = [...items.values()].filter((i) => i.state === 'added').length
    const newFiles = [...after.keys()].filter((p) => !before.has(p))
    expect(newFiles.length).toBe(added * 3)
  })
})
