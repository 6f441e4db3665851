// Column suggestions from Italian and English headers, and target codes.
import { describe, expect, it } from 'vitest'
import { suggestMapping, unitInHeader } from '../../shared/domain/spreadsheet/suggest.ts'
import { fixedTargetCodes, isTarget, parseTarget, targetCode } from '../../shared/domain/spreadsheet/targets.ts'

const hints = [
  { code: 'vintage', labels: ['Annata', 'Vintage'], localizable: false },
  { code: 'storage', labels: ['Conservazione', 'Storage conditions'], localizable: true }
]
const suggest = (headers: string[]) => Object.fromEntries(suggestMapping(headers, hints).map((s) => [s.header, s.target]))

describe('suggestMapping', () => {
  it('maps Italian management-program headers', () => {
    expect(suggest(['Codice', 'Descrizione', 'Prezzo', 'Peso netto', 'Quantità minima d\'ordine', 'Unità di misura', 'Codice doganale', 'Paese di origine', 'Immagini'])).toEqual({
      Codice: 'sku', Descrizione: 'title/it', Prezzo: 'trade/price', 'Peso netto': 'logistics/netWeight', "Quantità minima d'ordine": 'trade/moq',
      'Unità di misura': 'trade/sellingUnit', 'Codice doganale': 'logistics/hsCode', 'Paese di origine': 'origin/country', Immagini: 'images'
    })
  })
  it('maps English headers and language markers', () => {
    expect(suggest(['Item code', 'Title EN', 'Descrizione cinese', 'Description (zh-CN)', 'Net weight (g)', 'Price USD'])).toEqual({
      'Item code': 'sku', 'Title EN': 'title/en', 'Descrizione cinese': 'title/zh-CN', 'Description (zh-CN)': 'description/zh-CN',
      'Net weight (g)': 'logistics/netWeight', 'Price USD': 'trade/price'
    })
  })
  it('maps attribute labels, localizable ones per language', () => {
    expect(suggest(['Annata', 'Conservazione', 'Storage conditions EN'])).toEqual({ Annata: 'attribute/vintage', Conservazione: 'attribute/storage/it', 'Storage conditions EN': 'attribute/storage/en' })
  })
  it('maps numbered ladder and lead-time columns', () => {
    expect(suggest(['Prezzo scaglione 2', 'Quantità scaglione 2', 'Giorni consegna 1'])).toEqual({
      'Prezzo scaglione 2': 'trade/ladder/2/price', 'Quantità scaglione 2': 'trade/ladder/2/minQty', 'Giorni consegna 1': 'trade/leadTime/1/days'
    })
  })
  it('maps Vetrina export headers exactly and gives a target to one column only', () => {
    const s = suggestMapping(['sku', 'title/it', 'trade/ladder/3/price', 'Codice', 'Note'], [])
    expect(s.map((x) => [x.target, x.confidence])).toEqual([['sku', 1], ['title/it', 1], ['trade/ladder/3/price', 1], ['ignore', 0], ['ignore', 0]])
  })
  it('reads the unit written in a header', () => {
    expect(unitInHeader('Peso netto (g)')).toBe('g')
    expect(unitInHeader('Peso')).toBeNull()
  })
})

describe('targets', () => {
  it('parses every fixed target and writes it back the same', () => {
    for (const code of fixedTargetCodes()) expect(targetCode(parseTarget(code)!)).toBe(code)
    for (const code of ['title/zh-CN', 'attribute/alcohol/unit', 'attribute/storage/en', 'axis/colour']) expect(targetCode(parseTarget(code)!)).toBe(code)
  })
  it('refuses unknown targets', () => {
    for (const code of ['title', 'title/ITALIANO', 'trade/ladder/5/price', 'attribute/Bad Code', 'logistics/volume', 'nothing']) expect(isTarget(code)).toBe(false)
  })
})
