// Constraints of the XLIFF 2.0 modules (Translation Candidates, Glossary, Metadata, Resource
// Data, Change Tracking, Size and Length Restriction, Validation). A core-only reader could skip
// them, but Vetrina keeps module data on a round trip, so it refuses module content that breaks
// the specification rather than carrying it along.
import { attr, XML_NS, type XmlElement } from '../xml/xml.ts'
import { MODULE_NS, NMTOKEN, PREFIXED, XLIFF20_NS, XLIFF22_NS } from './names.ts'
import type { XliffViolation } from './validate20.ts'

const ELEMENTS: Record<string, Set<string>> = {
  mtc: new Set(['matches', 'match']),
  gls: new Set(['glossary', 'glossEntry', 'term', 'translation', 'definition']),
  mda: new Set(['metadata', 'metaGroup', 'meta']),
  res: new Set(['resourceData', 'resourceItemRef', 'resourceItem', 'source', 'target', 'reference']),
  ctr: new Set(['changeTrack', 'revisions', 'revision', 'item']),
  slr: new Set(['profiles', 'normalization', 'data']),
  val: new Set(['validation', 'rule'])
}
const MTC_TYPES = new Set(['am', 'mt', 'icm', 'idm', 'tb', 'tm', 'other'])
/** "n", "*", "n,m", "n,*", "*,m" — sizes and storage limits. */
const RESTRICTION = /^(\d+|\*)(,(\d+|\*))?$/

function descendants(el: XmlElement, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (c.type !== 'element') continue
    out.push(c)
    descendants(c, out)
  }
  return out
}

