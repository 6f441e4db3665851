// XLIFF 2.0 core conformance: the element grammar, attribute values and the processing
// constraints of the OASIS specification (ids, references, start/end code pairs, reordering,
// non-removable codes, fragment identifiers, languages). Returns every violation found, each with
// the element and line, so an import can say exactly why a file was refused.
import { attr, XML_NS, type XmlElement, type XmlNode } from '../xml/xml.ts'
import {
  BCP47, CORE_SELECTORS, HTML_ELEMENTS, MODULE_NS, NMTOKEN, NS_TO_MODULE, PREFIXED, REGISTERED_PREFIXES, XLIFF20_NS, XLIFF22_NS
} from './names.ts'
import { validateModules } from './validate-modules.ts'

export interface XliffViolation { message: string; line: number; element: string }

const INLINE = new Set(['cp', 'ph', 'pc', 'sc', 'ec', 'mrk', 'sm', 'em'])
const YES_NO = new Set(['yes', 'no'])
const DIRS = new Set(['ltr', 'rtl', 'auto'])
const CODE_TYPES = new Set(['fmt', 'ui', 'quote', 'link', 'image', 'other'])
const XLF_SUBTYPES: Record<string, string> = { 'xlf:lb': 'fmt', 'xlf:pb': 'fmt', 'xlf:b': 'fmt', 'xlf:i': 'fmt', 'xlf:u': 'fmt', 'xlf:var': 'ui' }
const STATES = new Set(['initial', 'translated', 'reviewed', 'final'])

/** Core attributes per element (no namespace), and whether foreign attributes are allowed. */
const CORE_ATTRS: Record<string, { attrs: string[]; required?: string[]; other: boolean; xml?: string[]; modules?: boolean }> = {
  xliff: { attrs: ['version', 'srcLang', 'trgLang'], required: ['version', 'srcLang'], other: true, xml: ['space'] },
  file: { attrs: ['id', 'canResegment', 'original', 'translate', 'srcDir', 'trgDir'], required: ['id'], other: true, xml: ['space'], modules: true },
  skeleton: { attrs: ['href'], other: false },
  group: { attrs: ['id', 'name', 'canResegment', 'translate', 'srcDir', 'trgDir', 'type'], required: ['id'], other: true, xml: ['space'], modules: true },
  unit: { attrs: ['id', 'name', 'canResegment', 'translate', 'srcDir', 'trgDir', 'type'], required: ['id'], other: true, xml: ['space'], modules: true },
  notes: { attrs: [], other: false },
  note: { attrs: ['id', 'appliesTo', 'category', 'priority', 'ref'], other: true },
  originalData: { attrs: [], other: false },
  data: { attrs: ['id', 'dir'], required: ['id'], other: false, xml: ['space'] },
  segment: { attrs: ['id', 'canResegment', 'state', 'subState'], other: false },
  ignorable: { attrs: ['id'], other: false },
  source: { attrs: [], other: false, xml: ['lang', 'space'] },
  target: { attrs: ['order'], other: false, xml: ['lang', 'space'] },
  cp: { attrs: ['hex'], required: ['hex'], other: false },
  ph: { attrs: ['id', 'canCopy', 'canDelete', 'canReorder', 'copyOf', 'disp', 'equiv', 'dataRef', 'subFlows', 'subType', 'type'], required: ['id'], other: false, modules: true },
  pc: {
    attrs: ['id', 'canCopy', 'canDelete', 'canOverlap', 'canReorder', 'copyOf', 'dispEnd', 'dispStart', 'equivEnd', 'equivStart', 'dataRefEnd',
      'dataRefStart', 'subFlowsEnd', 'subFlowsStart', 'subType', 'type', 'dir'], required: ['id'], other: false, modules: true
  },
  sc: {
    attrs: ['id', 'canCopy', 'canDelete', 'canOverlap', 'canReorder', 'copyOf', 'dataRef', 'dir', 'disp', 'equiv', 'isolated', 'subFlows', 'subType', 'type'],
    required: ['id'], other: false, modules: true
  },
  ec: {
    attrs: ['id', 'startRef', 'canCopy', 'canDelete', 'canOverlap', 'canReorder', 'copyOf', 'dataRef', 'dir', 'disp', 'equiv', 'isolated', 'subFlows', 'subType', 'type'],
    other: false, modules: true
  },
  mrk: { attrs: ['id', 'translate', 'type', 'ref', 'value'], required: ['id'], other: true, modules: true },
  sm: { attrs: ['id', 'translate', 'type', 'ref', 'value'], required: ['id'], other: true, modules: true },
  em: { attrs: ['startRef'], required: ['startRef'], other: false }
}

/** Module attributes that may appear on core elements (Format Style, Size and Length Restriction). */
const MODULE_ATTRS: Record<string, string[]> = {
  fs: ['fs', 'subFs'],
  slr: ['storageRestriction', 'sizeRestriction', 'equivStorage', 'sizeInfo', 'sizeInfoRef']
}

