// A small file logger. Stack traces go here, never to the user. Never log secrets.
import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

export interface Logger {
  info(message: string, extra?: unknown): void
  warn(message: string, extra?: unknown): void
  error(message: string, extra?: unknown): void
}

export function createLogger(file: string | null, echo = false): Logger {
  if (file) mkdirSync(dirname(file), { recursive: true })
  const write = (level: string, message: string, extra?: unknown) => {
    const detail = extra instanceof Error ? `\n${extra.stack ?? extra.message}` : extra === undefined ? '' : ` ${safeJson(extra)}`
    const line = `${new Date().toISOString()} ${level} ${message}${detail}\n`
    if (file) {
      try {
        appendFileSync(file, line, { mode: 0o600 })
      } catch {
        // The log must never break the app (disk full, folder removed).
      }
    }
    if (echo) process.stderr.write(line)
  }
  return {
    info: (m, e) => write('INFO', m, e),
    warn: (m, e) => write('WARN', m, e),
    error: (m, e) => write('ERROR', m, e)
  }
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v)
  } catch {
    return String(v)
  }
}
