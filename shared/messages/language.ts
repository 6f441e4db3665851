// Which UI language a locale tag stands for, and the system's language for the CLI
// (LC_ALL, LC_MESSAGES, LANG, then the runtime's Intl locale), so the command line speaks Italian
// on an Italian machine.
import { UI_LANGUAGES, type UiLanguage } from '../domain/locales.ts'

/** "it_IT.UTF-8", "it-CH", "zh_CN", "zh-Hans", "en_GB" → it / zh-CN / en; anything else → null. */
export function uiLanguageOf(tag: string | undefined | null): UiLanguage | null {
  if (!tag) return null
  const t = tag.trim().replace(/\..*$/, '').replace(/@.*$/, '').replace('_', '-').toLowerCase()
  if ((UI_LANGUAGES as readonly string[]).includes(tag)) return tag as UiLanguage
  if (t === 'it' || t.startsWith('it-')) return 'it'
  if (t === 'zh' || t.startsWith('zh-')) return 'zh-CN'
  if (t === 'en' || t.startsWith('en-')) return 'en'
  return null
}

/**
 * The language for a process: the first locale variable that is set (as POSIX does: LC_ALL wins,
 * "C"/"POSIX" mean no preference), then the Intl default; English when none is one of ours.
 */
export function systemUiLanguage(env: Record<string, string | undefined>, intlLocale?: string): UiLanguage {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const v = env[name]
    if (!v) continue
    if (v === 'C' || v === 'POSIX' || v.startsWith('C.')) break
    return uiLanguageOf(v) ?? 'en'
  }
  return uiLanguageOf(intlLocale) ?? 'en'
}
