// Adding a folder: every regular file in it is looked at (its content says whether it is a
// picture, not its name), and what is left out is counted and explained in the batch report:
// files that are not pictures, symbolic links (not followed), hidden files and folders.
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BatchItem } from '../../shared/contract/photos.ts'
import type { Job } from '../../shared/contract/jobs.ts'
import { skippedText } from '../../shared/domain/photo-skips.ts'
import { vetrina } from '../helpers/cli.ts'
import { addAndWait, fixture, openCore, tempDir } from './helpers.ts'
import { uiText } from './ui-text.ts'

let env: ReturnType<typeof openCore>
let shoot: string
let job: Job
let items: Map<string, BatchItem>
let skippedBy: Record<string, number>

/** A phone's export folder, as users have them: pictures without extensions, notes, links, system files. */
function makeShoot(): string {
  const dir = join(tempDir(), 'servizio-fotografico')
  mkdirSync(join(dir, 'retro'), { recursive: true })
  mkdirSync(join(dir, '.miniature'))
  // Real pictures whose names do not say so.
  copyFileSync(fixture('orientation/Landscape_3.jpg'), join(dir, 'IMG_0001'))
  copyFileSync(fixture('formats/Flag_of_the_Netherlands.png'), join(dir, 'etichetta.download'))
  copyFileSync(fixture('orientation/Portrait_3.jpg'), join(dir, 'retro', 'Portrait_3.jpg'))
  // Not pictures.
  writeFileSync(join(dir, 'listino.txt'), 'Chianti Classico DOCG 2021;0,75 L;12,50\n')
  writeFileSync(join(dir, 'note'), '')
  writeFileSync(join(dir, 'Thumbs.db'), Buffer.from('d0cf11e0a1b11ae1000000000000000000000000000000003e000300feff0900', 'hex'))
  // An interrupted copy of a photo: still reported as a failure.
  writeFileSync(join(dir, 'vuota.jpg'), '')
  // Hidden.
  writeFileSync(join(dir, '.DS_Store'), Buffer.alloc(64, 1))
  copyFileSync(fixture('orientation/Landscape_5.jpg'), join(dir, '.miniature', 'Landscape_5.jpg'))
  // A link to a picture elsewhere.
  symlinkSync(fixture('orientation/Landscape_6.jpg'), join(dir, 'collegamento.jpg'))
  return dir
}

beforeAll(async () => {
  env = openCore()
  shoot = makeShoot()
  job = await addAndWait(env.core, [shoot])
  const batch = await env.core.api().photos.batch({ jobId: job.id, limit: 100 })
  items = new Map(batch.items.map((i) => [i.name.split('/').slice(1).join('/'), i]))
  skippedBy = batch.skippedBy
}, 60_000)
afterAll(() => env.close())

describe('adding a folder', () => {
  it('adds the pictures whose names do not look like pictures', () => {
    expect(items.get('IMG_0001')?.state).toBe('added')
    expect(items.get('etichetta.download')?.state).toBe('added')
    expect(items.get('retro/Portrait_3.jpg')?.state).toBe('added')
    expect(job.result).toMatchObject({ added: 3, failed: 1, skipped: 6 })
  })

  it('counts what it skipped, and why', () => {
    expect(skippedBy).toEqual({ not_image: 3, symlink: 1, hidden: 2 })
    expect(job.result).toMatchObject({ skippedBy: { not_image: 3, symlink: 1, hidden: 2 } })
    for (const name of ['listino.txt', 'note', 'Thumbs.db']) expect(items.get(name)).toMatchObject({ state: 'skipped', error: { code: 'not_image' } })
    expect(items.get('collegamento.jpg')).toMatchObject({ state: 'skipped', error: { code: 'symlink' } })
    expect(items.get('.DS_Store')).toMatchObject({ state: 'skipped', error: { code: 'hidden' } })
    // A hidden folder is one skipped entry; nothing inside it is added.
    expect(items.get('.miniature')).toMatchObject({ state: 'skipped', error: { code: 'hidden' } })
    expect(items.get('.miniature/Landscape_5.jpg')).toBeUndefined()
  })

  it('still reports an empty photo file as a failure', () => {
    expect(items.get('vuota.jpg')).toMatchObject({ state: 'failed', error: { code: 'photo_empty' } })
  })

  it('says in the report how many files were skipped and why, in the user\'s language', async () => {
    expect(skippedText(skippedBy, await uiText('it'))).toBe('Saltati 6 file: 3 non sono immagini, 1 collegamento simbolico, 2 file nascosti.')
    expect(skippedText(skippedBy, await uiText('en'))).toBe('Skipped 6 files: 3 not images, 1 symbolic link, 2 hidden files.')
    expect(skippedText(skippedBy, await uiText('zh-CN'))).toBe('跳过 6 个文件：3 个不是图片，1 个符号链接，2 个隐藏文件。')
  })

  it('a file chosen on its own is tried whatever it is, and refused with a reason', async () => {
    const j = await addAndWait(env.core, [join(shoot, 'listino.txt')])
    expect(j.result).toMatchObject({ added: 0, failed: 1, skipped: 0 })
  })

  it('a folder with nothing to add is refused at once', async () => {
    const dir = join(tempDir(), 'solo-collegamenti')
    mkdirSync(dir)
    symlinkSync(fixture('orientation/Landscape_6.jpg'), join(dir, 'a.jpg'))
    writeFileSync(join(dir, '.nascosto'), 'x')
    await expect(env.core.api().photos.add({ sources: [{ kind: 'path', path: dir }] })).rejects.toMatchObject({ code: 'photo_no_files', params: { skipped: 2 } })
  })

  it('the command line prints the skipped line', () => {
    const r = vetrina(tempDir(), ['photos', 'add', shoot])
    expect(r.stdout).toMatch(/^10 files: 3 added, 0 already in the library, 1 refused$/m)
    expect(r.stdout).toMatch(/^Skipped 6 files: 3 not images, 1 symbolic link, 2 hidden files\.$/m)
  }, 120_000)
})
