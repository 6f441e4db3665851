// Shared plumbing for CLI commands: common options, opening the core, printing results and
// errors (human or --json), and following a job to its end with progress on stderr.
import type { Command } from 'commander'
import type { Api } from '../../../shared/contract/index.ts'
import { AppError } from '../../../shared/contract/errors.ts'
import type { Job } from '../../../shared/contract/jobs.ts'
import { Core } from '../core.ts'
import { resolveDataDir } from '../platform/data-dir.ts'

export interface CommonOptions {
  dataDir?: string
  json?: boolean
}

/** Adds --data-dir and --json to a command. */
export function common(cmd: Command): Command {
  return cmd
    .option('--data-dir <dir>', 'catalogue folder (default: VETRINA_DATA_DIR or the desktop app\'s folder)')
    .option('--json', 'print machine-readable JSON')
}

export interface CliSession {
  core: Core
  api: Api
  json: boolean
  out(human: string | (() => string), data: unknown): void
  /** Waits for a job, printing progress to stderr; throws if it fails. */
  follow(jobId: string): Promise<Job>
}

/** `rescue`: open a catalogue that cannot be used too (only restore, recover and health answer then). */
export async function withCore<T>(opts: CommonOptions, fn: (s: CliSession) => Promise<T>, o: { rescue?: boolean } = {}): Promise<T> {
  const core = Core.open({ dataDir: resolveDataDir(opts.dataDir), rescue: o.rescue })
  const json = !!opts.json
  const session: CliSession = {
    core,
    api: core.api({ role: 'owner', transport: 'cli', actor: 'cli' }),
    json,
    out(human, data) {
      if (json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`)
      else process.stdout.write(`${typeof human === 'function' ? human() : human}\n`)
    },
    follow: (jobId) => followJob(core, jobId, json)
  }
  try {
    return await fn(session)
  } finally {
    await core.close()
  }
}

function followJob(core: Core, jobId: string, json: boolean): Promise<Job> {
  return new Promise((resolve, reject) => {
    const tty = process.stderr.isTTY && !json
    let lastLine = 0
    const show = (job: Job) => {
      if (json) return
      const now = Date.now()
      if (now - lastLine < 250 && job.state === 'running') return
      lastLine = now
      const pct = job.total ? ` ${Math.floor((100 * job.done) / job.total)}%` : ''
      const eta = job.etaSeconds !== null ? ` · ${job.etaSeconds}s left` : ''
      const line = `${job.title}: ${job.state}${pct}${eta}${job.message ? ` · ${job.message}` : ''}`
      process.stderr.write(tty ? `\r\x1b[K${line}` : `${line}\n`)
    }
    const settle = (job: Job) => {
      if (tty) process.stderr.write('\n')
      off()
      if (job.state === 'done') resolve(job)
      else reject(new AppError(job.error?.code ?? job.state, job.error?.message ?? `${job.title} ended: ${job.state}`))
    }
    const off = core.events.on('job.progress', (job) => {
      if (job.id !== jobId) return
      show(job)
      if (job.state === 'done' || job.state === 'failed' || job.state === 'cancelled') settle(job)
    })
    const current = core.s.jobs.get(jobId)
    if (current.state === 'done' || current.state === 'failed' || current.state === 'cancelled') settle(current)
  })
}

/** Prints an error the way the user asked (--json or a sentence) and sets the exit code. */
export function reportError(err: unknown, json: boolean): void {
  const data = err instanceof AppError ? err.toData() : { code: 'internal', message: (err as Error)?.message ?? String(err) }
  if (json) process.stdout.write(`${JSON.stringify({ ok: false, error: data }, null, 2)}\n`)
  else {
    process.stderr.write(`error: ${data.message}\n`)
    for (const issue of (data as { issues?: { path: string; message: string }[] }).issues ?? []) {
      process.stderr.write(`  - ${issue.path || '(input)'}: ${issue.message}\n`)
    }
  }
  process.exitCode = 1
}
