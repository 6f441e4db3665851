// Application-wide calls: information, settings, backups and restore, connectivity.
import { z } from 'zod'
import { call } from './define.ts'
import { FileRef } from './files.ts'
import { JobRef } from './jobs.ts'
import { LocaleCode, UiLanguage } from '../domain/locales.ts'
import { Currency } from '../domain/units.ts'

export const Settings = z.object({
  uiLanguage: UiLanguage,
  /** Catalogue languages besides Italian (the source). */
  targetLocales: z.array(LocaleCode).min(1).max(10),
  autoBackup: z.object({
    enabled: z.boolean(),
    /** Automatic backups kept: the newest of each of the last `keep` days… */
    keep: z.number().int().min(1).max(60),
    /** …of each of the last `weeks` weeks… */
    weeks: z.number().int().min(0).max(52).default(4),
    /** …and of each of the last `months` months. The newest verified backup is always kept. */
    months: z.number().int().min(0).max(120).default(12)
  }),
  /** Browser mode: also listen on the office network (off: 127.0.0.1 only). */
  lanAccess: z.boolean(),
  /** Desktop app: download new versions in the background when online and install them on quit. */
  updates: z.object({ enabled: z.boolean() }),
  /** The firm: its name, where it is, and the currency of its price lists (prices without one). */
  firm: z.object({
    name: z.string().trim().max(200),
    country: z.string().regex(/^[A-Z]{2}$/, 'country must be a 2-letter ISO code'),
    region: z.string().trim().max(80),
    currency: Currency
  })
})
export type Settings = z.infer<typeof Settings>

export const DEFAULT_SETTINGS: Settings = {
  uiLanguage: 'it',
  targetLocales: ['en', 'zh-CN'],
  autoBackup: { enabled: true, keep: 7, weeks: 4, months: 12 },
  lanAccess: false,
  updates: { enabled: true },
  firm: { name: '', country: 'IT', region: '', currency: 'EUR' }
}

export const BackupInfo = z.object({
  fileName: z.string(),
  path: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
  automatic: z.boolean(),
  /** Read back and checked in full (database, every photo's bytes) after it was written. */
  verified: z.boolean().default(false),
  verifiedAt: z.string().nullable().default(null),
  /** Products in the backup (known once verified). */
  products: z.number().int().nullable().default(null)
})
export type BackupInfo = z.infer<typeof BackupInfo>

export const HEALTH_STATES = ['ok', 'damaged', 'unreadable', 'missing', 'newer'] as const
export const CatalogHealth = z.object({
  /** ok; damaged (opens, but SQLite found damage); unreadable; missing (the folder had a catalogue); newer (from a newer Vetrina). */
  state: z.enum(HEALTH_STATES),
  /** SQLite's own words for the first problem (a detail line, not a sentence). */
  problem: z.string().nullable(),
  checkedAt: z.string(),
  /** The way out: the newest backup that was checked in full. */
  newestGoodBackup: BackupInfo.nullable(),
  /** "Recover what is readable" applies (the catalogue opens, with damage). */
  canRecover: z.boolean(),
  /** "Start an empty catalogue" applies (the catalogue is missing). */
  canStartEmpty: z.boolean()
})
export type CatalogHealth = z.infer<typeof CatalogHealth>

export const LINK_ROLES = ['translator'] as const
export const AccessLink = z.object({
  id: z.string(),
  role: z.enum(['owner', 'translator']),
  label: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** active, expired or revoked */
  status: z.enum(['active', 'expired', 'revoked'])
})
export type AccessLink = z.infer<typeof AccessLink>

export const OnlineStatus = z.object({
  /** null while the first probe has not answered yet. */
  online: z.boolean().nullable(),
  checkedAt: z.string().nullable(),
  /** What was probed (the publishing target's gateway). */
  target: z.string().nullable(),
  /** Jobs waiting for the network (publishing, machine translation). */
  pending: z.number().int()
})
export type OnlineStatus = z.infer<typeof OnlineStatus>

