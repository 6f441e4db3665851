// Every photo's perceptual hash (64 bits) and product colour, held in memory to find the photos
// that look alike. Near-duplicates are computed from it when needed instead of stored as links:
// a catalogue of look-alike shots (fifty bottles on the same white sweep) would otherwise store a
// link for every pair. The hashes sit in typed arrays, so a scan compares ~10 million pairs a second.
import { QUALITY_LIMITS, coloursClose, type NearDuplicate } from '../../../shared/domain/photo-quality.ts'

export interface HashEntry {
  id: string
  /** 16 hex digits. */
  phash: string
  name: string
  /** The product's mean colour (sRGB), null when not measured. */
  colour: number[] | null
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

export class HashIndex {
  private ids: string[] = []
  private names: string[] = []
  private colours: Array<number[] | null> = []
  /** Order added (ties between equally close photos keep it). */
  private order: number[] = []
  private hi = new Int32Array(64)
  private lo = new Int32Array(64)
  private readonly position = new Map<string, number>()
  private added = 0

  constructor(entries: Iterable<HashEntry> = []) {
    for (const e of entries) this.set(e)
  }

  get size(): number {
    return this.ids.length
  }

  has(id: string): boolean {
    return this.position.has(id)
  }

  set(e: HashEntry): void {
    let i = this.position.get(e.id)
    if (i === undefined) {
      i = this.ids.length
      if (i === this.hi.length) this.grow()
      this.position.set(e.id, i)
      this.ids.push(e.id)
      this.names.push(e.name)
      this.colours.push(e.colour)
      this.order.push(this.added++)
    } else {
      this.names[i] = e.name
      this.colours[i] = e.colour
    }
    this.hi[i] = parseInt(e.phash.slice(0, 8), 16) | 0
    this.lo[i] = parseInt(e.phash.slice(8, 16), 16) | 0
  }

  delete(id: string): void {
    const i = this.position.get(id)
    if (i === undefined) return
    // The last entry takes its place.
    const last = this.ids.length - 1
    if (i !== last) {
      this.ids[i] = this.ids[last]
      this.names[i] = this.names[last]
      this.colours[i] = this.colours[last]
      this.order[i] = this.order[last]
      this.hi[i] = this.hi[last]
      this.lo[i] = this.lo[last]
      this.position.set(this.ids[i], i)
    }
    this.ids.pop()
    this.names.pop()
    this.colours.pop()
    this.order.pop()
    this.position.delete(id)
  }

  /** The photos that look like `id`, closest first (ties in the order they were added). */
  nearTo(id: string): NearDuplicate[] {
    const me = this.position.get(id)
    if (me === undefined) return []
    const hi = this.hi[me]
    const lo = this.lo[me]
    const colour = this.colours[me]
    const limit = QUALITY_LIMITS.nearDuplicateDistance
    const found: Array<{ i: number; d: number }> = []
    for (let i = 0, n = this.ids.length; i < n; i++) {
      if (i === me) continue
      const d = popcount(hi ^ this.hi[i]) + popcount(lo ^ this.lo[i])
      if (d <= limit && coloursClose(colour, this.colours[i])) found.push({ i, d })
    }
    found.sort((a, b) => a.d - b.d || this.order[a.i] - this.order[b.i])
    return found.map(({ i, d }) => ({ photoId: this.ids[i], name: this.names[i], distance: d }))
  }

  /** Whether two photos look alike (either unknown: no). */
  alike(a: string, b: string): boolean {
    const i = this.position.get(a)
    const j = this.position.get(b)
    if (i === undefined || j === undefined || i === j) return false
    const d = popcount(this.hi[i] ^ this.hi[j]) + popcount(this.lo[i] ^ this.lo[j])
    return d <= QUALITY_LIMITS.nearDuplicateDistance && coloursClose(this.colours[i], this.colours[j])
  }

  private grow(): void {
    const hi = new Int32Array(this.hi.length * 2)
    const lo = new Int32Array(this.lo.length * 2)
    hi.set(this.hi)
    lo.set(this.lo)
    this.hi = hi
    this.lo = lo
  }
}
