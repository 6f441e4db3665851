// A small reader for the calls that emit messages in the core's sources (`new AppError('code', …,
// { params: { … } })`, `msg('ns:key', { … })`, `fail('code', …)` …): it finds each call, splits its
// arguments (strings, template literals, comments and nesting respected) and reads a code or key
// and the names of the params object, so the catalogue test can check both against the sentences.

export interface Call {
  file: string
  line: number
  args: string[]
}

/** Index just after the string, template or comment starting at i (or i when there is none). */
function skip(src: string, i: number): number {
  const c = src[i]
  if (c === "'" || c === '"') {
    for (let j = i + 1; j < src.length; j++) {
      if (src[j] === '\\') j++
      else if (src[j] === c) return j + 1
    }
    return src.length
  }
  if (c === '`') {
    for (let j = i + 1; j < src.length; j++) {
      if (src[j] === '\\') j++
      else if (src[j] === '`') return j + 1
      else if (src[j] === '$' && src[j + 1] === '{') j = closing(src, j + 1) - 1
    }
    return src.length
  }
  if (c === '/' && src[i + 1] === '/') {
    const end = src.indexOf('\n', i)
    return end < 0 ? src.length : end
  }
  if (c === '/' && src[i + 1] === '*') {
    const end = src.indexOf('*/', i + 2)
    return end < 0 ? src.length : end + 2
  }
  return i
}

/** Index just after the bracket that closes the one at `open`. */
function closing(src: string, open: number): number {
  let depth = 0
  for (let i = open; i < src.length; ) {
    const next = skip(src, i)
    if (next !== i) {
      i = next
      continue
    }
    const c = src[i]
    if (c === '(' || c === '{' || c === '[') depth++
    else if (c === ')' || c === '}' || c === ']') {
      depth--
      if (depth === 0) return i + 1
    }
    i++
  }
  return src.length
}

/** Top-level pieces of a list separated by commas (arguments, object members). */
export function splitTopLevel(inner: string): string[] {
  const out: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < inner.length; ) {
    const next = skip(inner, i)
    if (next !== i) {
      i = next
      continue
    }
    const c = inner[i]
    if (c === '(' || c === '{' || c === '[') depth++
    else if (c === ')' || c === '}' || c === ']') depth--
    else if (c === ',' && depth === 0) {
      out.push(inner.slice(start, i).trim())
      start = i + 1
    }
    i++
  }
  const last = inner.slice(start).trim()
  if (last) out.push(last)
  return out
}

/** Every call of `name(` in a source (the pattern is matched as written, e.g. "new AppError("). */
export function findCalls(file: string, src: string, name: string): Call[] {
  const out: Call[] = []
  const re = new RegExp(`(^|[^\\w.$])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\(`, 'g')
  for (const m of src.matchAll(re)) {
    if (/function\s*$/.test(src.slice(Math.max(0, m.index - 12), m.index + m[1].length))) continue // a declaration, not a call
    const open = m.index + m[0].length - 1
    const end = closing(src, open)
    out.push({ file, line: src.slice(0, m.index).split('\n').length, args: splitTopLevel(src.slice(open + 1, end - 1)) })
  }
  return out
}

/** The text of a string literal; a template literal gives its text with each ${…} as "*"; else null. */
export function literal(arg: string | undefined): string | null {
  if (!arg) return null
  const a = arg.trim()
  if (/^'([^'\\]|\\.)*'$/.test(a) || /^"([^"\\]|\\.)*"$/.test(a)) return a.slice(1, -1)
  if (a.startsWith('`') && a.endsWith('`') && skip(a, 0) === a.length) {
    let out = ''
    for (let i = 1; i < a.length - 1; i++) {
      if (a[i] === '$' && a[i + 1] === '{') {
        i = closing(a, i + 1) - 1
        out += '*'
      } else out += a[i]
    }
    return out
  }
  return null
}

/** Keys of an object literal ({ a, b: 1, 'c': 2 }); null when it is not one or spreads another object. */
export function objectKeys(arg: string | undefined): Set<string> | null {
  if (!arg) return null
  const a = arg.trim()
  if (!a.startsWith('{') || closing(a, 0) !== a.length) return null
  const keys = new Set<string>()
  for (const member of splitTopLevel(a.slice(1, -1))) {
    if (member.startsWith('...')) return null
    const m = /^(?:'([^']+)'|"([^"]+)"|([A-Za-z_$][\w$]*))\s*(?::|$|\()/.exec(member)
    if (!m) return null
    keys.add(m[1] ?? m[2] ?? m[3])
  }
  return keys
}

/** The value of `name:` in an object literal argument ({ params: { … }, issues }), or undefined. */
export function member(arg: string | undefined, name: string): string | undefined {
  if (!arg) return undefined
  const a = arg.trim()
  if (!a.startsWith('{') || closing(a, 0) !== a.length) return undefined
  for (const m of splitTopLevel(a.slice(1, -1))) {
    const hit = new RegExp(`^${name}\\s*:\\s*([\\s\\S]*)$`).exec(m)
    if (hit) return hit[1].trim()
    if (m === name) return name
  }
  return undefined
}

/** Object literals holding `code: '<literal>'` (issue and problem records), with their text and line. */
export function objectsWithCode(file: string, src: string): Array<{ file: string; line: number; code: string; text: string }> {
  const out: Array<{ file: string; line: number; code: string; text: string }> = []
  for (const m of src.matchAll(/(^|[^\w$])code\s*:\s*(['"`])/g)) {
    const at = m.index + m[1].length
    // Walk back to the `{` that opens the object holding this member.
    let depth = 0
    let open = -1
    for (let i = at - 1; i >= 0; i--) {
      const c = src[i]
      if (c === '}' || c === ')' || c === ']') depth++
      else if (c === '{' || c === '(' || c === '[') {
        if (depth === 0) {
          open = c === '{' ? i : -1
          break
        }
        depth--
      }
    }
    if (open < 0) continue
    const text = src.slice(open, closing(src, open))
    const code = literal(member(text, 'code'))
    if (code === null) continue
    out.push({ file, line: src.slice(0, at).split('\n').length, code, text })
  }
  return out
}

/** The two results of `cond ? a : b` at the top level of an expression, else null. */
export function ternaryBranches(expr: string): [string, string] | null {
  let depth = 0
  let q = -1
  for (let i = 0; i < expr.length; ) {
    const next = skip(expr, i)
    if (next !== i) {
      i = next
      continue
    }
    const c = expr[i]
    if (c === '(' || c === '{' || c === '[') depth++
    else if (c === ')' || c === '}' || c === ']') depth--
    else if (depth === 0 && c === '?' && expr[i + 1] !== '?' && expr[i + 1] !== '.' && expr[i - 1] !== '?') {
      if (q < 0) q = i
    } else if (depth === 0 && c === ':' && q >= 0) return [expr.slice(q + 1, i).trim(), expr.slice(i + 1).trim()]
    i++
  }
  return null
}
