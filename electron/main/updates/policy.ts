// When the desktop app may look for, download and install an update. Pure decisions, so they are
// tested without Electron: a bad connection must never cost the clerk a prompt, an error or a
// stalled job.
export const CHECK_EVERY_MS = 6 * 3600_000
/** After a failed check or download, while online: 2, 10, 30 minutes, then hourly. */
const RETRY_MS = [2 * 60_000, 10 * 60_000, 30 * 60_000, 60 * 60_000]

export type UpdatePhase = 'idle' | 'checking' | 'downloading' | 'ready'

export interface UpdateFacts {
  /** Settings → updates. */
  enabled: boolean
  /** A packaged build whose format can update itself. */
  supported: boolean
  /** The connectivity monitor: true, false (offline) or null (nothing probed yet / nothing configured). */
  online: boolean | null
  phase: UpdatePhase
  /** Not before this time (ms): the next check or download retry. */
  notBefore: number
  now: number
}

/** Offline means "do nothing": no request, no error, no notice. Unknown lets one quiet try happen. */
export function networkAllowed(online: boolean | null): boolean {
  return online !== false
}

export function shouldCheck(f: UpdateFacts): boolean {
  return f.enabled && f.supported && networkAllowed(f.online) && f.phase === 'idle' && f.now >= f.notBefore
}

/** A found update is fetched in the background whenever the line is up. */
export function shouldDownload(f: UpdateFacts & { found: boolean; downloading: boolean }): boolean {
  return f.enabled && f.supported && networkAllowed(f.online) && f.found && !f.downloading && f.phase !== 'ready' && f.now >= f.notBefore
}

/** A download in progress stops when the user turns updates off or the line drops (it resumes later). */
export function shouldPauseDownload(f: Pick<UpdateFacts, 'enabled' | 'online'>): boolean {
  return !f.enabled || f.online === false
}

/** Installing restarts Vetrina: never while a job (an import, a publish, a backup) is running. */
export function mayInstall(f: { enabled: boolean; phase: UpdatePhase; runningJobs: number }): boolean {
  return f.enabled && f.phase === 'ready' && f.runningJobs === 0
}

export function retryDelay(failures: number): number {
  return RETRY_MS[Math.min(Math.max(failures, 1), RETRY_MS.length) - 1]
}
