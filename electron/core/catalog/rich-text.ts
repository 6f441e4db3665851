// Rich descriptions are HTML typed or pasted by users and later published. Only formatting
// survives (sanitize-html with an allowlist): no scripts, no event handlers, no styles, no frames.
// Links and images must be absolute web addresses: a relative link ("/media/…", "../x.html")
// would lead whoever reads the description (a translator in browser mode) into Vetrina's own
// origin, so it is dropped.
import type sanitizeHtmlType from 'sanitize-html'
import { onFirstUse } from '../platform/on-first-use.ts'

const sanitizeHtml = onFirstUse<typeof sanitizeHtmlType>('sanitize-html')

const ABSOLUTE_LINK = /^(https?:\/\/|mailto:)/i
const ABSOLUTE_IMAGE = /^https?:\/\//i

/** Keeps `attr` only when it is an absolute address. */
function absoluteOnly(attr: string, ok: RegExp, extra: Record<string, string> = {}): sanitizeHtmlType.Transformer {
  return (tagName, attribs) => {
    const { [attr]: value, ...rest } = attribs
    return { tagName, attribs: value !== undefined && ok.test(value.trim()) ? { ...rest, [attr]: value.trim(), ...extra } : rest }
  }
}

const OPTIONS: sanitizeHtmlType.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'img', 'span', 'div', 'hr'
  ],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'width', 'height'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: absoluteOnly('href', ABSOLUTE_LINK, { rel: 'noopener noreferrer' }), img: absoluteOnly('src', ABSOLUTE_IMAGE) }
}

export function sanitizeRichText(html: string): string {
  return sanitizeHtml()(html, { ...OPTIONS, allowedAttributes: { ...OPTIONS.allowedAttributes, a: ['href', 'title', 'rel'] } }).trim()
}

/** Plain text of a rich description (for search and character counts). */
export function richTextToPlain(html: string): string {
  return sanitizeHtml()(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}
