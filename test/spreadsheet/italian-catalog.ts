// A catalogue as an Italian firm's management program exports it: ";" separators, Windows-1252,
// "1.234,56" prices, dd/mm/yyyy dates, a two-row header, quoted values with new lines.
import iconv from 'iconv-lite'
import { tempFile } from './helpers.ts'

export const ITALIAN_ROWS = [
  ['Codice', 'Descrizione', 'Descrizione inglese', 'Prezzo', '', 'Peso netto (kg)', 'Quantità minima', 'Unità', 'Categoria', 'Famiglia', 'Annata', 'Gradazione alcolica', 'Biologico', 'Data vendemmia', 'Note interne'],
  ['', '', '', 'EUR', 'da pz.', '', '', '', '', '', '', '', '', '', ''],
  ['CHI-21', 'Chianti Classico DOCG 2021 0,75 L', 'Chianti Classico DOCG 2021', '6,80', '120', '1,35', '120', 'bottiglia', 'Vini > Rossi', 'Vino', '2021', '13,5 % vol', 'sì', '28/09/2021', 'cliente storico'],
  ['VS-375', 'Vin Santo del Chianti "Occhio di Pernice"', 'Vin Santo', '1.234,50', '12', '0,65', '12', 'bottiglia', 'Vini > Dolci', 'Vino', '2015', '16 % vol', 'no', '15/10/2015', ''],
  ['OLIO-05', 'Olio extravergine di oliva\nDOP Chianti Classico', 'Extra virgin olive oil', '€ 12,90', '60', '0,5', '60', 'bottiglia', 'Oli', '', '', '', '', '', 'nuovo']
]

export function italianCsv(rows: string[][] = ITALIAN_ROWS): string {
  const quote = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  const text = rows.map((r) => r.map(quote).join(';')).join('\r\n') + '\r\n'
  return tempFile('listino.csv', iconv.encode(text, 'windows-1252'))
}
