// Knows whether Vetrina is online — not from the OS flag (a captive portal or a dead line still
// says "connected") but by probing the service the queued work needs (the pavilion gateway).
// Jobs that need the network run only while the probe succeeds; the pending count travels with
// the status so every screen can show it.
import type { OnlineStatus } from '../../../shared/contract/system.ts'
import type { EventBus } from '../events.ts'
import type { Clock } from './clock.ts'

export interface Probe {
  /** What is probed, for display (e.g. "https://open-api.alibaba.com"). */
  target: string
  /** Resolves true when the service answered. Must honour the abort signal. */
  run(signal: AbortSignal): Promise<boolean>
}

export interface ConnectivityOptions {
  onlineIntervalMs?: number
  offlineIntervalMs?: number
  timeoutMs?: number
}

export class ConnectivityMonitor {
  private probe: Probe | null = null
  private state: OnlineStatus = { online: null, checkedAt: null, target: null, pending: 0 }
  private timer: NodeJS.Timeout | null = null
  private inFlight: Promise<OnlineStatus> | null = null
  private inFlightProbe: Probe | null = null
  private listeners = new Set<(online: boolean) => void>()
  private readonly opts: Required<ConnectivityOptions>
  private readonly events: EventBus
  private readonly clock: Clock
  private readonly pendingCount: () => number
  private stopped = false

  constructor(deps: { events: EventBus; clock: Clock; pendingCount: () => number }, opts: ConnectivityOptions = {}) {
    this.events = deps.events
    this.clock = deps.clock
    this.pendingCount = deps.pendingCount
    this.opts = { onlineIntervalMs: 60_000, offlineIntervalMs: 15_000, timeoutMs: 8_000, ...opts }
  }

  /** Starts the monitor: probes now (or reports "unknown" when nothing is configured to probe). */
  start(): void {
    void this.check()
  }

  /** Sets what to probe (the publishing target). Checks at once. */
  setProbe(probe: Probe | null): void {
    this.probe = probe
    this.state = { ...this.state, target: probe?.target ?? null }
    void this.check()
  }

  onChange(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  status(): OnlineStatus {
    return { ...this.state, pending: this.pendingCount() }
  }

  /** Re-emits the status (e.g. when the pending count changed). */
  publish(): void {
    this.events.emit('online.status', this.status())
  }

  check(): Promise<OnlineStatus> {
    // A probe of the same target already running answers this check too; a new target waits
    // for it and then probes again.
    if (this.inFlight && this.inFlightProbe === this.probe) return this.inFlight
    const previous = this.inFlight ?? Promise.resolve()
    const probe = this.probe
    const run = previous.then(() => this.runProbe()).finally(() => {
      if (this.inFlight === run) this.inFlight = null
    })
    this.inFlight = run
    this.inFlightProbe = probe
    return run
  }

  private async runProbe(): Promise<OnlineStatus> {
    let online: boolean | null = null
    if (this.probe) {
      const controller = new AbortController()
      const timeout = setTimeout(() => controller.abort(), this.opts.timeoutMs)
      try {
        online = await this.probe.run(controller.signal)
      } catch {
        online = false
      } finally {
        clearTimeout(timeout)
      }
    }
    if (this.stopped) return this.status()
    const changed = online !== this.state.online || this.state.checkedAt === null
    this.state = { ...this.state, online, checkedAt: this.clock.now().toISOString() }
    // Unknown (nothing to probe) lets network jobs try; they report WaitForNetwork when they fail.
    if (changed) for (const l of this.listeners) l(online !== false)
    this.publish()
    this.arm()
    return this.status()
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer)
    if (this.stopped || !this.probe) return
    const delay = this.state.online ? this.opts.onlineIntervalMs : this.opts.offlineIntervalMs
    this.timer = setTimeout(() => void this.check(), delay)
    this.timer.unref?.()
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
  }
}
