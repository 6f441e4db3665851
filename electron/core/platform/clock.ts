// Time and identifiers are injected so tests can be exact.
import { monotonicFactory } from 'ulid'

export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

const ulid = monotonicFactory()

/** Sortable unique id (ULID), optionally prefixed: "p_01J…" for products, "job_01J…" for jobs. */
export function newId(prefix = ''): string {
  return prefix ? `${prefix}_${ulid()}` : ulid()
}
