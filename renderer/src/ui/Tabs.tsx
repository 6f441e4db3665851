// Tabs on Radix Tabs: arrow keys move between tabs (roving focus), Home/End, ARIA tab roles.
// Simple case: <Tabs tabs active onChange>{panel}</Tabs>. When the tab list and the panel live
// apart (the product editor's sticky header), use TabsRoot + TabList + TabPanel.
import * as RT from '@radix-ui/react-tabs'
import type { ReactNode } from 'react'
import { Icon, type LucideIcon } from './Icon.tsx'

export interface TabDef<T extends string> {
  id: T
  label: ReactNode
  icon?: LucideIcon
  /** A count or a dot after the label. */
  badge?: ReactNode
  testId?: string
}

export function TabsRoot<T extends string>(props: { active: T; onChange(id: T): void; children: ReactNode; className?: string }) {
  return (
    <RT.Root value={props.active} onValueChange={(v) => props.onChange(v as T)} className={props.className}>
      {props.children}
    </RT.Root>
  )
}

export function TabList<T extends string>(props: { tabs: Array<TabDef<T>>; 'aria-label'?: string; variant?: 'line' | 'segmented'; className?: string }) {
  return (
    <RT.List className={`${props.variant === 'segmented' ? 'segmented' : 'tabs'} ${props.className ?? ''}`.trim()} aria-label={props['aria-label']}>
      {props.tabs.map((tab) => (
        <RT.Trigger key={tab.id} value={tab.id} data-testid={tab.testId}>
          {tab.icon && <Icon icon={tab.icon} size="md" />}
          {tab.label}
          {tab.badge}
        </RT.Trigger>
      ))}
    </RT.List>
  )
}

export function TabPanel(props: { value: string; children: ReactNode; className?: string }) {
  return <RT.Content value={props.value} className={props.className} tabIndex={-1}>{props.children}</RT.Content>
}

export function Tabs<T extends string>(props: { tabs: Array<TabDef<T>>; active: T; onChange(id: T): void; children?: ReactNode; 'aria-label'?: string; variant?: 'line' | 'segmented'; className?: string }) {
  return (
    <TabsRoot active={props.active} onChange={props.onChange} className={props.className}>
      <TabList tabs={props.tabs} aria-label={props['aria-label']} variant={props.variant} />
      {props.children !== undefined && <TabPanel value={props.active}>{props.children}</TabPanel>}
    </TabsRoot>
  )
}
