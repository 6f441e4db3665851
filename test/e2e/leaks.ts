// The leak detector: finds text a person would read that is not in their language or not meant for
// them — an English sentence from the catalogue where the locale says something else, an i18next
// key ("import:check.summary"), an unfilled {{placeholder}}, an internal code (snake_case such as
// near_duplicate) or a field path ("#3.minQty", "trade.ladder.2.price"). `findLeaks` checks text
// (a page's texts, a downloaded report); `assertNoLeaks(page, locale)` reads what the page shows:
// visible text, title, placeholder, aria-label and alt attributes, option labels, toasts.
// Text inside an element marked translate="no" (the HTML way to say "this is data, not prose":
// SKUs, file names, codes the user typed) is still checked for keys, placeholders and English
// sentences, but not for codes and paths.
// In Italian it also finds a language name written as a label inside a sentence ("Ora: Inglese",
// "Nome (Inglese)"): Italian writes language names lowercase there ("Ora: inglese, cinese semplificato").
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { ROOT } from '../boundaries.ts'

export type LeakLocale = 'it' | 'zh-CN'
export type LeakKind = 'english' | 'key' | 'placeholder' | 'code' | 'path' | 'case'

export interface Leak {
  kind: LeakKind
  /** What was found. */
  text: string
  /** Where: the page's element or the file, for the report. */
  where: string
}

/**
 * A piece of text as a person meets it, with where it is, whether it is data (translate="no"), and
 * whether it is marked as being in another language (lang="en" on a language named in itself).
 */
export interface Segment {
  text: string
  where: string
  data?: boolean
  foreign?: boolean
}

type Tree = { [k: string]: string | Tree }
const DIRS = [join(ROOT, 'renderer/src/i18n/locales'), join(ROOT, 'shared/messages/locales')]

function flatten(tree: Tree, prefix: string, out: Map<string, string>): void {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else flatten(v, key, out)
  }
}

/** "ns:key" → sentence for one language, from every catalogue (UI and shared). */
function catalogue(lng: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const dir of DIRS) {
    for (const file of readdirSync(join(dir, lng)).filter((f) => f.endsWith('.json'))) {
      const ns = file.replace(/\.json$/, '')
      const flat = new Map<string, string>()
      flatten(JSON.parse(readFileSync(join(dir, lng, file), 'utf8')) as Tree, '', flat)
      for (const [k, v] of flat) out.set(`${ns}:${k}`, v)
    }
  }
  return out
}

const PLURAL = /_(zero|one|two|few|many|other)$/

interface EnglishSentences {
  /** Whole texts that are an English sentence the locale words differently. */
  exact: Set<string>
  /** Fixed parts (at least three words) of longer English sentences, to find them inside other text. */
  parts: string[]
}

const cache = new Map<LeakLocale, EnglishSentences>()
let namespaces: string[] | null = null

