// vetrina publishing target|rate|credentials|rules|status — setting up publishing from the command
// line. Secrets are read from standard input (one per line), never from arguments (which other
// users of the machine can see in the process list and which shells keep in their history).
import type { Command } from 'commander'
import { AppError } from '../../../../shared/contract/errors.ts'
import { errorText } from '../../../../shared/messages/errors.ts'
import { common, reportError, say, t, withCore, type CommonOptions } from '../context.ts'

/** Reads `count` lines from standard input (a pipe, a file, or typed without echo on a terminal). */
async function readSecrets(labels: string[]): Promise<string[]> {
  const tty = process.stdin.isTTY
  const lines: string[] = []
  let buffer = ''
  if (tty) process.stdin.setRawMode?.(true)
  process.stdin.setEncoding('utf8')
  const prompt = () => { if (tty && lines.length < labels.length) process.stderr.write(`${labels[lines.length]}: `) }
  prompt()
  try {
    for await (const chunk of process.stdin) {
      for (const ch of String(chunk)) {
        if (ch === '\u0003') throw new AppError('cancelled', 'Cancelled.')
        if (ch === '\n' || ch === '\r') {
          if (tty && ch === '\r') process.stderr.write('\n')
          if (ch === '\n' && tty && buffer === '' ) continue
          lines.push(buffer.trim())
          buffer = ''
          prompt()
          if (lines.length === labels.length) break
        } else buffer += ch
      }
      if (lines.length === labels.length) break
    }
  } finally {
    if (tty) process.stdin.setRawMode?.(false)
    process.stdin.pause()
  }
  if (buffer.trim() && lines.length < labels.length) lines.push(buffer.trim())
  return lines
}

export function registerPublishing(program: Command): void {
  const publishing = program.command('publishing').description(say('cli:publishing.about'))

  common(publishing.command('status').description(say('cli:publishing.status.about')))
    .action(async (o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const st = await api.publish.status()
          const settings = await api.publish.getSettings()
          out(() => [
            say('cli:publishing.status.target', { target: st.target, gateway: st.gateway || say('publish:target.builtinGateway') }),
            say('cli:publishing.status.credentials', { sandbox: say(st.credentials.sandbox.set ? 'cli:publishing.status.set' : 'cli:publishing.status.missing'), alibaba: say(st.credentials.alibaba.set ? 'cli:publishing.status.set' : 'cli:publishing.status.missing') }),
            say('cli:publishing.status.rate', { rate: settings.eurToUsd ?? say('cli:publishing.status.notSet') }),
            say('cli:publishing.status.listings', { counts: Object.entries(st.counts).map(([k, v]) => `${say(`publish:state.${k}`)} ${v}`).join(', ') || say('cli:publishing.status.none') })
          ].join('\n'), { status: st, eurToUsd: settings.eurToUsd })
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(publishing.command('target').description(say('cli:publishing.target.about')).argument('<target>', say('cli:publishing.target.value')))
    .action(async (target: string, o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          if (target !== 'sandbox' && target !== 'alibaba') throw new AppError('cli_bad_target', 'The target is sandbox or alibaba.', { params: { value: target } })
          const s = await api.publish.updateSettings({ target })
          out(say('cli:publishing.target.done', { target: s.target }), s)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(publishing.command('rate').description(say('cli:publishing.rate.about')).argument('<usdPerEur>', say('cli:publishing.rate.value')))
    .action(async (raw: string, o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const rate = Number(raw.replace(',', '.'))
          if (!(rate > 0)) throw new AppError('cli_bad_rate', `"${raw}" is not a rate; write e.g. 1.08.`, { params: { value: raw } })
          const s = await api.publish.updateSettings({ eurToUsd: rate })
          out(say('cli:publishing.rate.done', { rate: s.eurToUsd ?? 0 }), s)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(publishing.command('credentials').description(say('cli:publishing.credentials.about')))
    .requiredOption('--app-key <key>', say('cli:publishing.credentials.appKey'))
    .option('--target <target>', say('cli:publishing.credentials.target'), 'alibaba')
    .option('--no-refresh-token', say('cli:publishing.credentials.noRefresh'))
    .action(async (o: CommonOptions & { appKey: string; target: string; refreshToken: boolean }) => {
      try {
        const labels = [say('cli:publishing.credentials.secret'), say('cli:publishing.credentials.access'), ...(o.refreshToken ? [say('cli:publishing.credentials.refresh')] : [])]
        const secrets = await readSecrets(labels)
        if (secrets.length < 2 || secrets.slice(0, 2).some((x) => !x)) throw new AppError('cli_secrets_missing', `Give ${labels.join(', ')} on standard input, one per line.`, { params: { labels: labels.join(', ') } })
        await withCore(o, async ({ api, out }) => {
          await api.publish.setCredentials({ target: o.target as never, appKey: o.appKey, appSecret: secrets[0], accessToken: secrets[1], refreshToken: secrets[2] || null })
          const test = await api.publish.testConnection({ target: o.target as never })
          out(test.ok ? say('cli:publishing.credentials.ok', { target: o.target }) : say('cli:publishing.credentials.refused', { target: o.target, reason: errorText({ code: test.code ?? 'publish_unexpected', message: test.message, params: test.params }, t) }), { stored: true, test })
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(publishing.command('rules').description(say('cli:publishing.rules.about')))
    .action(async (o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          const { jobId } = await api.publish.refreshRules({})
          const job = await follow(jobId)
          out(say('cli:publishing.rules.done'), job)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
}
