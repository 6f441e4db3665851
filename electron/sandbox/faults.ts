// Fault injection, set per run: latency, provider errors, lost responses (the call is carried out
// but the reply never arrives), a ban after some number of calls. Draws come from a seeded
// generator so a failing run can be replayed.

export interface FaultOptions {
  latencyMs: number
  latencyJitterMs: number
  /** Share of calls answered with a provider error (code 50, isp.service-error) before doing anything. */
  errorRate: number
  /** Share of calls carried out whose reply is lost. */
  lostResponseRate: number
  /** 'reset': the connection is closed without a reply; 'hang': no reply until the client gives up. */
  lostResponseMode: 'reset' | 'hang'
  /** After this many more calls, every API is banned for banSeconds (once). null = off. */
  banAfterCalls: number | null
  banSeconds: number
  /** Methods the error and loss rates apply to (default: all). */
  methods: string[] | null
  seed: number
}

export const NO_FAULTS: FaultOptions = {
  latencyMs: 0, latencyJitterMs: 0, errorRate: 0, lostResponseRate: 0, lostResponseMode: 'reset',
  banAfterCalls: null, banSeconds: 5, methods: null, seed: 1
}

/** mulberry32: small, fast, good enough for fault draws. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export class Faults {
  opts: FaultOptions = { ...NO_FAULTS }
  private random = rng(1)
  private callsUntilBan: number | null = null

  set(patch: Partial<FaultOptions>): FaultOptions {
    this.opts = { ...this.opts, ...patch }
    if (patch.seed !== undefined) this.random = rng(patch.seed)
    if (patch.banAfterCalls !== undefined) this.callsUntilBan = patch.banAfterCalls
    return this.opts
  }

  reset(): FaultOptions {
    return this.set({ ...NO_FAULTS })
  }

  delayMs(): number {
    const { latencyMs, latencyJitterMs } = this.opts
    if (latencyMs <= 0 && latencyJitterMs <= 0) return 0
    return Math.max(0, latencyMs + (this.random() * 2 - 1) * latencyJitterMs)
  }

  private applies(method: string): boolean {
    return !this.opts.methods || this.opts.methods.includes(method)
  }

  serviceError(method: string): boolean {
    return this.opts.errorRate > 0 && this.applies(method) && this.random() < this.opts.errorRate
  }

  loseResponse(method: string): boolean {
    return this.opts.lostResponseRate > 0 && this.applies(method) && this.random() < this.opts.lostResponseRate
  }

  /** True once, when the countdown to the injected ban reaches zero. */
  banNow(): boolean {
    if (this.callsUntilBan === null) return false
    this.callsUntilBan--
    if (this.callsUntilBan > 0) return false
    this.callsUntilBan = null
    return true
  }
}
