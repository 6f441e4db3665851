// Flow control as the platform applies it: a token bucket per app × API (exceeding it bans that
// API for the app for some seconds: code 7, "This ban will last for N more seconds") and a daily
// quota per app that resets at 00:00 GMT+8.

export interface FlowOptions {
  /** Calls per second allowed per app × method; null = unlimited. */
  qps: number | null
  /** Bucket size (calls that may arrive at once). Default: one second's worth, at least 2. */
  burst?: number
  /** How long exceeding the rate bans the API for the app. */
  banSeconds: number
  /** Calls per app per day; null = unlimited. */
  dailyQuota: number | null
}

export type FlowVerdict =
  | { ok: true }
  | { ok: false; scope: 'api' | 'app'; seconds: number }

interface Bucket { tokens: number; at: number }

const GMT8 = 8 * 3600_000
const DAY = 24 * 3600_000

export class FlowControl {
  opts: FlowOptions
  private buckets = new Map<string, Bucket>()
  private bans = new Map<string, number>()
  private daily = new Map<string, { day: number; count: number }>()

  constructor(opts: FlowOptions) {
    this.opts = opts
  }

  /** Bans every API of every app until `untilMs` (fault injection: "a ban in the middle"). */
  banAll(untilMs: number): void {
    this.bans.set('*', untilMs)
  }

  check(appKey: string, method: string, now: number): FlowVerdict {
    const key = `${appKey} ${method}`
    for (const k of ['*', key]) {
      const until = this.bans.get(k)
      if (until !== undefined) {
        if (until > now) return { ok: false, scope: 'api', seconds: Math.max(1, Math.ceil((until - now) / 1000)) }
        this.bans.delete(k)
      }
    }
    if (this.opts.dailyQuota !== null) {
      const day = Math.floor((now + GMT8) / DAY)
      const d = this.daily.get(appKey)
      const entry = d && d.day === day ? d : { day, count: 0 }
      if (entry.count >= this.opts.dailyQuota) {
        const nextMidnight = (day + 1) * DAY - GMT8
        return { ok: false, scope: 'app', seconds: Math.max(1, Math.ceil((nextMidnight - now) / 1000)) }
      }
      entry.count++
      this.daily.set(appKey, entry)
    }
    const qps = this.opts.qps
    if (qps === null || qps <= 0) return { ok: true }
    const burst = this.opts.burst ?? Math.max(2, qps)
    const b = this.buckets.get(key) ?? { tokens: burst, at: now }
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * qps)
    b.at = now
    this.buckets.set(key, b)
    if (b.tokens >= 1) {
      b.tokens -= 1
      return { ok: true }
    }
    const until = now + this.opts.banSeconds * 1000
    this.bans.set(key, until)
    return { ok: false, scope: 'api', seconds: Math.max(1, this.opts.banSeconds) }
  }
}