/** Which catalogue is open: the firm's, or the sample catalogue Vetrina makes (its own folder). */
export const CatalogueInfo = z.object({
  /** This is the sample catalogue: the UI says so everywhere; it publishes to the built-in sandbox only. */
  demo: z.boolean(),
  /** It was opened from the firm's catalogue, which one click opens again. */
  canGoBack: z.boolean(),
  /** A sample catalogue is ready to open beside the firm's (else opening it makes it first). */
  demoReady: z.boolean()
})
export type CatalogueInfo = z.infer<typeof CatalogueInfo>

export const system = {
  info: call({
    summary: 'Version, data folder and database facts.',
    roles: ['owner', 'translator'],
    input: z.object({}).default({}),
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      schemaVersion: z.number().int(),
      sourceLocale: z.string(),
      role: z.enum(['owner', 'translator']),
      catalogue: CatalogueInfo,
      /** Anything but "ok": the UI shows only the way out (see system.health). */
      health: z.enum(HEALTH_STATES).default('ok')
    })
  }),
  openDemo: call({
    summary: 'Open the sample catalogue (about 30 products of a winery, a leather workshop and a ceramics maker) in its own folder, making it first when needed; the firm\'s catalogue is left as it is. A job: the catalogue is switched when it ends.',
    input: z.object({ fresh: z.boolean().default(false) }).default({ fresh: false }),
    output: JobRef
  }),
  closeDemo: call({
    summary: 'Leave the sample catalogue and open the firm\'s catalogue again (a job: switched when it ends).',
    input: z.object({}).default({}),
    output: JobRef
  }),
  health: call({
    summary: 'Whether the catalogue is sound, and the way out when it is not.',
    roles: ['owner', 'translator'],
    input: z.object({}).default({}),
    output: CatalogHealth
  }),
  recover: call({
    summary: 'Copy what can still be read from a damaged catalogue into a new one (the damaged one is kept aside).',
    input: z.object({}).default({}),
    output: JobRef
  }),
  startEmpty: call({
    summary: 'The catalogue is missing: start an empty one on purpose (what is in the folder stays).',
    input: z.object({ confirm: z.literal(true) }),
    output: z.object({ started: z.boolean() })
  }),
  listLinks: call({
    summary: 'Browser-mode links given to other people, with their expiry.',
    input: z.object({ includeInactive: z.boolean().default(false) }).default({ includeInactive: false }),
    output: z.object({ items: z.array(AccessLink) })
  }),
  revokeLink: call({
    summary: 'Revoke a link: it stops working at once, and so do the sessions opened with it.',
    input: z.object({ id: z.string().min(1).max(64) }),
    output: AccessLink
  }),
  getSettings: call({ summary: 'Current settings.', roles: ['owner', 'translator'], input: z.object({}).default({}), output: Settings }),
  updateSettings: call({ summary: 'Change some settings.', input: Settings.partial(), output: Settings }),
  backup: call({
    summary: 'Write a backup archive (database + media) now.',
    input: z.object({ path: z.string().max(4096).optional() }).default({}),
    output: JobRef,
    paths: { path: 'write' }
  }),
  listBackups: call({ summary: 'Backups in the data folder, newest first.', input: z.object({}).default({}), output: z.object({ items: z.array(BackupInfo) }) }),
  restore: call({
    summary: 'Check a backup archive, then replace the catalogue with it (the current one is kept aside).',
    input: z.object({ file: FileRef }),
    output: JobRef,
    paths: { file: 'read' }
  }),
  restoreListed: call({
    summary: 'Restore one of the backups in the data folder (by its name in listBackups): works in every mode, with no file path.',
    /** A backup's fileName as listBackups gives it; anything else is refused (no path reaches the core). */
    input: z.object({ name: z.string().min(1).max(255) }),
    output: JobRef
  }),
  onlineStatus: call({ summary: 'Connectivity and pending work.', roles: ['owner', 'translator'], input: z.object({}).default({}), output: OnlineStatus }),
  checkOnline: call({ summary: 'Probe the network now.', roles: ['owner', 'translator'], input: z.object({}).default({}), output: OnlineStatus })
}