/** English sentences the locale does not use: its own sentence differs, or it has none. */
export function englishSentences(locale: LeakLocale): EnglishSentences {
  const hit = cache.get(locale)
  if (hit) return hit
  const en = catalogue('en')
  const local = catalogue(locale)
  const localValues = new Set(local.values())
  const exact = new Set<string>()
  const parts = new Set<string>()
  for (const [key, sentence] of en) {
    const mine = local.get(key) ?? local.get(key.replace(PLURAL, '_other'))
    if (mine === sentence || localValues.has(sentence)) continue
    const plain = sentence.trim()
    if (!plain) continue
    // Whole texts: any English sentence of two letters or more ("Save", "Cancel").
    if (!/\{\{|\$t\(/.test(plain) && /[A-Za-z]{2}/.test(plain)) exact.add(plain)
    // Inside other text: the fixed stretches between placeholders, when they are long enough to be English prose.
    for (const piece of plain.split(/\{\{[^}]*\}\}|\$t\([^)]*\)/)) {
      const p = piece.trim().replace(/^[^A-Za-z]+|[^A-Za-z.!?]+$/g, '')
      if (p.split(/\s+/).length >= 3 && p.length >= 15 && !localValues.has(p)) parts.add(p)
    }
  }
  const out = { exact, parts: [...parts].sort((a, b) => b.length - a.length) }
  cache.set(locale, out)
  return out
}

function knownNamespaces(): string[] {
  namespaces ??= [...new Set(DIRS.flatMap((d) => readdirSync(join(d, 'en')).map((f) => f.replace(/\.json$/, ''))))]
  return namespaces
}

/** Roots of product field paths as the core names them (trade.ladder.2.minQty, texts.en.title …). */
const PATH_ROOTS = ['texts', 'trade', 'logistics', 'origin', 'attributes', 'axes', 'variantAxes']

/** Chunks that are a file name, an address or an e-mail: data, not words. */
/** Italian language names capitalised right after punctuation inside a text: a label form mid-sentence. */
const CAPITAL_LANGUAGE_IT = /[,:;(]\s*(Italiano|Inglese|Cinese|Tedesco|Francese|Spagnolo|Portoghese|Giapponese|Russo|Arabo|Coreano|Olandese)\b/g

const DATA_CHUNK = /^(?:[\w.-]+\.[A-Za-z0-9]{2,5}|https?:\/\/\S+|[\w.-]+@[\w.-]+|[\w-]+\/[\w/.-]+)$/

export function findLeaks(segments: Iterable<Segment>, locale: LeakLocale): Leak[] {
  const english = englishSentences(locale)
  const nsAlternation = knownNamespaces().map((n) => n.replace(/[-]/g, '\\-')).join('|')
  const keyRe = new RegExp(`(?:^|[^\\w/:])((?:${nsAlternation}):[A-Za-z][\\w-]*(?:\\.[\\w-]+)*)`, 'g')
  const pathRe = new RegExp(`(?:#\\d+\\.[A-Za-z]\\w*|\\b(?:${PATH_ROOTS.join('|')})\\.[\\w-]+(?:\\.[\\w-]+)*)`, 'g')
  const out: Leak[] = []
  for (const seg of segments) {
    const text = seg.text.replace(/\s+/g, ' ').trim()
    if (!text) continue
    const add = (kind: LeakKind, found: string) => out.push({ kind, text: found, where: `${seg.where}: “${text.slice(0, 120)}”` })
    for (const m of text.matchAll(/\{\{[^}]*\}\}/g)) add('placeholder', m[0])
    for (const m of text.matchAll(keyRe)) add('key', m[1])
    if (!seg.foreign) {
      if (english.exact.has(text)) add('english', text)
      else for (const p of english.parts) if (text.includes(p)) {
        add('english', p)
        break
      }
    }
    if (seg.data) continue
    if (locale === 'it' && !seg.foreign) for (const m of text.matchAll(CAPITAL_LANGUAGE_IT)) add('case', m[1])
    for (const m of text.matchAll(pathRe)) add('path', m[0])
    for (const chunk of text.split(/[\s,;:()«»“”"'[\]{}]+/)) {
      if (!chunk || DATA_CHUNK.test(chunk)) continue
      for (const word of chunk.split(/[^\w]+/)) if (/^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(word)) add('code', word)
    }
  }
  return out
}

/** Everything the page shows a person, as segments (runs in the page). */
export async function pageSegments(page: Page, label: string): Promise<Segment[]> {
  const raw = await page.evaluate(() => {
    const out: Array<{ text: string; where: string; data: boolean; foreign: boolean }> = []
    const pageLang = document.documentElement.lang
    const isForeign = (el: Element | null) => {
      const lang = el?.closest('[lang]')?.getAttribute('lang')
      return !!lang && lang !== pageLang
    }
    const visible = (el: Element) => {
      const style = getComputedStyle(el)
      return style.display !== 'none' && style.visibility !== 'hidden' && (el as HTMLElement).getClientRects().length > 0
    }
    const describe = (el: Element) => {
      const id = el.getAttribute('data-testid')
      return `${el.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`
    }
    const isData = (el: Element | null) => !!el?.closest('[translate="no"]')
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement
      if (!parent || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA'].includes(parent.tagName)) continue
      // Option labels count even while their list is closed: a person opens it.
      if (parent.tagName !== 'OPTION' && !visible(parent)) continue
      const text = n.textContent ?? ''
      if (text.trim()) out.push({ text, where: describe(parent), data: isData(parent), foreign: isForeign(parent) })
    }
    for (const el of Array.from(document.body.querySelectorAll('[title], [placeholder], [aria-label], img[alt], input[type=button], input[type=submit]'))) {
      if (!visible(el) && !el.closest('[role=dialog]')) continue
      for (const attr of ['title', 'placeholder', 'aria-label', 'alt']) {
        const v = el.getAttribute(attr)
        if (v && v.trim()) out.push({ text: v, where: `${describe(el)}@${attr}`, data: isData(el), foreign: isForeign(el) })
      }
      if (el instanceof HTMLInputElement && (el.type === 'button' || el.type === 'submit') && el.value) out.push({ text: el.value, where: describe(el), data: false, foreign: isForeign(el) })
    }
    const title = document.title
    if (title) out.push({ text: title, where: 'title', data: false, foreign: false })
    return out
  })
  return raw.map((s) => ({ ...s, where: `${label} › ${s.where}` }))
}

/** Fails with every leak found on the page, saying where each one is. */
export async function assertNoLeaks(page: Page, locale: LeakLocale, label = page.url()): Promise<void> {
  const leaks = findLeaks(await pageSegments(page, label), locale)
  if (leaks.length) throw new Error(`${leaks.length} leak(s) in ${locale}:\n${leaks.map((l) => `  [${l.kind}] ${l.text} — ${l.where}`).join('\n')}`)
}

/** The same over a downloaded text file (a CSV report, rejected rows …): one segment per line. */
export function fileLeaks(text: string, locale: LeakLocale, name: string, dataColumns: (line: string) => string[] = (l) => [l]): Leak[] {
  return findLeaks(text.split(/\r?\n/).flatMap((line, i) => dataColumns(line).map((cell) => ({ text: cell, where: `${name}:${i + 1}` }))), locale)
}