interface Code {
  el: XmlElement
  kind: string
  id: string | undefined
  side: 'source' | 'target'
  /** Token for reordering checks: "1", "1s", "1e". */
  token: string
  canReorder: string
}

interface UnitScope {
  unit: XmlElement
  fileId: string
  dataIds: Set<string>
  noteIds: Set<string>
}

export function validateXliff20(root: XmlElement): XliffViolation[] {
  const v: XliffViolation[] = []
  const add = (el: XmlElement, message: string) => v.push({ message, line: el.line, element: el.name })
  const isCore = (el: XmlElement) => el.uri === XLIFF20_NS || el.uri === XLIFF22_NS
  const ns = root.uri

  if (root.local !== 'xliff' || !isCore(root)) {
    add(root, `The root element must be <xliff> in the XLIFF 2 namespace (found <${root.name}> in "${root.uri}").`)
    return v
  }
  const version = attr(root, 'version')
  if (version && !/^2\.[0-2]$/.test(version)) add(root, `Unsupported XLIFF version "${version}".`)
  // XLIFF 2.2 adds notes and metadata for the whole document, and a ref on notes.
  const v22 = ns === XLIFF22_NS || version === '2.2'
  const srcLang = attr(root, 'srcLang') ?? ''
  const trgLang = attr(root, 'trgLang')
  if (srcLang && !BCP47.test(srcLang)) add(root, `srcLang "${srcLang}" is not a valid language tag.`)
  if (trgLang !== undefined && !BCP47.test(trgLang)) add(root, `trgLang "${trgLang}" is not a valid language tag.`)

  // ---- generic per-element checks ----
  const checkAttrs = (el: XmlElement) => {
    const def = CORE_ATTRS[el.local]
    if (!def) return
    for (const a of el.attrs) {
      if (a.uri === 'http://www.w3.org/2000/xmlns/') continue
      if (a.uri === '') {
        if (!def.attrs.includes(a.local)) add(el, `<${el.local}> does not take the attribute "${a.local}".`)
        continue
      }
      if (a.uri === XML_NS) {
        if (!def.xml?.includes(a.local) && !def.other) add(el, `<${el.local}> does not take xml:${a.local}.`)
        if (a.local === 'space' && !['default', 'preserve'].includes(a.value)) add(el, `xml:space must be "default" or "preserve", not "${a.value}".`)
        if (a.local === 'lang' && !BCP47.test(a.value)) add(el, `xml:lang "${a.value}" is not a valid language tag.`)
        continue
      }
      const mod = NS_TO_MODULE.get(a.uri)
      if (mod && MODULE_ATTRS[mod]) {
        if (!MODULE_ATTRS[mod].includes(a.local)) add(el, `Unknown ${mod} module attribute "${a.local}".`)
        else if (!def.modules && !def.other) add(el, `<${el.local}> does not take module attributes (${a.name}).`)
        continue
      }
      if (mod) {
        if (!def.other) add(el, `<${el.local}> does not take the attribute ${a.name}.`)
        continue
      }
      if (!def.other) add(el, `<${el.local}> does not take extension attributes (${a.name}).`)
    }
    for (const r of def.required ?? []) if (attr(el, r) === undefined) add(el, `<${el.local}> needs the attribute "${r}".`)
    // Attribute values.
    for (const name of ['canResegment', 'translate', 'canCopy', 'canDelete', 'canOverlap', 'isolated']) {
      const val = attr(el, name)
      if (val !== undefined && !YES_NO.has(val)) add(el, `${name} must be "yes" or "no", not "${val}".`)
    }
    const cr = attr(el, 'canReorder')
    if (cr !== undefined && !['yes', 'no', 'firstNo'].includes(cr)) add(el, `canReorder must be yes, no or firstNo, not "${cr}".`)
    for (const name of ['srcDir', 'trgDir', 'dir']) {
      const val = attr(el, name)
      if (val !== undefined && !DIRS.has(val)) add(el, `${name} must be ltr, rtl or auto, not "${val}".`)
    }
    const id = attr(el, 'id')
    if (id !== undefined && !NMTOKEN.test(id)) add(el, `The id "${id}" is not a valid NMTOKEN.`)
    for (const name of ['startRef', 'copyOf', 'dataRef', 'dataRefStart', 'dataRefEnd', 'subFlowsStart', 'subFlowsEnd']) {
      const val = attr(el, name)
      if (val !== undefined && !NMTOKEN.test(val)) add(el, `${name} "${val}" is not a valid NMTOKEN.`)
    }
    const sf = attr(el, 'subFlows')
    if (sf !== undefined && !sf.trim().split(/\s+/).every((t) => NMTOKEN.test(t))) add(el, `subFlows "${sf}" must be a space-separated list of unit ids.`)
    const type = attr(el, 'type')
    const subType = attr(el, 'subType')
    if (['ph', 'pc', 'sc', 'ec'].includes(el.local)) {
      if (type !== undefined && !CODE_TYPES.has(type)) add(el, `type "${type}" is not one of fmt, ui, quote, link, image, other.`)
      if (subType !== undefined) {
        if (type === undefined) add(el, 'subType is only allowed together with type.')
        if (!PREFIXED.test(subType)) add(el, `subType "${subType}" must be "prefix:value".`)
        const need = XLF_SUBTYPES[subType]
        if (subType.startsWith('xlf:') && !need) add(el, `Unknown subType "${subType}".`)
        if (need && type !== undefined && type !== need) add(el, `subType ${subType} requires type="${need}".`)
      }
    }
    if (['group', 'unit'].includes(el.local) && type !== undefined && !PREFIXED.test(type)) add(el, `type "${type}" on <${el.local}> must be "prefix:value".`)
    if (['mrk', 'sm'].includes(el.local) && type !== undefined && !['generic', 'comment', 'term'].includes(type) && !PREFIXED.test(type)) {
      add(el, `type "${type}" must be generic, comment, term or "prefix:value".`)
    }
    if (el.local === 'segment') {
      const state = attr(el, 'state')
      const sub = attr(el, 'subState')
      if (state !== undefined && !STATES.has(state)) add(el, `state "${state}" is not one of initial, translated, reviewed, final.`)
      if (sub !== undefined && state === undefined) add(el, 'subState is only allowed together with state.')
      if (sub !== undefined && !PREFIXED.test(sub)) add(el, `subState "${sub}" must be "prefix:value".`)
    }
    if (el.local === 'note') {
      const ref = attr(el, 'ref')
      if (ref !== undefined && !v22) add(el, '<note> takes a ref only from XLIFF 2.2 on.')
      if (ref !== undefined) {
        const problem = fragmentProblem(ref)
        if (problem) add(el, `Invalid fragment identifier "${ref}": ${problem}.`)
      }
      const p = attr(el, 'priority')
      if (p !== undefined && !/^(10|[1-9])$/.test(p)) add(el, `priority must be 1 to 10, not "${p}".`)
      const at = attr(el, 'appliesTo')
      if (at !== undefined && !['source', 'target'].includes(at)) add(el, `appliesTo must be "source" or "target".`)
    }
    if (el.local === 'target') {
      const o = attr(el, 'order')
      if (o !== undefined && !/^[1-9]\d*$/.test(o)) add(el, `order must be a positive integer, not "${o}".`)
    }
    if (el.local === 'cp') {
      const hex = attr(el, 'hex') ?? ''
      if (!/^[0-9a-fA-F]{1,6}$/.test(hex)) add(el, `cp hex "${hex}" is not a hexadecimal code point.`)
      else {
        const c = parseInt(hex, 16)
        const xmlValid = c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff)
        if (c > 0x10ffff) add(el, `cp hex "${hex}" is beyond Unicode.`)
        else if (xmlValid) add(el, `cp must only encode characters XML cannot hold; U+${hex.toUpperCase()} can be written directly.`)
      }
    }
    for (const a of el.attrs) {
      if (a.uri === MODULE_NS.fs && a.local === 'fs' && !HTML_ELEMENTS.has(a.value)) add(el, `fs:fs "${a.value}" is not an HTML element name.`)
      if (a.uri === MODULE_NS.fs && a.local === 'subFs' && !el.attrs.some((b) => b.uri === MODULE_NS.fs && b.local === 'fs')) add(el, 'fs:subFs needs fs:fs on the same element.')
    }
    if (el.local === 'ec' && attr(el, 'isolated') !== 'yes' && el.attrs.some((a) => a.uri === MODULE_NS.fs || a.uri === MODULE_NS.slr)) {
      add(el, 'A non-isolated <ec> cannot carry Format Style or Size Restriction attributes (they belong on its <sc>).')
    }
  }

  const textOnlyWhitespace = (el: XmlElement) => {
    for (const c of el.children) if ((c.type === 'text' || c.type === 'cdata') && c.text.trim()) add(el, `<${el.local}> cannot contain text.`)
  }

  /** Checks child order against a sequence of slots. */
  const sequence = (el: XmlElement, slots: Array<{ test: (c: XmlElement) => boolean; min: number; max: number; label: string }>) => {
    const kids = el.children.filter((c): c is XmlElement => c.type === 'element')
    let s = 0
    let count = 0
    for (const k of kids) {
      while (s < slots.length && (!slots[s].test(k) || count >= slots[s].max)) {
        if (count < slots[s].min) {
          add(el, `<${el.local}> needs ${slots[s].label} before <${k.name}>.`)
          return
        }
        s++
        count = 0
      }
      if (s >= slots.length) {
        add(k, `<${k.name}> is not allowed here inside <${el.local}>.`)
        return
      }
      count++
    }
    for (; s < slots.length; s++) {
      if (count < slots[s].min) {
        add(el, `<${el.local}> needs ${slots[s].label}.`)
        return
      }
      count = 0
    }
  }
  const coreNamed = (...names: string[]) => (c: XmlElement) => isCore(c) && names.includes(c.local)
  const foreign = (c: XmlElement) => !isCore(c)
  const anyNum = Number.POSITIVE_INFINITY

  /** Extension-element ids are unique within their core parent (not crossing into child groups/units). */
  const extensionIds = (scope: XmlElement) => {
    const seen = new Set<string>()
    const walk = (el: XmlElement) => {
      for (const c of el.children) {
        if (c.type !== 'element' || isCore(c)) continue
        if (NS_TO_MODULE.has(c.uri)) continue
        for (const key of [attr(c, 'id'), attr(c, 'id', XML_NS)]) {
          if (key === undefined) continue
          if (seen.has(key)) add(c, `The extension id "${key}" is used twice in the same <${scope.local}>.`)
          seen.add(key)
        }
        walk(c)
      }
    }
    walk(scope)
  }

  const checkNotes = (notes: XmlElement) => {
    checkAttrs(notes)
    textOnlyWhitespace(notes)
    sequence(notes, [{ test: coreNamed('note'), min: 1, max: anyNum, label: 'at least one <note>' }])
    const ids = new Set<string>()
    for (const n of notes.children) {
      if (n.type !== 'element' || n.local !== 'note') continue
      checkAttrs(n)
      for (const c of n.children) if (c.type === 'element') add(c, '<note> holds text only.')
      const id = attr(n, 'id')
      if (id !== undefined) {
        if (ids.has(id)) add(n, `The note id "${id}" is used twice.`)
        ids.add(id)
      }
    }
    return ids
  }

  // ---- document walk ----
  checkAttrs(root)
  textOnlyWhitespace(root)
  const metadata = (c: XmlElement) => c.uri === MODULE_NS.mda && c.local === 'metadata'
  sequence(root, v22
    ? [
        { test: coreNamed('notes'), min: 0, max: 1, label: '<notes>' },
        { test: metadata, min: 0, max: 1, label: '<mda:metadata>' },
        { test: coreNamed('file'), min: 1, max: anyNum, label: 'at least one <file>' }
      ]
    : [{ test: coreNamed('file'), min: 1, max: anyNum, label: 'at least one <file>' }])
  for (const c of root.children) if (c.type === 'element' && isCore(c) && c.local === 'notes' && v22) checkNotes(c)
  const fileIds = new Set<string>()
  let anyTarget = false

  for (const file of root.children) {
    if (file.type !== 'element' || !isCore(file) || file.local !== 'file') continue
    checkAttrs(file)
    textOnlyWhitespace(file)
    sequence(file, [
      { test: coreNamed('skeleton'), min: 0, max: 1, label: '<skeleton>' },
      { test: foreign, min: 0, max: anyNum, label: 'extension elements' },
      { test: coreNamed('notes'), min: 0, max: 1, label: '<notes>' },
      { test: coreNamed('unit', 'group'), min: 1, max: anyNum, label: 'at least one <unit> or <group>' }
    ])
    const fileId = attr(file, 'id') ?? ''
    if (fileIds.has(fileId)) add(file, `The file id "${fileId}" is used twice.`)
    fileIds.add(fileId)
    extensionIds(file)
    const groupIds = new Set<string>()
    const unitIds = new Set<string>()
    const units: Array<{ unit: XmlElement; ancestors: XmlElement[] }> = []
    const walkContainer = (container: XmlElement, ancestors: XmlElement[]) => {
      for (const c of container.children) {
        if (c.type !== 'element') continue
        if (!isCore(c)) continue
        if (c.local === 'skeleton') {
          checkAttrs(c)
          const href = attr(c, 'href')
          const hasContent = c.children.some((k) => k.type === 'element' || ((k.type === 'text' || k.type === 'cdata') && k.text.trim()))
          if (href !== undefined && hasContent) add(c, '<skeleton> has both an href and content; use one or the other.')
          if (href === undefined && !hasContent) add(c, '<skeleton> is empty and has no href.')
          for (const k of c.children) if (k.type === 'element' && isCore(k)) add(k, `<${k.local}> is not allowed inside <skeleton>.`)
        } else if (c.local === 'notes') checkNotes(c)
        else if (c.local === 'group') {
          checkAttrs(c)
          textOnlyWhitespace(c)
          sequence(c, [
            { test: foreign, min: 0, max: anyNum, label: 'extension elements' },
            { test: coreNamed('notes'), min: 0, max: 1, label: '<notes>' },
            { test: coreNamed('unit', 'group'), min: 0, max: anyNum, label: '<unit> or <group>' }
          ])
          const id = attr(c, 'id')
          if (id !== undefined) {
            if (groupIds.has(id)) add(c, `The group id "${id}" is used twice in file "${fileId}".`)
            groupIds.add(id)
          }
          extensionIds(c)
          walkContainer(c, [...ancestors, c])
        } else if (c.local === 'unit') {
          const id = attr(c, 'id')
          if (id !== undefined) {
            if (unitIds.has(id)) add(c, `The unit id "${id}" is used twice in file "${fileId}".`)
            unitIds.add(id)
          }
          units.push({ unit: c, ancestors })
        } else if (container === file || container.local === 'group') {
          add(c, `<${c.local}> is not allowed inside <${container.local}>.`)
        }
      }
    }
    walkContainer(file, [root, file])
    for (const { unit, ancestors } of units) {
      if (checkUnit(unit, fileId, unitIds, ancestors)) anyTarget = true
    }
  }
  if (anyTarget && trgLang === undefined) add(root, 'The file has translations (<target>) but <xliff> has no trgLang.')

  function checkUnit(unit: XmlElement, fileId: string, unitIds: Set<string>, ancestors: XmlElement[]): boolean {
    checkAttrs(unit)
    textOnlyWhitespace(unit)
    sequence(unit, [
      { test: foreign, min: 0, max: anyNum, label: 'extension elements' },
      { test: coreNamed('notes'), min: 0, max: 1, label: '<notes>' },
      { test: coreNamed('originalData'), min: 0, max: 1, label: '<originalData>' },
      { test: coreNamed('segment', 'ignorable'), min: 1, max: anyNum, label: 'at least one <segment>' }
    ])
    if (!unit.children.some((c) => c.type === 'element' && isCore(c) && c.local === 'segment')) add(unit, `Unit "${attr(unit, 'id')}" has no <segment>.`)
    extensionIds(unit)
    const scope: UnitScope = { unit, fileId, dataIds: new Set(), noteIds: new Set() }
    let hasTarget = false
    const partIds = new Set<string>()
    const parts: XmlElement[] = []
    for (const c of unit.children) {
      if (c.type !== 'element' || !isCore(c)) continue
      if (c.local === 'notes') for (const id of checkNotes(c)) scope.noteIds.add(id)
      if (c.local === 'originalData') {
        checkAttrs(c)
        textOnlyWhitespace(c)
        sequence(c, [{ test: coreNamed('data'), min: 1, max: anyNum, label: 'at least one <data>' }])
        for (const d of c.children) {
          if (d.type !== 'element') continue
          if (!isCore(d) || d.local !== 'data') continue
          checkAttrs(d)
          const id = attr(d, 'id') ?? ''
          if (scope.dataIds.has(id)) add(d, `The data id "${id}" is used twice.`)
          scope.dataIds.add(id)
          for (const k of d.children) {
            if (k.type !== 'element') continue
            if (!isCore(k) || k.local !== 'cp') add(k, `<data> holds text and <cp> only, not <${k.name}>.`)
            else checkAttrs(k)
          }
        }
      }
      if (c.local === 'segment' || c.local === 'ignorable') {
        checkAttrs(c)
        textOnlyWhitespace(c)
        sequence(c, [
          { test: coreNamed('source'), min: 1, max: 1, label: '<source>' },
          { test: coreNamed('target'), min: 0, max: 1, label: '<target>' }
        ])
        const id = attr(c, 'id')
        if (id !== undefined) {
          if (partIds.has(id)) add(c, `The id "${id}" is used by two segments or ignorables in unit "${attr(unit, 'id')}".`)
          partIds.add(id)
        }
        parts.push(c)
      }
    }
    // Sources, targets and their languages / whitespace handling.
    // xml:lang and xml:space are inherited through xliff → file → group → unit.
    const chain = [...ancestors, unit]
    const inheritedFromUnit = (name: string): string | undefined => {
      let value: string | undefined
      for (const a of chain) value = attr(a, name, XML_NS) ?? value
      return value
    }
    const unitLang = inheritedFromUnit('lang')
    const inherited = (el: XmlElement, name: string): string | undefined => attr(el, name, XML_NS) ?? (name === 'lang' ? unitLang : undefined)
    const unitSpace = inheritedFromUnit('space') ?? 'default'
    const sourceCodes: Code[] = []
    const targetCodes: Code[] = []
    const orders: number[] = []
    const segmentsWithTarget: XmlElement[] = []
    parts.forEach((part, index) => {
      const source = part.children.find((c): c is XmlElement => c.type === 'element' && isCore(c) && c.local === 'source')
      const target = part.children.find((c): c is XmlElement => c.type === 'element' && isCore(c) && c.local === 'target')
      if (source) {
        checkAttrs(source)
        const lang = inherited(source, 'lang')
        if (lang !== undefined && lang.toLowerCase() !== srcLang.toLowerCase()) add(source, `<source> is in "${lang}" but the file's srcLang is "${srcLang}".`)
        collectInline(source, 'source', sourceCodes, scope)
      }
      if (target) {
        hasTarget = true
        checkAttrs(target)
        const lang = inherited(target, 'lang')
        if (lang !== undefined && lang.toLowerCase() !== (trgLang ?? '').toLowerCase()) add(target, `<target> is in "${lang}" but the file's trgLang is "${trgLang ?? '(none)'}".`)
        const sSpace = attr(source ?? target, 'space', XML_NS) ?? unitSpace
        const tSpace = attr(target, 'space', XML_NS) ?? unitSpace
        if (sSpace !== tSpace) add(target, '<source> and <target> must use the same xml:space.')
        orders.push(Number(attr(target, 'order') ?? index + 1))
        if (part.local === 'segment') segmentsWithTarget.push(part)
      }
    })
    // Targets are read in their "order" (a reordered segment reads its target elsewhere).
    const targetParts = parts
      .map((p, i) => ({ p, t: p.children.find((c): c is XmlElement => c.type === 'element' && isCore(c) && c.local === 'target'), i }))
      .filter((x): x is { p: XmlElement; t: XmlElement; i: number } => !!x.t)
      .sort((a, b) => Number(attr(a.t, 'order') ?? a.i + 1) - Number(attr(b.t, 'order') ?? b.i + 1))
    for (const tp of targetParts) collectInline(tp.t, 'target', targetCodes, scope)
    const seenOrders = new Set<number>()
    for (const o of orders) {
      if (seenOrders.has(o)) add(unit, `Two targets of unit "${attr(unit, 'id')}" have the order ${o}.`)
      if (o > parts.length) add(unit, `A target's order ${o} is larger than the number of segments and ignorables (${parts.length}).`)
      seenOrders.add(o)
    }
    checkCodes(scope, sourceCodes, targetCodes, segmentsWithTarget, unitIds)
    return hasTarget
  }

  function collectInline(container: XmlElement, side: 'source' | 'target', codes: Code[], scope: UnitScope): void {
    for (const c of container.children) {
      if (c.type !== 'element') continue
      if (!isCore(c) || !INLINE.has(c.local)) {
        add(c, `<${c.name}> is not allowed inside <${container.local}>.`)
        continue
      }
      checkAttrs(c)
      if (['ph', 'sc', 'ec', 'em', 'sm', 'cp'].includes(c.local) && c.children.some((k) => k.type === 'element' || ((k.type === 'text' || k.type === 'cdata') && k.text.length))) {
        add(c, `<${c.local}> must be empty.`)
      }
      const id = attr(c, 'id')
      const cr = attr(c, 'canReorder') ?? 'yes'
      if (c.local === 'pc') {
        codes.push({ el: c, kind: 'pc', id, side, token: `${id}s`, canReorder: cr })
        collectInline(c, side, codes, scope)
        codes.push({ el: c, kind: 'pc-end', id, side, token: `${id}e`, canReorder: cr === 'firstNo' ? 'no' : cr })
      } else if (c.local === 'mrk') {
        codes.push({ el: c, kind: 'mrk', id, side, token: `m${id}`, canReorder: 'yes' })
        collectInline(c, side, codes, scope)
      } else if (c.local !== 'cp') {
        const token = c.local === 'ec' ? `${attr(c, 'startRef') ?? id}e` : c.local === 'sc' ? `${id}s` : `${id}`
        codes.push({ el: c, kind: c.local, id, side, token, canReorder: cr })
      }
      // Data references.
      for (const name of ['dataRef', 'dataRefStart', 'dataRefEnd']) {
        const ref = attr(c, name)
        if (ref !== undefined && !scope.dataIds.has(ref)) add(c, `${name}="${ref}" does not match any <data> of this unit.`)
      }
      // Comment annotations and references.
      if (c.local === 'mrk' || c.local === 'sm') {
        const ref = attr(c, 'ref')
        const value = attr(c, 'value')
        if (attr(c, 'type') === 'comment') {
          if ((ref === undefined) === (value === undefined)) add(c, 'A comment annotation needs either value or ref (not both, not neither).')
          if (ref !== undefined && ref.startsWith('#') && !commentRefOk(ref, scope)) add(c, `The comment ref "${ref}" must point to a <note> of this unit.`)
        }
        if (ref !== undefined) {
          const problem = fragmentProblem(ref)
          if (problem) add(c, `Invalid fragment identifier "${ref}": ${problem}.`)
        }
      }
    }
  }

  function commentRefOk(ref: string, scope: UnitScope): boolean {
    const sel = ref.slice(1).replace(/^\//, '').split('/')
    const last = sel[sel.length - 1]
    if (!last.startsWith('n=')) return false
    const absolute = ref.startsWith('#/') || sel[0].startsWith('f=')
    if (!absolute) return sel.length === 1 && scope.noteIds.has(last.slice(2))
    const hasUnit = sel.some((s) => s.startsWith('u='))
    return hasUnit
  }

  function checkCodes(scope: UnitScope, source: Code[], target: Code[], segmentsWithTarget: XmlElement[], unitIds: Set<string>): void {
    const unitId = attr(scope.unit, 'id')
    for (const [side, codes] of [['source', source], ['target', target]] as const) {
      const ids = new Map<string, Code>()
      const openSc = new Map<string, Code>()
      const scs = new Map<string, Code>()
      const sms = new Set<string>()
      const ecStarts = new Set(codes.filter((c) => c.kind === 'ec').map((c) => attr(c.el, 'startRef')).filter(Boolean) as string[])
      for (const code of codes) {
        const el = code.el
        if (code.kind === 'pc-end') continue
        const id = code.id
        if (id !== undefined && code.kind !== 'ec') {
          if (ids.has(id)) add(el, `The id "${id}" is used twice in the ${side} of unit "${unitId}".`)
          ids.set(id, code)
        }
        if (code.kind === 'sc') {
          scs.set(id ?? '', code)
          openSc.set(id ?? '', code)
          const hasEnd = ecStarts.has(id ?? '')
          if (attr(el, 'isolated') === 'yes' && hasEnd) add(el, `<sc id="${id}"> is marked isolated but its <ec> is in the same unit.`)
          if (attr(el, 'isolated') !== 'yes' && !hasEnd) add(el, `<sc id="${id}"> has no <ec> in this unit; mark it isolated="yes".`)
        }
        if (code.kind === 'ec') {
          const startRef = attr(el, 'startRef')
          const isolated = attr(el, 'isolated') === 'yes'
          if (isolated) {
            if (startRef !== undefined) add(el, 'An isolated <ec> uses id, not startRef.')
            if (id === undefined) add(el, 'An isolated <ec> needs an id.')
            else if (scs.has(id) || codes.some((k) => k.kind === 'sc' && k.id === id)) add(el, `<ec id="${id}"> is marked isolated but its <sc> is in the same unit.`)
            if (id !== undefined) {
              if (ids.has(id)) add(el, `The id "${id}" is used twice in the ${side} of unit "${unitId}".`)
              ids.set(id, code)
            }
          } else {
            if (id !== undefined) add(el, 'A non-isolated <ec> cannot have an id (it points to its <sc> with startRef).')
            if (startRef === undefined) {
              add(el, codes.some((k) => k.kind === 'sc' && k.id === id) || id === undefined ? '<ec> needs startRef.' : `<ec id="${id}"> has no <sc> in this unit; mark it isolated="yes".`)
            } else {
              const sc = openSc.get(startRef)
              if (!sc) add(el, `<ec startRef="${startRef}"> comes before (or without) its <sc>.`)
              else {
                openSc.delete(startRef)
                // canCopy, canDelete and canOverlap must match (absent means yes). The others may be left off
                // the <ec> (XLIFF 2.1 dropped that constraint) but must not contradict the <sc>.
                for (const a of ['canCopy', 'canDelete', 'canOverlap']) {
                  if ((attr(sc.el, a) ?? 'yes') !== (attr(el, a) ?? 'yes')) add(el, `<ec> and its <sc id="${startRef}"> disagree on ${a}.`)
                }
                for (const a of ['copyOf', 'dir', 'type', 'subType']) {
                  const onEc = attr(el, a)
                  if (onEc !== undefined && attr(sc.el, a) !== onEc) add(el, `<ec> and its <sc id="${startRef}"> disagree on ${a}.`)
                }
                const scr = attr(sc.el, 'canReorder') ?? 'yes'
                const ecr = attr(el, 'canReorder') ?? 'yes'
                if (scr === 'firstNo' ? ecr !== 'no' : scr !== ecr) add(el, `<ec> and its <sc id="${startRef}"> disagree on canReorder.`)
              }
            }
          }
        }
        if (code.kind === 'sm') sms.add(id ?? '')
        if (code.kind === 'em') {
          const sr = attr(el, 'startRef') ?? ''
          if (!sms.has(sr)) add(el, `<em startRef="${sr}"> comes before (or without) its <sm>.`)
        }
        // copyOf.
        const copyOf = attr(el, 'copyOf')
        if (copyOf !== undefined) {
          if (attr(el, 'dataRef') !== undefined || attr(el, 'dataRefStart') !== undefined || attr(el, 'dataRefEnd') !== undefined) add(el, 'copyOf cannot be combined with a data reference.')
          const base = [...source, ...target].find((k) => k.id === copyOf && k.kind !== 'pc-end' && k.el !== el && attr(k.el, 'copyOf') === undefined)
          if (!base) add(el, `copyOf="${copyOf}" does not match any code of this unit.`)
          else if (attr(base.el, 'canCopy') === 'no') add(el, `copyOf="${copyOf}" copies a code marked canCopy="no".`)
        }
        // subFlows point to units of the same file.
        for (const name of ['subFlows', 'subFlowsStart', 'subFlowsEnd']) {
          const val = attr(el, name)
          if (val === undefined) continue
          for (const ref of val.trim().split(/\s+/)) if (NMTOKEN.test(ref) && !unitIds.has(ref)) add(el, `${name} refers to "${ref}", which is not a unit of this file.`)
        }
        // Reordering context: firstNo/no codes cannot be deleted or copied.
        const cr = attr(el, 'canReorder')
        if ((cr === 'firstNo' || cr === 'no') && (attr(el, 'canDelete') !== 'no' || attr(el, 'canCopy') !== 'no')) {
          add(el, `A code with canReorder="${cr}" must also have canDelete="no" and canCopy="no".`)
        }
      }
    }
    // Every annotation start needs its end in the same unit (a lone <sm> marks nothing).
    for (const codes of [source, target]) {
      const ended = new Set(codes.filter((c) => c.kind === 'em').map((c) => attr(c.el, 'startRef')))
      for (const sm of codes.filter((c) => c.kind === 'sm')) if (!ended.has(sm.id)) add(sm.el, `<sm id="${sm.id}"> has no <em> in unit "${unitId}".`)
    }
    // Sequences that cannot be reordered: firstNo followed by no … must appear unchanged in the target.
    const sequences: string[][] = []
    let current: string[] | null = null
    for (const code of source) {
      if (code.kind === 'mrk' || code.kind === 'sm' || code.kind === 'em') continue
      if (code.canReorder === 'firstNo') {
        current = [code.token]
        sequences.push(current)
      } else if (code.canReorder === 'no') {
        if (!current) add(code.el, 'A code with canReorder="no" must follow a code with canReorder="firstNo".')
        else current.push(code.token)
      } else current = null
    }
    if (target.length) {
      const tokens = target.filter((c) => c.kind !== 'mrk' && c.kind !== 'sm' && c.kind !== 'em').map((c) => c.token)
      for (const seq of sequences) {
        const at = tokens.indexOf(seq[0])
        if (at < 0) continue
        if (tokens.slice(at, at + seq.length).join(' ') !== seq.join(' ')) add(scope.unit, `Codes ${seq.join(', ')} cannot be reordered, but the target changes their sequence.`)
      }
    }
    // Codes that cannot be deleted must be in the target when their segment is translated.
    const targetIds = new Set(target.map((c) => c.token))
    for (const seg of segmentsWithTarget) {
      const src = seg.children.find((c): c is XmlElement => c.type === 'element' && c.local === 'source')
      if (!src) continue
      const inSeg: Code[] = []
      collectQuiet(src, inSeg)
      for (const code of inSeg) {
        if (attr(code.el, 'canDelete') === 'no' && !targetIds.has(code.token)) {
          add(code.el, `Code "${code.id ?? attr(code.el, 'startRef')}" cannot be deleted but is missing from the translation.`)
        }
      }
    }
  }

  function collectQuiet(container: XmlElement, out: Code[]): void {
    for (const c of container.children) {
      if (c.type !== 'element' || !isCore(c)) continue
      const id = attr(c, 'id')
      if (c.local === 'pc') {
        out.push({ el: c, kind: 'pc', id, side: 'source', token: `${id}s`, canReorder: '' })
        collectQuiet(c, out)
      } else if (c.local === 'mrk') collectQuiet(c, out)
      else if (['ph', 'sc'].includes(c.local)) out.push({ el: c, kind: c.local, id, side: 'source', token: c.local === 'sc' ? `${id}s` : `${id}`, canReorder: '' })
      else if (c.local === 'ec') out.push({ el: c, kind: 'ec', id, side: 'source', token: `${attr(c, 'startRef') ?? id}e`, canReorder: '' })
    }
  }

  if (ns === XLIFF20_NS || ns === XLIFF22_NS) v.push(...validateModules(root))
  return v
}

