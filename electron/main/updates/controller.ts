// Runs the update cycle of the desktop app: look at the feed when the line is up (and at most
// every few hours), fetch a newer version in the background (resuming after a dropped line),
// install it when Vetrina quits — never while a job runs, never when the user turned updates off.
// Offline nothing happens and nothing is shown. Electron and electron-updater sit behind
// `UpdaterPort` (electron-updater-port.ts); everything here is tested with fakes.
import type { UpdateStatus } from '../../../shared/contract/bridge.ts'
import { mayInstall, retryDelay, shouldCheck, shouldDownload, shouldPauseDownload, CHECK_EVERY_MS, type UpdatePhase } from './policy.ts'
import { splitNotes } from './release-notes.ts'

export interface FoundUpdate {
  version: string
  /** The feed's releaseNotes (text with language sections). */
  notes: unknown
}

export interface UpdaterPort {
  /** A packaged build whose format can update itself. */
  readonly supported: boolean
  readonly currentVersion: string
  /** Asks the feed; null when this is the newest version. */
  check(): Promise<FoundUpdate | null>
  /** Fetches the found update (resuming a partial download) and readies it for installing. */
  download(update: FoundUpdate, signal: AbortSignal, onProgress: (percent: number) => void): Promise<void>
  /** Whether quitting the app runs the installer. */
  setInstallOnQuit(on: boolean): void
  /** Quits, installs and starts the new version. */
  installNow(): void
}

export interface UpdateEnvironment {
  enabled(): boolean
  online(): boolean | null
  runningJobs(): number
  now(): number
  /** Calls `listener` whenever the setting, the connectivity or the jobs change; returns the unsubscribe. */
  onChange(listener: () => void): () => void
  log(message: string): void
}

/** How often the controller looks at its facts even without an event. */
const TICK_MS = 15 * 60_000

export class UpdateController {
  private phase: UpdatePhase = 'idle'
  private found: FoundUpdate | null = null
  private percent: number | null = null
  private checkedAt: number | null = null
  private nextCheckAt = 0
  private nextDownloadAt = 0
  private failures = 0
  private download: AbortController | null = null
  private timer: NodeJS.Timeout | null = null
  private unsubscribe: (() => void) | null = null
  private readonly listeners = new Set<(s: UpdateStatus) => void>()
  private readonly port: UpdaterPort
  private readonly env: UpdateEnvironment

  constructor(port: UpdaterPort, env: UpdateEnvironment) {
    this.port = port
    this.env = env
  }

  /** Starts after `delayMs` (the app's first seconds belong to the user). */
  start(delayMs = 30_000): void {
    this.nextCheckAt = this.env.now() + delayMs
    this.unsubscribe = this.env.onChange(() => this.evaluate())
    this.timer = setInterval(() => this.evaluate(), TICK_MS)
    this.timer.unref?.()
    setTimeout(() => this.evaluate(), delayMs).unref?.()
  }

  stop(): void {
    this.unsubscribe?.()
    if (this.timer) clearInterval(this.timer)
    this.download?.abort()
  }

  onStatus(listener: (s: UpdateStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  status(): UpdateStatus {
    return {
      current: this.port.currentVersion,
      enabled: this.env.enabled(),
      supported: this.port.supported,
      phase: this.phase,
      version: this.found?.version ?? null,
      percent: this.phase === 'downloading' ? this.percent : null,
      notes: this.found ? splitNotes(this.found.notes) : {},
      checkedAt: this.checkedAt === null ? null : new Date(this.checkedAt).toISOString(),
      waitingForJobs: this.phase === 'ready' && this.env.runningJobs() > 0
    }
  }

  /** Looks at the facts and does what they allow; called on every change and on a slow tick. */
  evaluate(): void {
    const enabled = this.env.enabled()
    const online = this.env.online()
    if (this.download && shouldPauseDownload({ enabled, online })) {
      this.download.abort()
      this.download = null
    }
    const facts = { enabled, supported: this.port.supported, online, phase: this.phase, now: this.env.now() }
    if (!this.found && shouldCheck({ ...facts, notBefore: this.nextCheckAt })) void this.check()
    else if (shouldDownload({ ...facts, notBefore: this.nextDownloadAt, found: !!this.found, downloading: !!this.download })) void this.fetch()
    this.port.setInstallOnQuit(mayInstall({ enabled, phase: this.phase, runningJobs: this.env.runningJobs() }))
    this.emit()
  }

  /** Right before quitting: install on quit only if no job is running (the next quit will). */
  beforeQuit(): void {
    this.port.setInstallOnQuit(mayInstall({ enabled: this.env.enabled(), phase: this.phase, runningJobs: this.env.runningJobs() }))
  }

  /** "Restart now" from the settings is allowed: an update is ready and no job runs. */
  canRestartNow(): boolean {
    return mayInstall({ enabled: this.env.enabled(), phase: this.phase, runningJobs: this.env.runningJobs() })
  }

  /** Installs the ready update and restarts, if allowed now. */
  restartNow(): boolean {
    if (!this.canRestartNow()) return false
    this.installNow()
    return true
  }

  /** Installs without asking the facts again: the caller checked canRestartNow() and has since closed the catalogue. */
  installNow(): void {
    this.stop()
    this.port.installNow()
  }

  private async check(): Promise<void> {
    this.setPhase('checking')
    try {
      const found = await this.port.check()
      this.checkedAt = this.env.now()
      this.failures = 0
      this.nextCheckAt = this.env.now() + CHECK_EVERY_MS
      this.found = found
      this.setPhase(found ? 'downloading' : 'idle')
    } catch (err) {
      // A failed look at the feed is never the user's problem: try again later, quietly.
      this.env.log(`update check failed: ${(err as Error)?.message ?? err}`)
      this.nextCheckAt = this.env.now() + retryDelay(++this.failures)
      this.setPhase('idle')
    }
    this.evaluate()
  }

  private async fetch(): Promise<void> {
    const update = this.found!
    const controller = new AbortController()
    this.download = controller
    this.setPhase('downloading')
    try {
      await this.port.download(update, controller.signal, (percent) => {
        this.percent = Math.max(0, Math.min(100, Math.round(percent)))
        this.emit()
      })
      if (this.download !== controller) return
      this.download = null
      this.failures = 0
      this.setPhase('ready')
    } catch (err) {
      if (this.download === controller) this.download = null
      if (!controller.signal.aborted) {
        this.env.log(`update download failed (it resumes later): ${(err as Error)?.message ?? err}`)
        this.nextDownloadAt = this.env.now() + retryDelay(++this.failures)
      }
    }
    this.evaluate()
  }

  private setPhase(phase: UpdatePhase): void {
    this.phase = phase
    this.emit()
  }

  private emit(): void {
    const s = this.status()
    for (const l of this.listeners) l(s)
  }
}
