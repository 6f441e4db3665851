// The language the command line speaks: --lang it|en|zh-CN, else the system locale (LC_ALL,
// LC_MESSAGES, LANG, then Node's Intl locale). Decided once, before the commands are registered,
// because their help texts are sentences too. Everything the CLI prints goes through `say`.
import { UI_LANGUAGES, type UiLanguage } from '../../../shared/domain/locales.ts'
import { systemUiLanguage } from '../../../shared/messages/language.ts'
import type { MessageParams } from '../../../shared/messages/message.ts'
import { translator } from '../../../shared/messages/translator.ts'

/** The value of --lang in an argument list (either "--lang it" or "--lang=it"), or null. */
export function langArgument(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break
    if (argv[i] === '--lang') return argv[i + 1] ?? ''
    if (argv[i].startsWith('--lang=')) return argv[i].slice('--lang='.length)
  }
  return null
}

export function isUiLanguage(value: string): value is UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(value)
}

export function cliLanguage(argv: readonly string[], env: Record<string, string | undefined>): UiLanguage {
  const asked = langArgument(argv)
  if (asked && isUiLanguage(asked)) return asked
  return systemUiLanguage(env, Intl.DateTimeFormat().resolvedOptions().locale)
}

export const CLI_LANGUAGE: UiLanguage = cliLanguage(process.argv.slice(2), process.env)

/** The CLI's translate function (also for messages and errors: shared/messages). */
export const t = translator(CLI_LANGUAGE)

/** One sentence of the CLI's catalogue (cli:…) or any other shared one. */
export function say(key: string, params?: MessageParams): string {
  return String(t(key, { ...(params ?? {}) }))
}
