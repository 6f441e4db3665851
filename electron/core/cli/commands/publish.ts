// vetrina publish [--target sandbox|alibaba] [--dry-run] [--json] [--sku …]
// Queues every ready product (or the SKUs given), waits until the outbox is empty and the
// pavilion's audit is done, printing progress, then reports per state. The queue is persisted:
// stopping the command (or a crash) loses nothing; the next run or the app carries on.
import type { Command } from 'commander'
import { AppError, ErrorCodes } from '../../../../shared/contract/errors.ts'
import { PublishTarget } from '../../../../shared/domain/publish.ts'
import { common, reportError, withCore, type CliSession, type CommonOptions } from '../context.ts'

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
export async function runPublish(session: CliSession, o: PublishOptions): Promise<void> {
  const { api, out, json } = session
  const parsedTarget = o.target === undefined ? undefined : PublishTarget.safeParse(o.target)
  if (parsedTarget && !parsedTarget.success) throw new AppError(ErrorCodes.validation, `--target must be sandbox or alibaba (got ${o.target}).`)
  const target = parsedTarget?.data
  const productIds = ids(session, o.sku)

  if (o.dryRun) {
    const r = await api.publish.readiness({ productIds, target, limit: 5000 })
    out(() => {
      const lines = [`${r.summary.ready} listing(s) ready, ${r.summary.blocked} need fixing, ${r.summary.pending} not fully checked (category rules not downloaded).`]
      for (const item of r.items.filter((i) => i.problems.length)) {
        lines.push(`  ${item.sku} [${item.language}] ${item.ready ? 'ready' : 'NEEDS FIXING'}`)
        for (const p of item.problems) lines.push(`    - ${p.severity}: ${p.message} (${p.field})`)
      }
      return lines.join('\n')
    }, r)
    return
  }

  const queued = await api.publish.enqueue({ productIds, target })
  if (!json) process.stderr.write(`Queued ${queued.queued}, unchanged ${queued.unchanged}, need fixing ${queued.needsFixing}.\n`)
  const deadline = o.timeout ? Date.now() + Number(o.timeout) * 1000 : Infinity
  let status = await api.publish.status()
  let lastLine = ''
  while (o.wait !== false && (status.pending > 0 || status.inAudit > 0) && Date.now() < deadline) {
    const online = session.core.s.connectivity.status().online
    const done = (status.counts.published ?? 0) + (status.counts.in_audit ?? 0)
    const line = `published ${status.counts.published ?? 0}, in audit ${status.inAudit}, waiting ${status.pending}` +
      `${status.etaSeconds !== null ? `, about ${status.etaSeconds}s left` : ''}${online === false ? ' — offline, waiting for the gateway' : ''}` +
      `${status.paused ? ' — queue paused' : ''}${status.authProblem ? ` — ${status.authProblem.message}` : ''}`
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
    const lines = [`Published ${c.published ?? 0}, in audit ${c.in_audit ?? 0}, waiting ${status.pending}, need fixing ${c.needs_fixing ?? 0}, failed ${c.failed ?? 0}, offline ${c.offline ?? 0}.`]
    if (status.authProblem) lines.push(`Stopped: ${status.authProblem.message}`)
    for (const l of problems.slice(0, 50)) lines.push(`  ${l.sku ?? l.productId} [${l.language}] ${l.state}: ${l.error?.message ?? l.problems[0]?.message ?? ''}`)
    return lines.join('\n')
  }, result)
  if (problems.length > 0 || status.authProblem || status.pending > 0) process.exitCode = 1
}

export function registerPublish(program: Command): void {
  common(program.command('publish').description('publish ready products to the pavilion (Alibaba.com or the sandbox) and wait for the result'))
    .option('--target <target>', 'sandbox or alibaba (default: the target chosen in settings)')
    .option('--dry-run', 'only check readiness; send nothing')
    .option('--sku <sku...>', 'only these products')
    .option('--no-wait', 'queue and return at once (the app or a later run sends them)')
    .option('--timeout <seconds>', 'stop waiting after this many seconds (the queue is kept)')
    .action(async (o: PublishOptions) => {
      try {
        await withCore(o, (session) => runPublish(session, o))
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
}
