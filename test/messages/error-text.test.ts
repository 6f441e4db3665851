// Errors whose sentence has a count exist only as plural forms (xliff_invalid_one/_other): they
// are said in the user's language with their numbers, never as the generic "internal error".
import { describe, expect, test } from 'vitest'
import { MESSAGE_CATALOGUES, type Catalogue } from '../../shared/messages/catalogues.ts'
import { errorKey, errorText } from '../../shared/messages/errors.ts'
import { translator } from '../../shared/messages/translator.ts'

/** Error codes whose sentence exists only in plural forms, as errorKey finds them. */
function pluralOnlyCodes(): string[] {
  const codes: string[] = []
  for (const [ns, tree] of Object.entries(MESSAGE_CATALOGUES.it)) {
    const walk = (node: Catalogue, path: string[]) => {
      for (const [k, v] of Object.entries(node)) {
        if (typeof v !== 'string') walk(v, [...path, k])
        else if (k.endsWith('_other') && !(k.replace(/_other$/, '') in node)) {
          const code = k.replace(/_other$/, '')
          if (errorKey(code) === `${ns}:${[...path, code].join('.')}`) codes.push(code)
        }
      }
    }
    walk(tree, [])
  }
  return codes
}

describe('error sentences with a count', () => {
  test('an XLIFF file that breaks the standard is said as such, with the line, in Italian and Chinese', async () => {
    const err = { code: 'xliff_invalid', message: 'The file is not valid XLIFF 2.0: …', params: { count: 1, line: 21, element: 'unit', version: '2.0' } }
    expect(errorText(err, await translator('it'))).toBe("Il file non è un XLIFF 2.0 valido: l'elemento <unit> alla riga 21 non rispetta lo standard.")
    expect(errorText({ ...err, params: { ...err.params, count: 3 } }, await translator('it'))).toMatch(/\(3 problemi in tutto\)\.$/)
    expect(errorText(err, await translator('zh-CN'))).toContain('21')
  })

  test('every error code that exists only in plural forms gets its own sentence', async () => {
    const codes = pluralOnlyCodes()
    expect(codes).toContain('xliff_invalid')
    const t = await translator('it')
    const internal = String(t('errors:internal'))
    for (const code of codes) expect(errorText({ code, message: 'x', params: { count: 2 } }, t), code).not.toBe(internal)
  })
})
