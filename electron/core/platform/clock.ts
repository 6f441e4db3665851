// Time and identifiers are injected so tests can be exact.
import { randomFillSync } from 'node:crypto'
import { monotonicFactory } from 'ulid'

export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

// ulid's own generator asks the OS for one random byte per character (16 calls per id); a pool
// refilled 1,024 values at a time gives the same cryptographic randomness at a fraction of the
// cost (ids are made for every photo, row and job).
const pool = new Uint32Array(1024)
let drawn = pool.length
function cryptoRandom(): number {
  if (drawn === pool.length) {
    randomFillSync(pool)
    drawn = 0
  }
  return pool[drawn++] / 0x1_0000_0000
}

const ulid = monotonicFactory(cryptoRandom)

/** Sortable unique id (ULID), optionally prefixed: "p_01J…" for products, "job_01J…" for jobs. */
export function newId(prefix = ''): string {
  return prefix ? `${prefix}_${ulid()}` : ulid()
}
