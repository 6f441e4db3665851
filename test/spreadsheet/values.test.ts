// Locale-aware cell parsing: numbers, prices, measures, dimensions, dates, yes/no, lists, and the
// detection of the number convention and date order of a file.
import { describe, expect, it } from 'vitest'
import {
  detectDateOrder, detectNumberFormat, parseBoolean, parseDate, parseDimensions, parseInteger, parseMeasure, parseNumber, parsePrice, splitList
} from '../../shared/domain/spreadsheet/values.ts'
import { neutralizeFormula, restoreNeutralized } from '../../shared/domain/spreadsheet/formula-guard.ts'
import { countryOf, sellingUnitOf, statusOf } from '../../shared/domain/spreadsheet/vocabulary.ts'

const it_ = { numberFormat: 'it' as const, dateOrder: 'dmy' as const }
const en = { numberFormat: 'en' as const, dateOrder: 'mdy' as const }
const value = <T>(r: { ok: boolean; value?: T }) => (r.ok ? r.value : undefined)
const code = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : r.code)

describe('numbers', () => {
  it.each([
    ['1.234,56', 1234.56], ['1,7', 1.7], ['200.000.000', 200_000_000], ['6.80', 6.8], ['-3,5', -3.5], ['(12,00)', -12], ['1 234,5', 1234.5], ['4.5', 4.5]
  ])('Italian %s → %s', (text, n) => expect(value(parseNumber(text, it_))).toBe(n))
  it.each([['1,234.56', 1234.56], ['1.7', 1.7], ['200,000,000', 200_000_000], ['1e3', 1000]])('English %s → %s', (text, n) => expect(value(parseNumber(text, en))).toBe(n))
  it('keeps "1.500" as fifteen hundred in Italian and one and a half in English', () => {
    expect(value(parseNumber('1.500', it_))).toBe(1500)
    expect(value(parseNumber('1.500', en))).toBe(1.5)
  })
  it.each(['abc', '1,2,3,4', '12a', '', '--1', '1.23.4'])('refuses "%s"', (text) => expect(code(parseNumber(text, it_))).toBe('not_a_number'))
  it('takes numeric cells as they are and refuses Excel errors', () => {
    expect(value(parseNumber(12.5, it_))).toBe(12.5)
    expect(code(parseNumber({ error: '#DIV/0!' }, it_))).toBe('excel_error')
    expect(code(parseInteger('2,5', it_))).toBe('not_an_integer')
  })
})

describe('prices, measures, dimensions', () => {
  it('reads currency signs and codes on either side', () => {
    expect(value(parsePrice('€ 1.234,50', it_))).toEqual({ value: 1234.5, currency: 'EUR' })
    expect(value(parsePrice('6,80 EUR', it_))).toEqual({ value: 6.8, currency: 'EUR' })
    expect(value(parsePrice('$12.90', en))).toEqual({ value: 12.9, currency: 'USD' })
    expect(code(parsePrice('nove euro', it_))).toBe('not_a_price')
    expect(code(parsePrice('12 XYZ', it_))).toBe('unknown_currency')
  })
  it('reads weights with or without units', () => {
    expect(value(parseMeasure('0,75 kg', it_, ['kg', 'g']))).toEqual({ value: 0.75, unit: 'kg' })
    expect(value(parseMeasure('750g', it_, ['kg', 'g']))).toEqual({ value: 750, unit: 'g' })
    expect(value(parseMeasure('1,2 Kg', it_, ['kg', 'g']))).toEqual({ value: 1.2, unit: 'kg' })
    expect(value(parseMeasure('5', it_, ['kg', 'g'], 'kg'))).toEqual({ value: 5, unit: 'kg' })
    expect(value(parseMeasure('13,5 % vol', it_, ['% vol']))).toEqual({ value: 13.5, unit: '% vol' })
    expect(code(parseMeasure('5 lb', it_, ['kg', 'g']))).toBe('unknown_unit')
    expect(code(parseMeasure('5', it_, ['kg', 'g']))).toBe('unit_required')
  })
  it('reads dimensions', () => {
    expect(value(parseDimensions('35×25×12 cm', it_))).toEqual({ length: 35, width: 25, height: 12, unit: 'cm' })
    expect(value(parseDimensions('35,5 x 25 x 12', it_))).toEqual({ length: 35.5, width: 25, height: 12, unit: 'cm' })
    expect(code(parseDimensions('grande', it_))).toBe('not_dimensions')
  })
})

