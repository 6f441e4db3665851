// Independent RFC 4180 readers for files Vetrina writes: Python's csv module (a separate program,
// on every machine as python3) and csv-parse in strict mode (no relaxed quotes, every record as
// wide as the header). If Vetrina's CSV were ambiguous, their record counts would disagree with it.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'

const PYTHON_READER = `
import csv, json, sys
path, delimiter, encoding = sys.argv[1], sys.argv[2], sys.argv[3]
with open(path, newline='', encoding=encoding) as f:
    rows = list(csv.reader(f, delimiter=delimiter, strict=True))
json.dump(rows, sys.stdout, ensure_ascii=False)
`

/** Records as Python's csv module reads them (strict dialect, BOM removed). */
export function readWithPython(path: string, delimiter: string, encoding = 'utf-8-sig'): string[][] {
  const r = spawnSync('python3', ['-c', PYTHON_READER, path, delimiter, encoding], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  if (r.status !== 0) throw new Error(`python3 csv failed: ${r.stderr || r.error?.message}`)
  return JSON.parse(r.stdout) as string[][]
}

/** Records as csv-parse reads them with every relaxation off. */
export function readStrict(path: string, delimiter: string): string[][] {
  return parse(readFileSync(path), { delimiter, bom: true, relax_quotes: false, relax_column_count: false, skip_empty_lines: false }) as string[][]
}
