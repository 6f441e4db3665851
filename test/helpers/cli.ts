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

export function vetrina(dataDir: string, args: string[], input?: string): CliResult {
  const r = spawnSync(process.execPath, [MAIN, ...args, '--data-dir', dataDir], { encoding: 'utf8', input, timeout: 120_000 })
  return {
    code: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    json: <T,>() => JSON.parse(r.stdout) as T
  }
}
