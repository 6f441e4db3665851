// The forms a unit's text takes: the stored field value (HTML for descriptions, a list for
// keywords), the editor form (tags as <1>…</1> markers aligned with the source's codes), and the
// plain text that memory lookups and QA compare.
import type { TextField } from '../../../shared/domain/product.ts'
import {
  htmlToInline, inlinePlain, inlineToMarked, type InlineCode, type InlinePart
} from '../../../shared/domain/translation/inline.ts'

export function plainText(field: TextField | string | null | undefined, text: string): string {
  return field === 'description' || /<[a-zA-Z/][^>]*>/.test(text) ? inlinePlain(htmlToInline(text).parts) : text
}

/** Whitespace-collapsed plain text: the key of exact memory matches. */
export function memoryKey(field: TextField | string | null | undefined, text: string): string {
  return plainText(field, text).replace(/\s+/g, ' ').trim()
}

/**
 * Gives a target's tags the ids of the matching source codes (same markup first, then same tag
 * name, in order), so the editor shows `<1>` for the source's first tag whatever the target order.
 */
export function alignToSource(targetHtml: string, sourceCodes: InlineCode[]): InlinePart[] {
  const target = htmlToInline(targetHtml)
  const used = new Set<string>()
  const map = new Map<string, string>()
  let extra = sourceCodes.length
  for (const pass of ['open', 'tag'] as const) {
    for (const tc of target.codes) {
      if (map.has(tc.id)) continue
      const sc = sourceCodes.find((c) => !used.has(c.id) && c.kind === tc.kind && (pass === 'open' ? c.open === tc.open : c.tag === tc.tag))
      if (sc) {
        used.add(sc.id)
        map.set(tc.id, sc.id)
      }
    }
  }
  for (const tc of target.codes) if (!map.has(tc.id)) map.set(tc.id, String(++extra))
  return target.parts.map((p) => (typeof p === 'string' ? p : { kind: p.kind, id: map.get(p.id) as string }))
}

export function editorSource(field: TextField, sourceText: string): { text: string; codes: InlineCode[] } {
  if (field !== 'description') return { text: sourceText, codes: [] }
  const { parts, codes } = htmlToInline(sourceText)
  return { text: inlineToMarked(parts), codes }
}

export function editorTarget(field: TextField, targetText: string, sourceCodes: InlineCode[]): string {
  if (field !== 'description' || !targetText) return targetText
  return inlineToMarked(alignToSource(targetText, sourceCodes))
}
