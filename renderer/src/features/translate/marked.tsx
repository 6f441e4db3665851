// Shows editor text with protected tags as chips (<1>, </1>, <2/>) and glossary terms highlighted.
import type { ReactNode } from 'react'
import type { UnitDetail } from '../../../../shared/contract/translation.ts'

const MARKER = /<\/?\d{1,4}\/?>/g

type Hit = UnitDetail['terms'][number]

export function MarkedText(props: { text: string; hits?: Hit[]; termTitle?: (h: Hit) => string }) {
  const out: ReactNode[] = []
  const hits = props.hits ?? []
  let last = 0
  let key = 0
  const pushText = (from: number, to: number) => {
    let pos = from
    for (const h of hits) {
      const hs = Math.max(h.index, from)
      const he = Math.min(h.index + h.length, to)
      if (he <= hs || hs < pos) continue
      if (hs > pos) out.push(props.text.slice(pos, hs))
      out.push(<mark key={`t${key++}`} className={`term term-${h.kind}`} title={props.termTitle?.(h)}>{props.text.slice(hs, he)}</mark>)
      pos = he
    }
    if (pos < to) out.push(props.text.slice(pos, to))
  }
  for (const m of props.text.matchAll(MARKER)) {
    pushText(last, m.index)
    out.push(<span key={`c${key++}`} className="tag-chip" aria-label={m[0]}>{m[0].replace(/[<>]/g, '')}</span>)
    last = m.index + m[0].length
  }
  pushText(last, props.text.length)
  return <>{out}</>
}

/** Length as a reader sees it: tag markers do not count. */
export function visibleLength(text: string): number {
  return [...text.replace(MARKER, '')].length
}

export function DiffView(props: { parts: Array<{ op: 'equal' | 'insert' | 'delete'; text: string }>; testId?: string }) {
  return (
    <span className="diff" data-testid={props.testId}>
      {props.parts.map((p, i) => {
        const text = <MarkedText text={p.text} />
        return p.op === 'equal' ? <span key={i}>{text}</span> : p.op === 'insert' ? <ins key={i}>{text}</ins> : <del key={i}>{text}</del>
      })}
    </span>
  )
}
