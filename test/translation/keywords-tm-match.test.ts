// A translation-memory match for keywords comes as unit text (one keyword per line), while
// product texts store keywords as a JSON list: reading either form must work, since opening a
// keywords unit with such a match used to fail with a JSON error (found making the sample catalogue).
import { describe, expect, it } from 'vitest'
import { parseStored } from '../../electron/core/translation/units.ts'

describe('keywords in stored and unit-text form', () => {
  it('reads the JSON list and the one-per-line text alike', () => {
    expect(parseStored('keywords', '["chianti classico","vino rosso toscano"]')).toEqual(['chianti classico', 'vino rosso toscano'])
    expect(parseStored('keywords', 'Chianti Classico\nvino rosso')).toBe('Chianti Classico\nvino rosso')
    expect(parseStored('keywords', '')).toBe('')
    expect(parseStored('title', '[Offerta] Chianti')).toBe('[Offerta] Chianti')
  })
})
