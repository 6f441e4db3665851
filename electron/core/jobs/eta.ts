// Estimates the time left from the recent rate of progress (a sliding window, so a slow start
// or a pause does not distort the estimate for long).
const WINDOW_MS = 15_000

export class EtaEstimator {
  private samples: Array<{ t: number; done: number }> = []
  private readonly now: () => number

  constructor(now: () => number) {
    this.now = now
  }

  sample(done: number): void {
    const t = this.now()
    this.samples.push({ t, done })
    while (this.samples.length > 2 && t - this.samples[0].t > WINDOW_MS) this.samples.shift()
  }

  /** Seconds left, or null while there is not enough to go on. */
  etaSeconds(done: number, total: number | null): number | null {
    if (total === null || this.samples.length < 2) return null
    const first = this.samples[0]
    const last = this.samples[this.samples.length - 1]
    const elapsed = (last.t - first.t) / 1000
    const progressed = last.done - first.done
    if (elapsed <= 0 || progressed <= 0) return null
    const rate = progressed / elapsed
    return Math.max(0, Math.round((total - done) / rate))
  }
}