/** Syntax of an XLIFF fragment identifier (the part after "#"); null when valid. */
export function fragmentProblem(ref: string): string | null {
  const hash = ref.indexOf('#')
  if (hash < 0) return null
  let frag = ref.slice(hash + 1)
  if (!frag) return 'empty fragment'
  const absolute = frag.startsWith('/')
  if (absolute) frag = frag.slice(1)
  const parts = frag.split('/')
  if (parts.length === 1 && !parts[0].includes('=')) return absolute ? 'an absolute reference needs selectors' : NMTOKEN.test(parts[0]) ? null : 'bad id'
  const seen = new Set<string>()
  const rank: Record<string, number> = { f: 0, g: 1, u: 2 }
  let lastRank = -1
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]
    const eq = p.indexOf('=')
    if (eq < 0) return `"${p}" is not a prefix=id selector`
    const prefix = p.slice(0, eq)
    const id = p.slice(eq + 1)
    if (!NMTOKEN.test(prefix)) return `the prefix "${prefix}" is not a valid NMTOKEN`
    if (!NMTOKEN.test(id)) return `the id "${id}" is not a valid NMTOKEN`
    if (prefix.length === 1 && !CORE_SELECTORS.has(prefix)) return `the prefix "${prefix}" is too short for an extension and not a core selector`
    if (prefix.length > 1 && !REGISTERED_PREFIXES.has(prefix)) return `the prefix "${prefix}" is not registered`
    if (prefix !== 'g' && seen.has(prefix)) return `the prefix "${prefix}" appears twice`
    seen.add(prefix)
    const r = rank[prefix]
    if (r !== undefined) {
      if (r < lastRank) return `"${prefix}=" cannot come after a more specific selector`
      lastRank = r
    } else if (i !== parts.length - 1) return `"${prefix}=" must be the last selector`
  }
  if (absolute && !parts[0].startsWith('f=')) return 'an absolute reference starts with f='
  return null
}
