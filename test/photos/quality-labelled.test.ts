// The quality warnings on real product photos labelled by a person (test/fixtures/photos/
// product-photos, see its README): a few of each kind the warnings used to get wrong. The whole
// set, with positives made by known degradations, is measured by `npm run bench:quality`.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PhotoSummary } from '../../shared/contract/photos.ts'
import { addAndWait, fixture, openCore } from './helpers.ts'

const photo = (p: string) => fixture('product-photos/photos', p)
const PHOTOS = {
  // Cut by the frame (labelled so): a detail close-up, a bracelet running off top and bottom.
  closeUp: 'm/j/mj11-black_alt1.jpg', bracelet: 'w/g/wg09-gr-0.jpg',
  // Whole products: a model's legs cut at the bottom, a bare torso cut at the top, a flat graphic cropped flush.
  hoodie: 'm/h/mh02-red_main.jpg', pants: 'm/p/mp05-black_main.jpg', giftCard: 'g/i/gift-card-physical-custom.jpg',
  // Good exposure on white: a white tank top, a black bag; "slightly soft at 100 %, fine at normal view"; a textureless foam block.
  whiteTank: 'm/t/mt02-white_main.jpg', blackBag: 'm/b/mb04-black-0_alt1.jpg', softShorts: 'w/s/wsh05-blue_back.jpg', brick: 'l/u/luma-yoga-brick.jpg',
  // The same shot in two colours: not duplicates.
  blue: 'w/b/wb04-blue_main.jpg', yellow: 'w/b/wb04-yellow_main.jpg'
}

let env: ReturnType<typeof openCore>
let byName: Map<string, PhotoSummary>
const codes = (key: keyof typeof PHOTOS) => byName.get(PHOTOS[key].split('/').pop()!)!.warnings.map((w) => w.code)

beforeAll(async () => {
  env = openCore()
  await addAndWait(env.core, Object.values(PHOTOS).map(photo))
  byName = new Map((await env.core.api().photos.list({ limit: 100 })).items.map((p) => [p.name, p]))
}, 60_000)
afterAll(() => env.close())

describe('quality warnings on labelled product photos', () => {
  it('a product cut by the frame touches the edge', () => {
    expect(codes('closeUp')).toContain('touches_edge')
    expect(codes('bracelet')).toContain('touches_edge')
    expect(byName.get('wg09-gr-0.jpg')!.warnings.find((w) => w.code === 'touches_edge')!.params.sides).toBe('top,bottom')
  })

  it('a whole garment on a model whose legs or body reach the frame does not', () => {
    expect(codes('hoodie')).not.toContain('touches_edge')
    expect(codes('pants')).not.toContain('touches_edge')
    expect(codes('giftCard')).not.toContain('touches_edge')
  })

  it('white and black products on a white sweep are neither overexposed nor dark', () => {
    for (const k of ['whiteTank', 'blackBag', 'giftCard'] as const) {
      expect(codes(k)).not.toContain('overexposed')
      expect(codes(k)).not.toContain('too_dark')
    }
  })

  it('sharp shots are not blurry, whatever their texture', () => {
    for (const k of ['softShorts', 'brick', 'hoodie', 'blackBag'] as const) expect(codes(k)).not.toContain('blurry')
  })

  it('no warning at all on good pack shots', () => {
    for (const k of ['hoodie', 'pants', 'whiteTank', 'blackBag', 'softShorts', 'brick', 'giftCard'] as const) expect(codes(k), k).toEqual([])
  })

  it('colour variants of one shot are not near-duplicates', () => {
    expect(codes('blue')).not.toContain('near_duplicate')
    expect(codes('yellow')).not.toContain('near_duplicate')
  })
})