describe('dates and yes/no', () => {
  it('reads day-first Italian dates and refuses dates that do not exist', () => {
    expect(value(parseDate('31/12/2025', it_))).toBe('2025-12-31')
    expect(value(parseDate('01.02.25', it_))).toBe('2025-02-01')
    expect(value(parseDate('2025-12-31', it_))).toBe('2025-12-31')
    expect(value(parseDate({ date: '2021-01-01' }, it_))).toBe('2021-01-01')
    expect(code(parseDate('31/02/2025', it_))).toBe('date_does_not_exist')
    expect(code(parseDate('29/02/2023', it_))).toBe('date_does_not_exist')
    expect(value(parseDate('29/02/2024', it_))).toBe('2024-02-29')
    expect(value(parseDate('12/31/2025', en))).toBe('2025-12-31')
    expect(code(parseDate('domani', it_))).toBe('not_a_date')
  })
  it.each([['sì', true], ['Si', true], ['yes', true], ['X', true], ['no', false], ['NO', false], ['falso', false], [true, true], [0, false]] as const)(
    '%s → %s', (cell, b) => expect(value(parseBoolean(cell))).toBe(b))
  it('refuses other words as yes/no', () => expect(code(parseBoolean('forse'))).toBe('not_a_boolean'))
})

describe('lists and words', () => {
  it('splits on ; | or new lines, else on commas', () => {
    expect(splitList('DOP; biologico')).toEqual(['DOP', 'biologico'])
    expect(splitList('a, b ,c')).toEqual(['a', 'b', 'c'])
    expect(splitList('vino rosso, chianti; toscana')).toEqual(['vino rosso, chianti', 'toscana'])
    expect(splitList('uno\ndue')).toEqual(['uno', 'due'])
  })
  it('knows Italian and English words for units, statuses and countries', () => {
    expect(sellingUnitOf('Bottiglie')).toBe('bottle')
    expect(sellingUnitOf('pz.')).toBe('piece')
    expect(statusOf('Pronto')).toBe('ready')
    expect(countryOf('Italia')).toBe('IT')
    expect(countryOf('fr')).toBe('FR')
    expect(countryOf('Atlantide')).toBeNull()
  })
})

describe('detection', () => {
  it('tells Italian from English numbers by evidence, and stays undecided without it', () => {
    expect(detectNumberFormat(['6,80', '1.234,50', 'bottiglia']).format).toBe('it')
    expect(detectNumberFormat(['6.80', '1,234.50']).format).toBe('en')
    expect(detectNumberFormat(['1.500', '120', 'x']).format).toBeNull()
  })
  it('tells day-first from month-first dates when a part is above 12', () => {
    expect(detectDateOrder(['31/12/2025', '01/02/2025'])).toBe('dmy')
    expect(detectDateOrder(['12/31/2025'])).toBe('mdy')
    expect(detectDateOrder(['01/02/2025'])).toBeNull()
  })
})

describe('formula guard', () => {
  it.each(['=SUM(A1)', '+39 055', '-x', '@cmd', '\tTAB', '\r=1+1', "'=1+1", "''@x", "'-12,5"])('neutralises %j and restores it', (text) => {
    const safe = neutralizeFormula(text)
    expect(safe.startsWith("'")).toBe(true)
    expect(restoreNeutralized(safe)).toBe(text)
  })
  it('leaves numbers and ordinary apostrophes alone', () => {
    expect(neutralizeFormula('-12,5')).toBe('-12,5')
    expect(restoreNeutralized("'Nduja")).toBe("'Nduja")
  })
})
