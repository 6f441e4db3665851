// The top of a page: title (with a count or status beside it) and the page's actions at the right.
import type { ReactNode } from 'react'

export function PageHeader(props: { title: ReactNode; meta?: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-header">
      <div className="page-title">
        <h1>{props.title}</h1>
        {props.meta}
      </div>
      {props.children}
      {props.actions}
    </div>
  )
}
