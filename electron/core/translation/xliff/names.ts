// Namespaces and shared syntax rules of XLIFF 2.x and its modules.
export const XLIFF20_NS = 'urn:oasis:names:tc:xliff:document:2.0'
export const XLIFF22_NS = 'urn:oasis:names:tc:xliff:document:2.2'
export const XLIFF12_NS = 'urn:oasis:names:tc:xliff:document:1.2'

export const MODULE_NS = {
  mtc: 'urn:oasis:names:tc:xliff:matches:2.0',
  gls: 'urn:oasis:names:tc:xliff:glossary:2.0',
  fs: 'urn:oasis:names:tc:xliff:fs:2.0',
  mda: 'urn:oasis:names:tc:xliff:metadata:2.0',
  res: 'urn:oasis:names:tc:xliff:resourcedata:2.0',
  ctr: 'urn:oasis:names:tc:xliff:changetracking:2.0',
  slr: 'urn:oasis:names:tc:xliff:sizerestriction:2.0',
  val: 'urn:oasis:names:tc:xliff:validation:2.0'
} as const

export const NS_TO_MODULE = new Map<string, string>(Object.entries(MODULE_NS).map(([k, v]) => [v, k]))

/** XML NMTOKEN (ids in XLIFF 2). */
export const NMTOKEN = /^[\p{L}\p{M}\p{N}._:\u00b7-]+$/u

/** Well-formed BCP 47 language tag (RFC 5646 syntax, not registry membership). */
export const BCP47 = new RegExp(
  '^(?:' +
    '(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})' + // language (+extlang)
    '(?:-[a-z]{4})?' + // script
    '(?:-(?:[a-z]{2}|\\d{3}))?' + // region
    '(?:-(?:[a-z\\d]{5,8}|\\d[a-z\\d]{3}))*' + // variants
    '(?:-[\\da-wy-z](?:-[a-z\\d]{2,8})+)*' + // extensions
    '(?:-x(?:-[a-z\\d]{1,8})+)?' +
  '|x(?:-[a-z\\d]{1,8})+' + // private use
  '|i-[a-z]{2,8}|en-gb-oed|sgn-[a-z]{2}-[a-z]{2,3}' + // grandfathered (irregular)
  ')$', 'i')

/** "prefix:value" (user-defined types, subStates, subTypes). */
export const PREFIXED = /^[\p{L}_][\p{L}\p{N}._-]*:[^\s:]/u

/** HTML element names allowed as fs:fs values (Format Style module). */
export const HTML_ELEMENTS = new Set(('a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col colgroup ' +
  'data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img ' +
  'input ins kbd keygen label legend li link main map mark menu menuitem meta meter nav noscript object ol optgroup option output p param pre progress q ' +
  'rb rp rt rtc ruby s samp script section select small source span strong style sub summary sup table tbody td template textarea tfoot th thead time ' +
  'title tr track u ul var video wbr acronym applet basefont big blink center dir font frame frameset isindex noframes strike tt').split(' '))

/** Fragment-identifier prefixes: core selectors and registered modules/extensions. */
export const CORE_SELECTORS = new Set(['f', 'g', 'u', 'n', 'd', 't'])
export const REGISTERED_PREFIXES = new Set(['mtc', 'gls', 'mda', 'res', 'ctr', 'slr', 'val', 'fs', 'its', 'tbx'])
