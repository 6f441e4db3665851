// Shared plumbing for CLI commands: common options, opening the core, printing results and
// errors (human or --json), and following a job to its end with progress on stderr. Every
// sentence comes from the catalogues in the CLI's language (lang.ts).
import type { Command } from 'commander'
import type { Api } from '../../../shared/contract/index.ts'
import { AppError } from '../../../shared/contract/errors.ts'
import type { Job } from '../../../shared/contract/jobs.ts'
import { errorText, issueWithField } from '../../../shared/messages/errors.ts'
import { messageText } from '../../../shared/messages/translator.ts'
import { Core } from '../core.ts'
import { resolveDataDir } from '../platform/data-dir.ts'
import { say, t } from './lang.ts'

export { say, t }

export interface CommonOptions {
  dataDir?: string
  json?: boolean
  lang?: string
}

/** Adds --data-dir, --json and --lang to a command. */
export function common(cmd: Command): Command {
  return cmd
    .option('--data-dir <dir>', say('cli:common.dataDir'))
    .option('--json', say('cli:common.json'))
    .option('--lang <lang>', say('cli:common.lang'))
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

/** "Importazione di listino.csv: in corso 40% · circa 12 s · 3.599 righe lette". */
export function jobLine(job: Job): string {
  const parts = [`${messageText(job.title, t)}: ${say(`common:jobs.state.${job.state}`)}`]
  if (job.total) parts[0] += ` ${say('cli:job.percent', { percent: Math.floor((100 * job.done) / job.total) })}`
  if (job.etaSeconds !== null) parts.push(say('cli:job.eta', { seconds: job.etaSeconds }))
  if (job.message) parts.push(messageText(job.message, t))
  return parts.join(' · ')
}

/** The error a finished job ended with (its own, or "cancelled"). */
export function jobFailure(job: Job): AppError {
  if (job.error) {
    // codes: passed on
    return new AppError(job.error.code, job.error.message, { params: job.error.params })
  }
  return new AppError('cancelled', `${job.kind} ended: ${job.state}`)
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
      const line = jobLine(job)
      process.stderr.write(tty ? `\r\x1b[K${line}` : `${line}\n`)
    }
    const settle = (job: Job) => {
      if (tty) process.stderr.write('\n')
      off()
      if (job.state === 'done') resolve(job)
      else reject(jobFailure(job))
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

/** Prints an error the way the user asked (--json, or sentences in the CLI's language) and sets the exit code. */
export function reportError(err: unknown, json: boolean): void {
  const data = err instanceof AppError ? err.toData() : { code: 'internal', message: (err as Error)?.message ?? String(err) }
  if (json) process.stdout.write(`${JSON.stringify({ ok: false, error: data }, null, 2)}\n`)
  else {
    const issues = data.code === 'validation' ? (data as { issues?: AppError['issues'] }).issues ?? [] : []
    if (issues.length > 1) {
      process.stderr.write(`${say('cli:errorPrefix')} ${say('errors:validation')}\n`)
      for (const issue of issues) process.stderr.write(`  - ${issueWithField(issue, t)}\n`)
    } else process.stderr.write(`${say('cli:errorPrefix')} ${errorText(data, t)}\n`)
    if (!(err instanceof AppError)) process.stderr.write(`  (${data.message})\n`)
  }
  process.exitCode = 1
}
