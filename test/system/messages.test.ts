// Every message of backups, restore, health and links reaches the person in their language: each
// code has a sentence in Italian, English and Chinese with the same parameters, and the UI's own
// errorText turns an error from the core into that sentence.
import { describe, expect, test } from 'vitest'
import { AppError } from '../../shared/contract/errors.ts'
import { SystemErrorCodes } from '../../electron/core/system/errors.ts'
import { INTERRUPTED_ERROR } from '../../electron/core/jobs/runner.ts'
import { codeKey, errorText } from '../../renderer/src/ui/errors.ts'
import { LOCALE_DIRS, localeFile, uiTranslator as translator } from './helpers.ts'

const LANGS = ['it', 'en', 'zh-CN'] as const

const CODES = [...Object.values(SystemErrorCodes), INTERRUPTED_ERROR.code, 'photo_bad_path', 'already_running']

describe('system messages', () => {
  test('every code has a sentence in it, en and zh-CN with the same parameters', async () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
    for (const code of CODES) {
      for (const lng of LANGS) {
        const t = await translator(lng)
        const key = codeKey(code)
        expect(t(key, { defaultValue: '' }), `${lng} ${key}`).not.toBe('')
      }
      const raw = (lng: string) => {
        const [ns, key] = codeKey(code).split(':')
        const found = LOCALE_DIRS.map((dir) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], localeFile(dir, lng, ns))).find((v) => typeof v === 'string')
        return found as string
      }
      expect(placeholders(raw('it')), code).toEqual(placeholders(raw('en')))
      expect(placeholders(raw('zh-CN')), code).toEqual(placeholders(raw('en')))
      expect(raw('zh-CN'), code).toMatch(/[\u4e00-\u9fff]/)
      expect(raw('it'), code).not.toEqual(raw('en'))
    }
  })

  test('an error from the core is shown as the sentence with its details', async () => {
    const err = new AppError(SystemErrorCodes.restoreMediaMismatch, 'The photo file originals/ab/x.jpg in the backup does not match its checksum; refusing it.', { params: { path: 'originals/ab/x.jpg' } })
    const it = await translator('it')
    const zh = await translator('zh-CN')
    expect(errorText(err, it as never)).toBe("Una foto nel backup (originals/ab/x.jpg) non è quella registrata nel suo catalogo (file sostituito o danneggiato): rifiutato.")
    expect(errorText(err, zh as never)).toContain('originals/ab/x.jpg')
    expect(errorText(err, zh as never)).toMatch(/已拒绝/)
  })
})
