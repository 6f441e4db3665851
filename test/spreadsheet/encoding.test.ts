// The pure UTF-8 check used for encoding detection agrees with the platform's strict decoder.
import { describe, expect, it } from 'vitest'
import { isUtf8 } from '../../shared/domain/text/encoding.ts'

const strict = (b: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b)
    return true
  } catch {
    return false
  }
}

describe('isUtf8', () => {
  it('agrees with a strict decoder on edge cases and random bytes', () => {
    const cases = [[0xc3, 0xa8], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98, 0x80], [0xe2, 0x82], [0x80], [0xff]].map((c) => Uint8Array.from(c))
    let seed = 42
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256
    for (let n = 0; n < 3000; n++) cases.push(Uint8Array.from({ length: 1 + (n % 7) }, () => (n % 3 ? rnd() : 0x80 | (rnd() & 0x7f))))
    for (const c of cases) expect(isUtf8(c), [...c].map((b) => b.toString(16)).join(' ')).toBe(strict(c))
  })
})
