// Photos below the pavilion's 640 px minimum give main images the pavilion refuses: the readiness
// gate blocks the listing (an error, not a warning) and says which photo. A 900 px photo, whose
// main image is 900×900, is fine: it is neither below the minimum nor enlarged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReadinessProblem } from '../../shared/domain/publish.ts'
import { addAndWait, fixture, openCore } from './helpers.ts'
import { uiText } from './ui-text.ts'

let env: ReturnType<typeof openCore>
let productId: string

beforeAll(async () => {
  env = openCore()
  productId = (await env.core.api().catalog.createProduct({ sku: 'CERAMICA-VASO-01' })).id
  // A 900×600 product photo, then a 150×103 video frame (a real, small JPEG).
  await addAndWait(env.core, [fixture('formats/Flag_of_the_Netherlands.png'), fixture('subsampling/video-001.jpeg')], { productId })
})
afterAll(() => env.close())

async function imageProblems(): Promise<ReadinessProblem[]> {
  const r = await env.core.api().publish.readiness({ productIds: [productId] })
  return r.items.flatMap((i) => i.problems).filter((p) => p.field === 'images')
}

describe('small photos and the listing', () => {
  it('the photo whose main image is below 640 px blocks the listing, by name', async () => {
    const problems = await imageProblems()
    const small = problems.filter((p) => p.code === 'image_too_small')
    expect(small.length).toBe(2) // one per listing language
    expect(small[0]).toMatchObject({ severity: 'error', params: { index: 2, name: 'video-001.jpeg', width: 150, height: 150, min: 640 } })
    const r = await env.core.api().publish.readiness({ productIds: [productId] })
    expect(r.items.every((i) => !i.ready)).toBe(true)
    // The UI says it in the user's language (publish:problem.<code> with the parameters), naming the photo.
    expect((await uiText('it'))(`publish:problem.${small[0].code}`, small[0].params)).toBe("La foto 2 («video-001.jpeg») dà un'immagine principale di soli 150×150 px: il padiglione ne chiede almeno 640. Sostituiscila con una foto più grande.")
  })

  it('a 900 px photo is neither too small nor blocking', async () => {
    const problems = await imageProblems()
    expect(problems.filter((p) => p.params.index === 1)).toEqual([])
    const photos = await env.core.api().photos.list({})
    const flag = photos.items.find((p) => p.name.startsWith('Flag'))!
    expect(flag.warnings.map((w) => w.code)).not.toContain('too_small')
    const frame = photos.items.find((p) => p.name === 'video-001.jpeg')!
    expect(frame.warnings.find((w) => w.code === 'too_small')?.params).toMatchObject({ width: 150, height: 103, needed: 640 })
  })

  it('once the small photo is no longer a main image, nothing blocks for the photos', async () => {
    const api = env.core.api()
    const pp = await api.photos.productPhotos({ productId })
    await api.photos.arrange({ productId, main: [pp.main[0].photo.id], extra: [pp.main[1].photo.id] })
    expect((await imageProblems()).filter((p) => p.severity === 'error')).toEqual([])
  })
})
