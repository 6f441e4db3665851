// Numbers typed in the user's language: the language's own decimal separator, the other one where
// it cannot be a thousands separator, grouping as written in that language — and back.
import { describe, expect, test } from 'vitest'
import { formatDecimal, formatNumber, parseDecimal } from '../../shared/domain/numbers.ts'

describe('numbers as people type them', () => {
  test('Italian: comma decimals, dot thousands, a lone dot as a decimal point when it cannot group', () => {
    expect(parseDecimal('1,25', 'it')).toBe(1.25)
    expect(parseDecimal('0,75', 'it')).toBe(0.75)
    expect(parseDecimal('1.234,56', 'it')).toBe(1234.56)
    expect(parseDecimal('1.250', 'it')).toBe(1250)
    expect(parseDecimal('1.234.567', 'it')).toBe(1234567)
    expect(parseDecimal('6.80', 'it')).toBe(6.8)
    expect(parseDecimal('1.25', 'it')).toBe(1.25)
    expect(parseDecimal(' 12 500,5 ', 'it')).toBe(12500.5)
    expect(parseDecimal('-3,5', 'it')).toBe(-3.5)
  })

  test('English and Chinese: dot decimals, comma thousands, a lone comma as a decimal when it cannot group', () => {
    for (const lng of ['en', 'zh-CN']) {
      expect(parseDecimal('1.25', lng)).toBe(1.25)
      expect(parseDecimal('1,234.56', lng)).toBe(1234.56)
      expect(parseDecimal('1,250', lng)).toBe(1250)
      expect(parseDecimal('1,25', lng)).toBe(1.25)
    }
  })

  test('what is not a number is refused', () => {
    for (const bad of ['', 'abc', '1,2,3', '1.2.3,4,5', '12kg', '1,23.4', ',', '--1']) expect(parseDecimal(bad, 'it'), bad).toBeNull()
    expect(parseDecimal('1.23.4', 'en')).toBeNull()
  })

  test('written back for editing and for reading in each language', () => {
    expect(formatDecimal(1.25, 'it')).toBe('1,25')
    expect(formatDecimal(1250.5, 'it')).toBe('1250,5')
    expect(formatDecimal(1.25, 'en')).toBe('1.25')
    expect(formatDecimal(null, 'it')).toBe('')
    expect(formatNumber(12345.6, 'it')).toBe('12.345,6')
    expect(formatNumber(12345.6, 'en')).toBe('12,345.6')
    expect(formatNumber(12345.6, 'zh-CN')).toBe('12,345.6')
    // What is written is read back as the same number.
    for (const lng of ['it', 'en', 'zh-CN']) for (const n of [0.5, 1.25, 1250, 1234.56, 99999999.99]) expect(parseDecimal(formatDecimal(n, lng), lng)).toBe(n)
  })
})
