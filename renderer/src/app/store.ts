// App-wide state: who I am (role), settings, online status with the pending count, and jobs.
import { create } from 'zustand'
import type { Role } from '../../../shared/contract/define.ts'
import type { Job } from '../../../shared/contract/jobs.ts'
import type { CatalogueInfo, HEALTH_STATES, OnlineStatus, Settings } from '../../../shared/contract/system.ts'
import { api, transport } from '../api/client.ts'

interface AppState {
  /** Who is calling is known (until then no section is shown: a translator never sees the owner's). */
  ready: boolean
  role: Role
  dataDir: string
  version: string
  /** Which catalogue is open: the firm's or the sample (system/demo). */
  catalogue: CatalogueInfo | null
  settings: Settings | null
  online: OnlineStatus
  connected: boolean
  jobs: Record<string, Job>
  jobsOpen: boolean
  /** Anything but "ok": the catalogue cannot be used and only the way out is shown (RescuePage). */
  health: (typeof HEALTH_STATES)[number]
  load(): Promise<void>
  setSettings(s: Settings): void
  setJobsOpen(open: boolean): void
}

export const useApp = create<AppState>((set, get) => ({
  ready: false,
  role: 'owner',
  dataDir: '',
  version: '',
  catalogue: null,
  settings: null,
  online: { online: null, checkedAt: null, target: null, pending: 0 },
  connected: true,
  jobs: {},
  jobsOpen: false,
  health: 'ok',
  async load() {
    const [info, settings, online, jobs] = await Promise.all([
      api.system.info({}), api.system.getSettings({}), api.system.onlineStatus({}), api.jobs.list({ limit: 30 })
    ])
    set({
      ready: true,
      role: info.role, dataDir: info.dataDir, version: info.version, catalogue: info.catalogue, settings, online, health: info.health,
      jobs: Object.fromEntries(jobs.items.map((j) => [j.id, j]))
    })
  },
  setSettings: (settings) => set({ settings }),
  setJobsOpen: (jobsOpen) => set({ jobsOpen })

}))

// Core events keep the state fresh, whichever transport delivers them.
transport.subscribe((name, payload) => {
  if (name === 'online.status') useApp.setState({ online: payload as OnlineStatus })
  if (name === 'job.progress') {
    const job = payload as Job
    useApp.setState((s) => ({ jobs: { ...s.jobs, [job.id]: job } }))
  }
  // Another catalogue was opened (the sample, or back to the firm's): every screen starts again on it.
  if (name === 'data.changed' && (payload as { entity: string }).entity === 'catalogue') location.reload()
  if (name === 'data.changed' && (payload as { entity: string }).entity === 'settings') {
    void api.system.getSettings({}).then((settings) => useApp.setState({ settings }))
  }
  // A restore or recovery reopened the catalogue, or a backup found it damaged: ask again how it is.
  const change = payload as { entity?: string; all?: boolean }
  if (name === 'data.changed' && (change.entity === 'health' || (change.entity === '*' && change.all))) {
    void api.system.info({}).then((info) => useApp.setState({ health: info.health })).catch(() => undefined)
  }
})
transport.onConnection((connected) => useApp.setState({ connected }))

/** Until settings arrive (a stable reference: zustand selectors must not return new arrays). */
export const DEFAULT_TARGETS: string[] = ['en', 'zh-CN']
