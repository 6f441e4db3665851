// A search box with its icon; the browser's clear button empties it.
import { Search } from 'lucide-react'
import { Icon } from './Icon.tsx'

export function SearchInput(props: { value: string; onChange(v: string): void; placeholder?: string; 'aria-label': string; testId?: string; className?: string }) {
  return (
    <span className={`search-box${props.className ? ` ${props.className}` : ''}`}>
      <Icon icon={Search} size="md" />
      <input
        className="input search"
        type="search"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.placeholder}
        aria-label={props['aria-label']}
        data-testid={props.testId}
      />
    </span>
  )
}
