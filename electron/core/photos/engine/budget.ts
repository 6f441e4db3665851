// The CPU budget for image work: `run` lets a few images be processed at once (one per core
// keeps the cores busy without thrashing); `exclusive` waits until nothing else runs. Requests
// start in arrival order, so an exclusive one is never starved.
//
// Exclusive runs exist because libvips keeps one error buffer for the whole process: when two
// images fail at the same time, each error message may carry the other's text (lovell/sharp
// #902). A failed image is therefore decoded again alone to report its own reason.
import { AppError } from '../../../../shared/contract/errors.ts'
import { PhotoErrorCodes } from '../errors.ts'

interface Waiter {
  exclusive: boolean
  start(): void
}

export class CpuBudget {
  readonly slots: number
  private active = 0
  private exclusiveActive = false
  private queue: Waiter[] = []

  constructor(slots: number) {
    this.slots = Math.max(1, Math.floor(slots))
  }

  run<T>(fn: () => Promise<T>): Promise<T> {
    return this.enter(false, fn)
  }

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.enter(true, fn)
  }

  private enter<T>(exclusive: boolean, fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        exclusive,
        start: () => {
          fn().then(resolve, reject).finally(() => {
            if (exclusive) this.exclusiveActive = false
            else this.active--
            this.drain()
          })
        }
      })
      this.drain()
    })
  }

  private drain(): void {
    while (this.queue.length > 0) {
      const head = this.queue[0]
      if (this.exclusiveActive) return
      if (head.exclusive ? this.active > 0 : this.active >= this.slots) return
      this.queue.shift()
      if (head.exclusive) this.exclusiveActive = true
      else this.active++
      head.start()
    }
  }
}

/** Decoding failures whose message comes from libvips (and may be another image's). */
const DECODE_CODES = new Set<string>([PhotoErrorCodes.damaged, PhotoErrorCodes.unsupportedVariant, PhotoErrorCodes.tooManyPixels, PhotoErrorCodes.timeout])

/** Runs image work in the budget; if it fails while other work ran, runs it again alone. */
export async function runWithOwnError<T>(budget: CpuBudget, fn: () => Promise<T>, timeoutMs: number): Promise<T> {
  const started = Date.now()
  try {
    return await budget.run(fn)
  } catch (err) {
    const genuineTimeout = err instanceof AppError && err.code === PhotoErrorCodes.timeout && Date.now() - started >= timeoutMs
    if (!(err instanceof AppError) || !DECODE_CODES.has(err.code) || genuineTimeout || budget.slots === 1) throw err
    return budget.exclusive(fn)
  }
}
