// vetrina publishing target|rate|credentials|rules|status — setting up publishing from the command
// line. Secrets are read from standard input (one per line), never from arguments (which other
// users of the machine can see in the process list and which shells keep in their history).
import type { Command } from 'commander'
import { AppError } from '../../../../shared/contract/errors.ts'
import { common, reportError, withCore, type CommonOptions } from '../context.ts'

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
  const publishing = program.command('publishing').description('set up publishing: target, currency rate, credentials, category rules')

  common(publishing.command('status').description('target, credentials, queue'))
    .action(async (o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const st = await api.publish.status()
          const settings = await api.publish.getSettings()
          out(() => [
            `Target: ${st.target} (${st.gateway})`,
            `Credentials: sandbox ${st.credentials.sandbox.set ? 'set' : 'missing'}, alibaba ${st.credentials.alibaba.set ? 'set' : 'missing'}`,
            `EUR → USD: ${settings.eurToUsd ?? 'not set'}`,
            `Listings: ${Object.entries(st.counts).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`
          ].join('\n'), { status: st, eurToUsd: settings.eurToUsd })
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(publishing.command('target').description('where to publish: sandbox (rehearsal) or alibaba').argument('<target>'))
    .action(async (target: string, o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          if (target !== 'sandbox' && target !== 'alibaba') throw new AppError('validation', 'The target is sandbox or alibaba.', { params: { target } })
          const s = await api.publish.updateSettings({ target })
          out(`Publishing to ${s.target}.`, s)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(publishing.command('rate').description('EUR → USD rate for prices in euro (Alibaba.com shows USD)').argument('<usdPerEur>', 'e.g. 1.08 (or 1,08)'))
    .action(async (raw: string, o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const rate = Number(raw.replace(',', '.'))
          if (!(rate > 0)) throw new AppError('validation', `"${raw}" is not a rate; write e.g. 1.08.`, { params: { raw } })
          const s = await api.publish.updateSettings({ eurToUsd: rate })
          out(`1 EUR = ${s.eurToUsd} USD.`, s)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(publishing.command('credentials').description('store app key, app secret and seller tokens (secret and tokens read from standard input, one per line)'))
    .requiredOption('--app-key <key>', 'the app key (not secret)')
    .option('--target <target>', 'sandbox or alibaba', 'alibaba')
    .option('--no-refresh-token', 'no refresh token line follows the access token')
    .action(async (o: CommonOptions & { appKey: string; target: string; refreshToken: boolean }) => {
      try {
        const labels = ['App secret', 'Access token', ...(o.refreshToken ? ['Refresh token'] : [])]
        const secrets = await readSecrets(labels)
        if (secrets.length < 2 || secrets.slice(0, 2).some((x) => !x)) throw new AppError('validation', `Give ${labels.join(', ')} on standard input, one per line.`)
        await withCore(o, async ({ api, out }) => {
          await api.publish.setCredentials({ target: o.target as never, appKey: o.appKey, appSecret: secrets[0], accessToken: secrets[1], refreshToken: secrets[2] || null })
          const test = await api.publish.testConnection({ target: o.target as never })
          out(test.ok ? `Credentials stored for ${o.target}; the gateway accepted them.` : `Credentials stored for ${o.target}, but the gateway said: ${test.message}`, { stored: true, test })
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(publishing.command('rules').description('download the Alibaba.com category tree and the rules of the linked categories, and wait'))
    .action(async (o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          const { jobId } = await api.publish.refreshRules({})
          const job = await follow(jobId)
          out('Category rules downloaded.', job)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
}
