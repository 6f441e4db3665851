// Runs the real `vetrina` command (a separate Node process) on a data folder.
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

const MAIN = resolve(import.meta.dirname, '../../electron/core/cli/main.ts')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
  json<T = unknown>(): T
}

/**
 * The environment the CLI runs in for tests: English unless a test asks for another locale, so the
 * outcome does not depend on the locale of the machine running the tests.
 */
export function cliEnv(lang = 'en_US.UTF-8'): NodeJS.ProcessEnv {
  return { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '', LANGUAGE: '' }
}

export function vetrina(dataDir: string, args: string[], input?: string, lang?: string): CliResult {
  const r = spawnSync(process.execPath, [MAIN, ...args, '--data-dir', dataDir], { encoding: 'utf8', input, timeout: 120_000, env: cliEnv(lang) })
  return {
    code: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    json: <T,>() => JSON.parse(r.stdout) as T
  }
}
