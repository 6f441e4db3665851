// The import wizard's state: the file, what the core read from it, the mapping being edited, and
// the import (dry run, then apply) it led to. Kept here so leaving the page does not lose it.
import { create } from 'zustand'
import type { FileRef } from '../../../../shared/contract/files.ts'
import type { ColumnMapping, ImportSettings, Inspection, ReadOptions } from '../../../../shared/contract/spreadsheet.ts'
import { api, transport } from '../../api/client.ts'
import type { TargetOption } from './targets.ts'

export type Step = 'file' | 'mapping' | 'check' | 'apply'

interface ImportState {
  step: Step
  file: FileRef | null
  read: ReadOptions
  profile: string
  inspection: Inspection | null
  columns: ColumnMapping[]
  settings: Partial<ImportSettings>
  saveAs: string
  importId: string | null
  dryJobId: string | null
  applyJobId: string | null
  targets: TargetOption[]
  profiles: string[]
  busy: boolean
  set(patch: Partial<ImportState>): void
  loadLists(): Promise<void>
  inspect(file: FileRef, read?: ReadOptions, profile?: string): Promise<void>
  reset(): void
}

const EMPTY = {
  step: 'file' as Step, file: null, read: {}, profile: '', inspection: null, columns: [], settings: {}, saveAs: '',
  importId: null, dryJobId: null, applyJobId: null, busy: false
}

export const useImport = create<ImportState>((set, get) => ({
  ...EMPTY,
  targets: [],
  profiles: [],
  set: (patch) => set(patch),
  async loadLists() {
    const [targets, profiles] = await Promise.all([api.spreadsheet.targets({}), api.spreadsheet.listProfiles({})])
    set({ targets: targets.items, profiles: profiles.items.map((p) => p.name) })
  },
  async inspect(file, read = {}, profile = get().profile) {
    set({ busy: true, file })
    try {
      const inspection = await api.spreadsheet.inspect({ file, read, profile: profile || undefined })
      set({
        inspection, read: inspection.read, profile, step: 'mapping',
        columns: inspection.columns.map(({ confidence: _c, ...c }) => c),
        settings: { numberFormat: inspection.numberFormat, ...inspection.settings }
      })
    } finally {
      set({ busy: false })
    }
  },
  reset: () => set({ ...EMPTY })
}))

// A mapping saved here, in another window or from the command line shows up at once.
transport.subscribe((name, payload) => {
  if (name !== 'data.changed') return
  const entity = (payload as { entity: string }).entity
  if (entity === 'spreadsheet.profile' || entity === 'family' || entity === '*') void useImport.getState().loadLists().catch(() => undefined)
})
