// Settings live in the database (so backups carry them) as one JSON value per key.
// Areas can keep their own settings under their own key with get/set.
import type { z } from 'zod'
import { DEFAULT_SETTINGS, Settings } from '../../../shared/contract/system.ts'
import type { Db } from '../store/db.ts'
import type { EventBus } from '../events.ts'

export class SettingsStore {
  private readonly db: Db
  private readonly events: EventBus
  private cache: Settings | null = null

  constructor(db: Db, events: EventBus) {
    this.db = db
    this.events = events
  }

  /** A raw value stored under `key`, validated with `schema`; `fallback` when absent or invalid. */
  get<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined
    if (!row) return fallback
    const parsed = schema.safeParse(JSON.parse(row.value))
    return parsed.success ? parsed.data : fallback
  }

  set(key: string, value: unknown): void {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value))
    if (key === 'app') this.cache = null
    this.events.emit('data.changed', { entity: 'settings', ids: [key] })
  }

  app(): Settings {
    if (!this.cache) this.cache = { ...DEFAULT_SETTINGS, ...this.get('app', Settings.partial(), {}) } as Settings
    return this.cache
  }

  updateApp(patch: Partial<Settings>): Settings {
    const next = Settings.parse({ ...this.app(), ...patch })
    this.set('app', next)
    return this.app()
  }
}
