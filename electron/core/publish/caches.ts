// What the publisher keeps from the pavilion so that mapping and checks work offline: category
// rules per category × language, the category tree, and photobank uploads by content hash.
import type { PublishTarget } from '../../../shared/domain/publish.ts'
import type { Db } from '../store/db.ts'
import { parseRules, type SchemaField } from './schema-xml.ts'

export interface CachedRules {
  fields: SchemaField[]
  fetchedAt: string
}

export interface PavilionCategory {
  id: string
  parentId: string
  name: string
  cnName: string
  level: number
  leaf: boolean
}

export class RulesCache {
  private readonly db: Db
  private readonly parsed = new Map<string, CachedRules>()
  private readonly stmts

  constructor(db: Db) {
    this.db = db
    this.stmts = {
      get: db.prepare('SELECT xml, fetched_at FROM publish_schemas WHERE target = ? AND cat_id = ? AND language = ?'),
      stamp: db.prepare('SELECT fetched_at FROM publish_schemas WHERE target = ? AND cat_id = ? AND language = ?'),
      put: db.prepare(
        `INSERT INTO publish_schemas (target, cat_id, language, xml, fetched_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(target, cat_id, language) DO UPDATE SET xml = excluded.xml, fetched_at = excluded.fetched_at`
      ),
      putCategory: db.prepare(
        `INSERT INTO publish_categories (target, cat_id, parent_id, name, cn_name, level, leaf, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(target, cat_id) DO UPDATE SET parent_id = excluded.parent_id, name = excluded.name, cn_name = excluded.cn_name,
           level = excluded.level, leaf = excluded.leaf, fetched_at = excluded.fetched_at`
      ),
      categories: db.prepare('SELECT * FROM publish_categories WHERE target = ? ORDER BY level, name'),
      category: db.prepare('SELECT * FROM publish_categories WHERE target = ? AND cat_id = ?')
    }
  }

  get(target: PublishTarget, catId: string, language: string): CachedRules | null {
    const key = `${target}|${catId}|${language}`
    // Another process may have refreshed the rules: compare the stamp before trusting the parse.
    const stamp = this.stmts.stamp.get(target, catId, language) as { fetched_at: string } | undefined
    if (!stamp) return null
    const hit = this.parsed.get(key)
    if (hit && hit.fetchedAt === stamp.fetched_at) return hit
    const row = this.stmts.get.get(target, catId, language) as { xml: string; fetched_at: string } | undefined
    if (!row) return null
    const rules = { fields: parseRules(row.xml), fetchedAt: row.fetched_at }
    this.parsed.set(key, rules)
    return rules
  }

  /** Stores rules after checking they parse (a bad document never replaces a good one). */
  put(target: PublishTarget, catId: string, language: string, xml: string, now: string): CachedRules {
    const fields = parseRules(xml)
    this.stmts.put.run(target, catId, language, xml, now)
    const rules = { fields, fetchedAt: now }
    this.parsed.set(`${target}|${catId}|${language}`, rules)
    return rules
  }

  putCategory(target: PublishTarget, c: PavilionCategory, now: string): void {
    this.stmts.putCategory.run(target, c.id, c.parentId, c.name, c.cnName, c.level, c.leaf ? 1 : 0, now)
  }

  categories(target: PublishTarget): PavilionCategory[] {
    return (this.stmts.categories.all(target) as Array<Record<string, unknown>>).map(toCategory)
  }

  category(target: PublishTarget, catId: string): PavilionCategory | null {
    const row = this.stmts.category.get(target, catId) as Record<string, unknown> | undefined
    return row ? toCategory(row) : null
  }
}

function toCategory(r: Record<string, unknown>): PavilionCategory {
  return {
    id: String(r.cat_id), parentId: String(r.parent_id), name: String(r.name), cnName: String(r.cn_name),
    level: Number(r.level), leaf: r.leaf === 1
  }
}

export interface PhotobankImage {
  fileId: string
  url: string
}

export class PhotobankCache {
  private readonly stmts

  constructor(db: Db) {
    this.stmts = {
      get: db.prepare('SELECT file_id, url FROM publish_images WHERE target = ? AND account = ? AND sha256 = ?'),
      put: db.prepare('INSERT OR REPLACE INTO publish_images (target, account, sha256, file_id, url, bytes, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      count: db.prepare('SELECT count(*) AS n FROM publish_images WHERE target = ?'),
      pending: db.prepare('SELECT file_name, started_at FROM publish_image_uploads WHERE target = ? AND account = ? AND sha256 = ?'),
      begin: db.prepare('INSERT OR REPLACE INTO publish_image_uploads (target, account, sha256, file_name, started_at) VALUES (?, ?, ?, ?, ?)'),
      settle: db.prepare('DELETE FROM publish_image_uploads WHERE target = ? AND account = ? AND sha256 = ?')
    }
    this.db = db
  }

  private readonly db: Db

  /** An upload sent earlier whose outcome is unknown (lost reply, crash), if any. */
  pending(target: PublishTarget, account: string, sha256: string): { fileName: string; startedAt: string } | null {
    const row = this.stmts.pending.get(target, account, sha256) as { file_name: string; started_at: string } | undefined
    return row ? { fileName: row.file_name, startedAt: row.started_at } : null
  }

  /** Recorded (committed) before the image is sent. */
  beginUpload(target: PublishTarget, account: string, sha256: string, fileName: string, now: string): void {
    this.stmts.begin.run(target, account, sha256, fileName, now)
  }

  /** The image is in the photobank (reply or look-up): cache it, clear the pending record. */
  uploaded(target: PublishTarget, account: string, sha256: string, image: PhotobankImage, bytes: number, now: string): void {
    this.db.transaction(() => {
      this.put(target, account, sha256, image, bytes, now)
      this.stmts.settle.run(target, account, sha256)
    })()
  }

  /** The upload certainly did not happen (refused, never sent). */
  notUploaded(target: PublishTarget, account: string, sha256: string): void {
    this.stmts.settle.run(target, account, sha256)
  }

  get(target: PublishTarget, account: string, sha256: string): PhotobankImage | null {
    const row = this.stmts.get.get(target, account, sha256) as { file_id: string; url: string } | undefined
    return row ? { fileId: row.file_id, url: row.url } : null
  }

  put(target: PublishTarget, account: string, sha256: string, image: PhotobankImage, bytes: number, now: string): void {
    this.stmts.put.run(target, account, sha256, image.fileId, image.url, bytes, now)
  }

  count(target: PublishTarget): number {
    return (this.stmts.count.get(target) as { n: number }).n
  }
}
