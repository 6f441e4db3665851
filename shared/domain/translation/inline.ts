// Rich descriptions are sanitized HTML. For translation the markup becomes numbered inline codes
// so translators (and CAT tools through XLIFF) move tags around but cannot break or lose them:
// a paired tag is `<1>…</1>` in the editor and <pc>/<g> in XLIFF, a void tag is `<2/>` / <ph>/<x>.

export type InlinePart = string | { kind: 'open' | 'close' | 'ph'; id: string }

export interface InlineCode {
  id: string
  kind: 'pair' | 'ph'
  /** Tag name, e.g. "strong" or "br". */
  tag: string
  /** The native markup: "<a href=…>" (and "</a>" for pairs). */
  open: string
  close?: string
}

export interface InlineContent {
  parts: InlinePart[]
  codes: InlineCode[]
}

const VOID_TAGS = new Set(['br', 'img', 'hr', 'wbr'])
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>/g
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m
    }
    return ENTITIES[e] ?? m
  })
}

export function encodeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function pushText(parts: InlinePart[], text: string): void {
  if (!text) return
  const last = parts[parts.length - 1]
  if (typeof last === 'string') parts[parts.length - 1] = last + text
  else parts.push(text)
}

/** Splits (sanitized) HTML into text and numbered codes. Ids follow document order: 1, 2, 3… */
export function htmlToInline(html: string): InlineContent {
  const parts: InlinePart[] = []
  const codes: InlineCode[] = []
  const open: InlineCode[] = []
  let last = 0
  let next = 1
  for (const m of html.matchAll(TAG)) {
    pushText(parts, decodeEntities(html.slice(last, m.index)))
    last = m.index + m[0].length
    const [raw, slash, name] = m
    const tag = name.toLowerCase()
    if (slash) {
      const idx = open.map((c) => c.tag).lastIndexOf(tag)
      if (idx < 0) continue // a stray closing tag carries nothing worth keeping
      const code = open[idx]
      // Close anything opened inside it that was left open (sanitized HTML never does this).
      for (const inner of open.splice(idx).reverse().slice(0, -1)) {
        inner.close = `</${inner.tag}>`
        parts.push({ kind: 'close', id: inner.id })
      }
      code.close = raw
      parts.push({ kind: 'close', id: code.id })
    } else if (VOID_TAGS.has(tag) || raw.endsWith('/>')) {
      const code: InlineCode = { id: String(next++), kind: 'ph', tag, open: raw }
      codes.push(code)
      parts.push({ kind: 'ph', id: code.id })
    } else {
      const code: InlineCode = { id: String(next++), kind: 'pair', tag, open: raw }
      codes.push(code)
      open.push(code)
      parts.push({ kind: 'open', id: code.id })
    }
  }
  pushText(parts, decodeEntities(html.slice(last)))
  for (const code of open.reverse()) {
    code.close = `</${code.tag}>`
    parts.push({ kind: 'close', id: code.id })
  }
  return { parts, codes }
}

export interface InlineProblem {
  code: 'unknown_tag' | 'missing_tag' | 'duplicate_tag' | 'unbalanced_tag' | 'tag_kind'
  /** Which sentence (the UI shows it in its language with `params`); `message` is the English one. */
  key: string
  id: string
  message: string
  params: { id: string; tag?: string }
}

/** Checks that `parts` uses exactly the codes of the source, each once, properly nested. */
export function checkInline(parts: InlinePart[], codes: InlineCode[]): InlineProblem[] {
  const problems: InlineProblem[] = []
  const byId = new Map(codes.map((c) => [c.id, c]))
  const seen = new Map<string, number>()
  const stack: string[] = []
  for (const p of parts) {
    if (typeof p === 'string') continue
    const code = byId.get(p.id)
    if (!code) {
      problems.push({ code: 'unknown_tag', key: 'tag_unknown', id: p.id, params: { id: p.id }, message: `Tag ${p.id} does not exist in the source.` })
      continue
    }
    if ((p.kind === 'ph') !== (code.kind === 'ph')) {
      problems.push({ code: 'tag_kind', key: code.kind === 'ph' ? 'tag_standalone' : 'tag_paired', id: p.id, params: { id: p.id }, message: `Tag ${p.id} is ${code.kind === 'ph' ? 'a standalone tag' : 'a paired tag'} in the source.` })
      continue
    }
    if (p.kind !== 'close') {
      seen.set(p.id, (seen.get(p.id) ?? 0) + 1)
      if (seen.get(p.id) === 2) problems.push({ code: 'duplicate_tag', key: 'tag_duplicate', id: p.id, params: { id: p.id }, message: `Tag ${p.id} appears more than once.` })
    }
    if (p.kind === 'open') stack.push(p.id)
    if (p.kind === 'close') {
      if (stack[stack.length - 1] === p.id) stack.pop()
      else problems.push({ code: 'unbalanced_tag', key: 'tag_closed_out_of_order', id: p.id, params: { id: p.id }, message: `Tag ${p.id} is closed where it was not the last one opened.` })
    }
  }
  for (const id of stack) problems.push({ code: 'unbalanced_tag', key: 'tag_not_closed', id, params: { id }, message: `Tag ${id} is opened but never closed.` })
  for (const c of codes) {
    if (!seen.has(c.id)) problems.push({ code: 'missing_tag', key: 'tag_missing', id: c.id, params: { id: c.id, tag: c.tag }, message: `Tag ${c.id} (${c.tag}) of the source is missing.` })
  }
  return problems
}

/** Rebuilds HTML from parts and the source's codes. Call checkInline first. */
export function inlineToHtml(parts: InlinePart[], codes: InlineCode[]): string {
  const byId = new Map(codes.map((c) => [c.id, c]))
  let out = ''
  for (const p of parts) {
    if (typeof p === 'string') out += encodeText(p)
    else {
      const c = byId.get(p.id)
      if (!c) continue
      out += p.kind === 'close' ? c.close ?? `</${c.tag}>` : c.open
    }
  }
  return out
}

/** Plain text of parts (codes dropped; a void tag such as <br> reads as a space). */
export function inlinePlain(parts: InlinePart[], codes?: InlineCode[]): string {
  const byId = new Map((codes ?? []).map((c) => [c.id, c]))
  let out = ''
  for (const p of parts) {
    if (typeof p === 'string') out += p
    else if (p.kind === 'ph' && byId.get(p.id)?.tag === 'br') out += '\n'
  }
  return out
}

/** The editor form: text with `<1>…</1>` and `<2/>` markers. */
export function inlineToMarked(parts: InlinePart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.kind === 'open' ? `<${p.id}>` : p.kind === 'close' ? `</${p.id}>` : `<${p.id}/>`)).join('')
}

const MARKER = /<(\/?)(\d{1,4})(\/?)>/g

export function markedToInline(text: string): InlinePart[] {
  const parts: InlinePart[] = []
  let last = 0
  for (const m of text.matchAll(MARKER)) {
    pushText(parts, text.slice(last, m.index))
    last = m.index + m[0].length
    const [, close, id, selfClose] = m
    parts.push({ kind: close ? 'close' : selfClose ? 'ph' : 'open', id })
  }
  pushText(parts, text.slice(last))
  return parts
}

/** Marked editor text of an HTML description. */
export function htmlToMarked(html: string): { marked: string; codes: InlineCode[] } {
  const { parts, codes } = htmlToInline(html)
  return { marked: inlineToMarked(parts), codes }
}