export function validateModules(root: XmlElement): XliffViolation[] {
  const v: XliffViolation[] = []
  const add = (el: XmlElement, message: string) => v.push({ message, line: el.line, element: el.name })
  const srcLang = attr(root, 'srcLang') ?? ''
  const trgLang = attr(root, 'trgLang')
  const isCore = (el: XmlElement) => el.uri === XLIFF20_NS || el.uri === XLIFF22_NS
  const moduleOf = (el: XmlElement) => Object.entries(MODULE_NS).find(([, uri]) => uri === el.uri)?.[0]
  const all = descendants(root)

  // Unknown elements in a module namespace.
  for (const el of all) {
    const mod = moduleOf(el)
    if (mod && ELEMENTS[mod] && !ELEMENTS[mod].has(el.local)) add(el, `<${el.name}> is not an element of the ${mod} module.`)
  }

  // Size and Length Restriction attributes, wherever they are.
  // sizeInfoRef points to an element (with an id) inside an <slr:data>.
  const slrData = new Set(all.filter((e) => e.uri === MODULE_NS.slr && e.local === 'data').flatMap((d) => [d, ...descendants(d)]).map((e) => attr(e, 'id') ?? attr(e, 'id', XML_NS)).filter(Boolean) as string[])
  // With a standard (xliff:) profile, sizes are whole numbers; other profiles define their own data.
  const standardProfile = all.some((e) => e.uri === MODULE_NS.slr && e.local === 'profiles' && /^xliff:/.test(attr(e, 'generalProfile') ?? ''))
  for (const el of all) {
    const slr = (name: string) => el.attrs.find((a) => a.uri === MODULE_NS.slr && a.local === name)?.value
    for (const name of ['sizeRestriction', 'storageRestriction']) {
      const val = slr(name)
      if (val !== undefined && !RESTRICTION.test(val)) add(el, `slr:${name} "${val}" must be a number, "*", or "min,max".`)
    }
    for (const name of ['equivStorage', 'sizeInfo']) {
      const val = slr(name)
      // The default profile (xliff:codepoints) counts whole code points; a fraction is always wrong.
      // Free text is only refused under an explicit standard profile (core test files use it).
      const wrong = val !== undefined && !/^\d+$/.test(val) && (name === 'equivStorage' || standardProfile || /^[\d.,+-]+$/.test(val))
      if (wrong) add(el, `slr:${name} "${val}" must be a whole number.`)
    }
    const sizeInfoRef = slr('sizeInfoRef')
    if (slr('sizeInfo') !== undefined && sizeInfoRef !== undefined) add(el, 'slr:sizeInfo and slr:sizeInfoRef cannot be used together.')
    if (sizeInfoRef !== undefined && !slrData.has(sizeInfoRef)) add(el, `slr:sizeInfoRef "${sizeInfoRef}" does not point to an <slr:data>.`)
  }

  // Module containers hold elements only: stray text is a broken file (or a broken extension).
  const ELEMENT_ONLY = new Set(['mtc:matches', 'gls:glossary', 'gls:glossEntry', 'mda:metadata', 'mda:metaGroup', 'res:resourceData', 'res:resourceItem',
    'ctr:changeTrack', 'ctr:revisions', 'ctr:revision', 'slr:profiles', 'val:validation'])
  for (const el of all) {
    const mod = moduleOf(el)
    if (!mod || !ELEMENT_ONLY.has(`${mod}:${el.local}`)) continue
    for (const c of el.children) if ((c.type === 'text' || c.type === 'cdata') && c.text.trim()) add(el, `<${el.name}> cannot contain text ("${c.text.trim().slice(0, 20)}").`)
  }

  // Per-element module rules.
  for (const el of all) {
    const mod = moduleOf(el)
    if (!mod) continue
    const kids = el.children.filter((c): c is XmlElement => c.type === 'element')
    const id = attr(el, 'id')
    if (id !== undefined && !NMTOKEN.test(id)) add(el, `The ${mod} id "${id}" is not a valid NMTOKEN.`)
    switch (`${mod}:${el.local}`) {
      case 'mtc:matches': {
        const ids = new Set<string>()
        for (const m of kids) {
          const mid = attr(m, 'id')
          if (mid === undefined) continue
          if (ids.has(mid)) add(m, `The match id "${mid}" is used twice.`)
          ids.add(mid)
        }
        break
      }
      case 'mtc:match': {
        if (attr(el, 'lang', XML_NS) !== undefined) add(el, '<mtc:match> cannot carry xml:lang.')
        const type = attr(el, 'type')
        if (attr(el, 'subType') !== undefined && type === undefined) add(el, 'mtc:match subType needs a type.')
        if (type !== undefined && !MTC_TYPES.has(type)) add(el, `mtc:match type "${type}" is not one of am, mt, icm, idm, tb, tm, other.`)
        const ref = attr(el, 'ref')
        if (ref === undefined) add(el, '<mtc:match> needs a ref.')
        else if (!ref.startsWith('#')) add(el, `mtc:match ref "${ref}" must be a fragment identifier ("#…").`)
        else {
          const unit = enclosingUnit(el)
          const target = ref.slice(1).replace(/^t=/, '')
          if (unit && !unitHasSpan(unit, target)) add(el, `mtc:match ref "${ref}" does not point to a segment or marker of this unit.`)
        }
        break
      }
      case 'gls:glossary': {
        const ids = new Set<string>()
        for (const e of kids.flatMap((k) => [k, ...k.children.filter((c): c is XmlElement => c.type === 'element' && c.local === 'translation')])) {
          const gid = attr(e, 'id')
          if (gid === undefined) continue
          if (ids.has(gid)) add(e, `The glossary id "${gid}" is used twice.`)
          ids.add(gid)
        }
        break
      }
      case 'gls:glossEntry':
        if (!kids.some((k) => k.local === 'translation' || k.local === 'definition')) add(el, '<gls:glossEntry> needs a <gls:translation> or a <gls:definition>.')
        break
      case 'mda:metadata':
        if (!kids.length || kids.some((k) => k.local !== 'metaGroup')) add(el, '<mda:metadata> holds one or more <mda:metaGroup>.')
        checkUnique(kids, 'metaGroup')
        break
      case 'mda:metaGroup': {
        const at = attr(el, 'appliesTo')
        if (at !== undefined && !['source', 'target', 'ignorable'].includes(at)) add(el, `mda:metaGroup appliesTo must be source, target or ignorable, not "${at}".`)
        checkUnique(kids, 'metaGroup')
        break
      }
      case 'mda:meta':
        if (attr(el, 'type') === undefined) add(el, '<mda:meta> needs a type.')
        if (attr(el, 'appliesTo') !== undefined) add(el, '<mda:meta> cannot carry appliesTo (it belongs on <mda:metaGroup>).')
        break
      case 'res:resourceData': {
        const ids = new Set<string>()
        for (const k of kids) {
          const rid = attr(k, 'id')
          if (rid === undefined) continue
          if (ids.has(rid)) add(k, `The resource id "${rid}" is used twice.`)
          ids.add(rid)
        }
        break
      }
      case 'res:source':
      case 'res:target': {
        const href = attr(el, 'href')
        const hasContent = el.children.some((c) => c.type === 'element' || ((c.type === 'text' || c.type === 'cdata') && c.text.trim()))
        if (href !== undefined && hasContent) add(el, `<${el.name}> has both href and content.`)
        if (href === undefined && !hasContent) add(el, `<${el.name}> needs href or content.`)
        // A resource target in another language is left alone: the 2.1 and 2.2 suites count it as valid
        // (their Good-res files), and a target-side resource can legitimately be in a variant language.
        const lang = attr(el, 'lang', XML_NS)
        if (el.local === 'source' && lang !== undefined && lang.toLowerCase() !== srcLang.toLowerCase()) add(el, `<${el.name}> is in "${lang}" but the document's srcLang is "${srcLang}".`)
        break
      }
      case 'ctr:revisions': {
        const appliesTo = attr(el, 'appliesTo')
        const ref = attr(el, 'ref')
        const scope = enclosingCore(el)
        if (appliesTo && scope) {
          const candidates = descendants(scope).filter((d) => isCore(d) && d.local === appliesTo && enclosingCoreOf(d, scope))
          const withIds = candidates.filter((c) => attr(c, 'id') !== undefined)
          if (ref === undefined && candidates.length > 1 && withIds.length > 0) add(el, `ctr:revisions on "${appliesTo}" must say which one with ref.`)
          let referenced: XmlElement | undefined
          if (ref !== undefined) {
            // The ref names an element of this unit, group or file by its id (the 2.1 suite points a
            // revision of the source at a note); properties are checked against a referenced <appliesTo>.
            referenced = withIds.find((c) => attr(c, 'id') === ref)
            const anyWithId = descendants(scope).some((d) => isCore(d) && attr(d, 'id') === ref && enclosingCoreOf(d, scope))
            if (!referenced && !anyWithId) add(el, `ctr:revisions ref "${ref}" does not match the id of an element here.`)
          }
          for (const rev of el.children.filter((c): c is XmlElement => c.type === 'element' && c.local === 'revision')) {
            const props = new Set<string>()
            for (const item of rev.children.filter((c): c is XmlElement => c.type === 'element' && c.local === 'item')) {
              const p = attr(item, 'property') ?? ''
              if (props.has(p)) add(item, `The revision records property "${p}" twice.`)
              props.add(p)
              if (p !== 'content' && referenced && attr(referenced, p) === undefined) add(item, `ctr:item property "${p}" is neither content nor an attribute of the referenced <${appliesTo}>.`)
            }
          }
        }
        break
      }
      case 'val:rule': {
        const kinds = ['isPresent', 'isNotPresent', 'startsWith', 'endsWith'].filter((a) => attr(el, a) !== undefined)
        const custom = el.attrs.filter((a) => a.uri !== '' && a.uri !== MODULE_NS.val && a.uri !== 'http://www.w3.org/2000/xmlns/')
        if (kinds.length + custom.length !== 1) add(el, '<val:rule> needs exactly one of isPresent, isNotPresent, startsWith, endsWith or a custom rule.')
        const eis = attr(el, 'existsInSource')
        if (eis !== undefined) {
          if (!['yes', 'no'].includes(eis)) add(el, 'existsInSource must be yes or no.')
          if (!['isPresent', 'startsWith', 'endsWith'].some((a) => attr(el, a) !== undefined)) add(el, 'existsInSource only goes with isPresent, startsWith or endsWith.')
        }
        const cs = attr(el, 'caseSensitive')
        if (cs !== undefined && !['yes', 'no'].includes(cs)) add(el, `caseSensitive must be yes or no, not "${cs}".`)
        const norm = attr(el, 'normalization')
        if (norm !== undefined && !['none', 'nfc', 'nfd'].includes(norm)) add(el, `normalization must be none, nfc or nfd, not "${norm}".`)
        const occurs = attr(el, 'occurs')
        if (occurs !== undefined && !/^[1-9]\d*$/.test(occurs)) add(el, `occurs must be a positive whole number, not "${occurs}".`)
        break
      }
    }
  }

  function checkUnique(kids: XmlElement[], local: string): void {
    const ids = new Set<string>()
    for (const k of kids) {
      if (k.local !== local) continue
      const gid = attr(k, 'id')
      if (gid === undefined) continue
      if (ids.has(gid)) add(k, `The id "${gid}" is used twice.`)
      ids.add(gid)
    }
  }

  /** Parent links are not stored: find the nearest enclosing core element by searching down. */
  function pathTo(target: XmlElement): XmlElement[] {
    const stack: XmlElement[] = []
    const walk = (el: XmlElement): boolean => {
      stack.push(el)
      if (el === target) return true
      for (const c of el.children) if (c.type === 'element' && walk(c)) return true
      stack.pop()
      return false
    }
    walk(root)
    return stack
  }
  function enclosingCore(el: XmlElement): XmlElement | undefined {
    return pathTo(el).reverse().find((a) => a !== el && isCore(a) && ['unit', 'group', 'file'].includes(a.local))
  }
  function enclosingCoreOf(d: XmlElement, scope: XmlElement): boolean {
    return enclosingCore(d) === scope || pathTo(d).some((a) => a === scope && a.local === 'unit')
  }
  function enclosingUnit(el: XmlElement): XmlElement | undefined {
    return pathTo(el).reverse().find((a) => isCore(a) && a.local === 'unit')
  }
  function unitHasSpan(unit: XmlElement, id: string): boolean {
    return descendants(unit).some((d) => isCore(d) && ['segment', 'mrk', 'sm', 'pc', 'sc'].includes(d.local) && attr(d, 'id') === id)
  }

  void PREFIXED
  return v
}
