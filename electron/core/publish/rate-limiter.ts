// Client-side throttle shared by every call to one gateway: calls are spaced 1/rate apart; a slot
// nobody used in the last half second may still be taken (a small burst), so the average stays
// at the allowed rate without ever exceeding the gateway's one-second bucket. A ban the gateway
// announces ("This ban will last for N more seconds") holds every call until it is over.
import { PavilionError } from './errors.ts'

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(t)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

export class RateLimiter {
  private ratePerSecond: number
  private nextSlot = 0
  private bannedUntil = 0
  private readonly now: () => number
  private readonly burstMs: number

  constructor(ratePerSecond: number, now: () => number = Date.now, burstMs = 500) {
    this.ratePerSecond = ratePerSecond
    this.now = now
    this.burstMs = burstMs
  }

  setRate(ratePerSecond: number): void {
    this.ratePerSecond = ratePerSecond
  }

  rate(): number {
    return this.ratePerSecond
  }

  ban(untilMs: number): void {
    this.bannedUntil = Math.max(this.bannedUntil, untilMs)
  }

  /** Milliseconds left of the current ban (0 when none). */
  banLeftMs(): number {
    return Math.max(0, this.bannedUntil - this.now())
  }

  /**
   * Waits for the next free slot. A ban longer than `maxWaitMs` is not waited out here: the
   * caller gets a rate_limited error and can park its job until the ban ends.
   */
  async acquire(signal?: AbortSignal, maxWaitMs = 3000): Promise<void> {
    for (;;) {
      const ban = this.banLeftMs()
      if (ban <= 0) break
      if (ban > maxWaitMs) throw new PavilionError('rate_limited', `The pavilion asked to pause calls for ${Math.ceil(ban / 1000)} s.`, { retryAfterMs: ban, code: 'ban' })
      await sleep(ban, signal)
    }
    if (!(this.ratePerSecond > 0)) return
    const now = this.now()
    const slot = Math.max(now - this.burstMs, this.nextSlot)
    this.nextSlot = slot + 1000 / this.ratePerSecond
    if (slot > now) await sleep(slot - now, signal)
  }
}
