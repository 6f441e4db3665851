// vetrina publish [--target sandbox|alibaba] [--dry-run] [--json] [--sku …]
// Queues every ready product (or the SKUs given), waits until the outbox is empty and the
// pavilion's audit is done, printing progress, then reports per state. The queue is persisted:
// stopping the command (or a crash) loses nothing; the next run or the app carries on.
import type { Command } from 'commander'
import { AppError, ErrorCodes } from '../../../../shared/contract/errors.ts'
import { PublishTarget, readinessStateOf, type ReadinessState } from '../../../../shared/domain/publish.ts'
import { errorText } from '../../../../shared/messages/errors.ts'
import { problemText } from '../../../../shared/messages/publish.ts'
import { common, reportError, say, t, withCore, type CliSession, type CommonOptions } from '../context.ts'

export interface PublishOptions extends CommonOptions {
  target?: string
  dryRun?: boolean
  sku?: string[]
  wait?: boolean
  timeout?: string
}

function ids(session: CliSession, skus: string[] | undefined): string[] | undefined {
  if (!skus?.length) return undefined
  return skus.map((sku) => {
    const id = session.core.s.products.findIdBySku(sku)
    if (!id) throw new AppError(ErrorCodes.notFound, `No product with SKU ${sku}.`, { params: { sku } })
    return id
  })
}

/** The command's work, on an open core (also used by the crash test's publisher process). */
/** A listing's word in the dry run, the same rule as the publish screen's badge. */
const CLI_STATE: Record<ReadinessState, string> = { ready: 'cli:publish.ready', unverified: 'cli:publish.unverified', blocked: 'cli:publish.needsFixing' }

export async function runPublish(session: CliSession, o: PublishOptions): Promise<void> {
  const { api, out, json } = session
  const parsedTarget = o.target === undefined ? undefined : PublishTarget.safeParse(o.target)
  if (parsedTarget && !parsedTarget.success) throw new AppError('cli_bad_target', `--target must be sandbox or alibaba (got ${o.target}).`, { params: { value: String(o.target) } })
  const target = parsedTarget?.data
  const productIds = ids(session, o.sku)

  if (o.dryRun) {
    const r = await api.publish.readiness({ productIds, target, limit: 5000 })
    out(() => {
      const lines = [say('cli:publish.readiness', { ready: r.summary.ready - r.summary.pending, blocked: r.summary.blocked, pending: r.summary.pending })]
      for (const item of r.items.filter((i) => i.problems.length)) {
        lines.push(`  ${item.sku} [${say(`common:languageName.${item.language}`)}] ${say(CLI_STATE[readinessStateOf(item.problems)])}`)
        for (const p of item.problems) lines.push(`    - ${say(`publish:severity.${p.severity}`)}: ${problemText(p, t)}`)
      }
      return lines.join('\n')
    }, r)
    return
  }

  const queued = await api.publish.enqueue({ productIds, target })
  if (!json) process.stderr.write(`${say('cli:publish.queued', { queued: queued.queued, unchanged: queued.unchanged, needsFixing: queued.needsFixing })}\n`)
  const deadline = o.timeout ? Date.now() + Number(o.timeout) * 1000 : Infinity
  let status = await api.publish.status()
  let lastLine = ''
  while (o.wait !== false && (status.pending > 0 || status.inAudit > 0) && Date.now() < deadline) {
    const online = session.core.s.connectivity.status().online
    const done = (status.counts.published ?? 0) + (status.counts.in_audit ?? 0)
    const line = [
      say('cli:publish.progress', { published: status.counts.published ?? 0, inAudit: status.inAudit, waiting: status.pending }),
      ...(status.etaSeconds !== null ? [say('cli:job.eta', { seconds: status.etaSeconds })] : []),
      ...(online === false ? [say('cli:publish.offline')] : []),
      ...(status.paused ? [say('cli:publish.paused')] : []),
      ...(status.authProblem ? [errorText(status.authProblem, t)] : [])
    ].join(' — ')
    if (!json && line !== lastLine) process.stderr.write(`${line}\n`)
    if (json && line !== lastLine) process.stderr.write(`${JSON.stringify({ progress: { done, pending: status.pending, inAudit: status.inAudit, etaSeconds: status.etaSeconds } })}\n`)
    lastLine = line
    if (status.authProblem) break
    await new Promise((r) => setTimeout(r, 250))
    status = await api.publish.status()
  }
  const problems = (await api.publish.listings({ target, states: ['failed', 'needs_fixing'], limit: 500 })).items
  const result = { ...queued, counts: status.counts, pending: status.pending, inAudit: status.inAudit, authProblem: status.authProblem, problems }
  out(() => {
    const c = status.counts
    const lines = [say('cli:publish.result', {
      published: c.published ?? 0, inAudit: c.in_audit ?? 0, waiting: status.pending, needsFixing: c.needs_fixing ?? 0, failed: c.failed ?? 0, offline: c.offline ?? 0
    })]
    if (status.authProblem) lines.push(say('cli:publish.stopped', { reason: errorText(status.authProblem, t) }))
    for (const l of problems.slice(0, 50)) {
      const why = l.error ? errorText(l.error, t) : l.problems[0] ? problemText(l.problems[0], t) : ''
      lines.push(`  ${l.sku ?? l.productId} [${say(`common:languageName.${l.language}`)}] ${say(`publish:state.${l.state}`)}: ${why}`)
    }
    return lines.join('\n')
  }, result)
  if (problems.length > 0 || status.authProblem || status.pending > 0) process.exitCode = 1
}

export function registerPublish(program: Command): void {
  common(program.command('publish').description(say('cli:publish.about')))
    .option('--target <target>', say('cli:publish.target'))
    .option('--dry-run', say('cli:publish.dryRun'))
    .option('--sku <sku...>', say('cli:publish.sku'))
    .option('--no-wait', say('cli:publish.noWait'))
    .option('--timeout <seconds>', say('cli:publish.timeout'))
    .action(async (o: PublishOptions) => {
      try {
        await withCore(o, (session) => runPublish(session, o))
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
}
