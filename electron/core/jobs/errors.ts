// Outcomes a job can signal besides success and plain failure.
import type { MessageParams } from '../../../shared/messages/message.ts'

/**
 * Try again later: the job waits (not failed) until `afterMs` has passed. Counts as an attempt.
 * `code` and `params` say why, as an error code with a sentence (shown while the job waits, or as
 * its error when the attempts run out); `message` is the English for the log.
 */
export class RetryLater extends Error {
  readonly afterMs: number
  readonly code: string
  readonly params?: MessageParams
  constructor(afterMs: number, message: string, code = 'retry_later', params?: MessageParams) {
    super(message)
    this.name = 'RetryLater'
    this.afterMs = afterMs
    this.code = code
    this.params = params
  }
}

/** The network is needed and missing: the job waits for the connectivity monitor, no attempt used. */
export class WaitForNetwork extends Error {
  constructor(message = 'Waiting for the network') {
    super(message)
    this.name = 'WaitForNetwork'
  }
}

/** Why a running job was asked to stop. */
export type StopReason = 'cancel' | 'pause' | 'shutdown'

export class JobStopped extends Error {
  readonly reason: StopReason
  constructor(reason: StopReason) {
    super(`job stopped: ${reason}`)
    this.name = 'JobStopped'
    this.reason = reason
  }
}
