// The sandbox's own SQLite file: apps, sellers, tokens, photobank images and products. It keeps
// its state across restarts, so a firm can rehearse a bulk publish and look at the result later.
import Database from 'better-sqlite3'
import { createHmac, randomBytes } from 'node:crypto'

export type Db = Database.Database

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS apps (
  app_key TEXT PRIMARY KEY, app_secret TEXT NOT NULL, name TEXT NOT NULL,
  denied_methods TEXT NOT NULL DEFAULT '[]', created_at INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS sellers (id INTEGER PRIMARY KEY, login_id TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS tokens (
  access_token TEXT PRIMARY KEY, refresh_token TEXT NOT NULL UNIQUE, app_key TEXT NOT NULL, seller_id INTEGER NOT NULL,
  expires_at INTEGER NOT NULL, refresh_expires_at INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS auth_codes (
  code TEXT PRIMARY KEY, app_key TEXT NOT NULL, seller_id INTEGER NOT NULL, expires_at INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE IF NOT EXISTS images (
  file_id INTEGER PRIMARY KEY AUTOINCREMENT, seller_id INTEGER NOT NULL, sha256 TEXT NOT NULL, file_name TEXT NOT NULL,
  url_path TEXT NOT NULL, size INTEGER NOT NULL, mime TEXT NOT NULL, group_id TEXT, bytes BLOB NOT NULL, created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS images_seller ON images(seller_id, file_id);
CREATE INDEX IF NOT EXISTS images_path ON images(url_path);
CREATE TABLE IF NOT EXISTS products (
  id INTEGER PRIMARY KEY, encrypted_id TEXT NOT NULL UNIQUE, seller_id INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('product', 'draft')), cat_id INTEGER NOT NULL, language TEXT NOT NULL,
  subject TEXT NOT NULL, keywords TEXT NOT NULL, images TEXT NOT NULL, status TEXT NOT NULL, display TEXT NOT NULL,
  values_json TEXT NOT NULL, audit_due_at INTEGER, gmt_create INTEGER NOT NULL, gmt_modified INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS products_list ON products(seller_id, kind, language, gmt_modified DESC, id DESC);
CREATE INDEX IF NOT EXISTS products_audit ON products(audit_due_at) WHERE audit_due_at IS NOT NULL;
`

export interface AppRow { app_key: string; app_secret: string; name: string; denied_methods: string }
export interface TokenRow {
  access_token: string; refresh_token: string; app_key: string; seller_id: number
  expires_at: number; refresh_expires_at: number; revoked: number
}
export interface ImageRow {
  file_id: number; seller_id: number; sha256: string; file_name: string; url_path: string; size: number; mime: string
  group_id: string | null; created_at: number
}
export interface ProductRow {
  id: number; encrypted_id: string; seller_id: number; kind: 'product' | 'draft'; cat_id: number; language: string
  subject: string; keywords: string; images: string; status: string; display: string; values_json: string
  audit_due_at: number | null; gmt_create: number; gmt_modified: number
}

const FIRST_PRODUCT_ID = 1_600_000_000_000

export class SandboxStore {
  readonly db: Db
  private readonly idSecret: string
  private readonly stmts

  constructor(file: string) {
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('busy_timeout = 5000')
    this.db.exec(SCHEMA)
    this.idSecret = this.meta('id_secret') ?? this.setMeta('id_secret', randomBytes(16).toString('hex'))
    const db = this.db
    this.stmts = {
      app: db.prepare('SELECT * FROM apps WHERE app_key = ?'),
      token: db.prepare('SELECT * FROM tokens WHERE access_token = ?'),
      tokenByRefresh: db.prepare('SELECT * FROM tokens WHERE refresh_token = ?'),
      image: db.prepare('SELECT file_id, seller_id, sha256, file_name, url_path, size, mime, group_id, created_at FROM images WHERE file_id = ?'),
      imageBytes: db.prepare('SELECT bytes, mime FROM images WHERE url_path = ? ORDER BY file_id LIMIT 1'),
      imagePathExists: db.prepare('SELECT 1 FROM images WHERE url_path = ? AND seller_id = ? LIMIT 1'),
      insertImage: db.prepare(
        'INSERT INTO images (seller_id, sha256, file_name, url_path, size, mime, group_id, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
      ),
      product: db.prepare('SELECT * FROM products WHERE id = ?'),
      productByEncrypted: db.prepare('SELECT * FROM products WHERE encrypted_id = ?'),
      maxProductId: db.prepare('SELECT max(id) AS id FROM products'),
      insertProduct: db.prepare(
        `INSERT INTO products (id, encrypted_id, seller_id, kind, cat_id, language, subject, keywords, images, status, display, values_json, audit_due_at, gmt_create, gmt_modified)
         VALUES (@id, @encrypted_id, @seller_id, @kind, @cat_id, @language, @subject, @keywords, @images, @status, @display, @values_json, @audit_due_at, @gmt_create, @gmt_modified)`
      ),
      updateProduct: db.prepare(
        `UPDATE products SET subject = @subject, keywords = @keywords, images = @images, status = @status, display = @display,
           values_json = @values_json, audit_due_at = @audit_due_at, gmt_modified = @gmt_modified WHERE id = @id`
      ),
      dueAudits: db.prepare('SELECT id, subject FROM products WHERE audit_due_at IS NOT NULL AND audit_due_at <= ?'),
      finishAudit: db.prepare('UPDATE products SET status = ?, display = ?, audit_due_at = NULL, gmt_modified = ? WHERE id = ?'),
      setDisplay: db.prepare('UPDATE products SET display = ?, gmt_modified = ? WHERE id = ?')
    }
  }

  meta(key: string): string | null {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null
  }

  setMeta(key: string, value: string): string {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value)
    return value
  }

  app(appKey: string): AppRow | undefined {
    return this.stmts.app.get(appKey) as AppRow | undefined
  }

  createApp(name: string, appKey = String(500_000 + Math.floor(Math.random() * 400_000)), appSecret = randomBytes(16).toString('hex')): AppRow {
    this.db.prepare('INSERT INTO apps (app_key, app_secret, name, created_at) VALUES (?, ?, ?, ?)').run(appKey, appSecret, name, Date.now())
    return this.app(appKey)!
  }

  setDeniedMethods(appKey: string, methods: string[]): void {
    this.db.prepare('UPDATE apps SET denied_methods = ? WHERE app_key = ?').run(JSON.stringify(methods), appKey)
  }

  ensureSeller(loginId: string, displayName: string): number {
    this.db.prepare('INSERT OR IGNORE INTO sellers (login_id, display_name) VALUES (?, ?)').run(loginId, displayName)
    return (this.db.prepare('SELECT id FROM sellers WHERE login_id = ?').get(loginId) as { id: number }).id
  }

  sellerName(id: number): string {
    return (this.db.prepare('SELECT display_name FROM sellers WHERE id = ?').get(id) as { display_name: string } | undefined)?.display_name ?? ''
  }

  token(accessToken: string): TokenRow | undefined {
    return this.stmts.token.get(accessToken) as TokenRow | undefined
  }

  tokenByRefresh(refreshToken: string): TokenRow | undefined {
    return this.stmts.tokenByRefresh.get(refreshToken) as TokenRow | undefined
  }

  issueToken(appKey: string, sellerId: number, now: number, ttlSeconds: number, refreshTtlSeconds: number): TokenRow {
    const access = `50000${randomBytes(20).toString('hex')}`
    const refresh = `50001${randomBytes(20).toString('hex')}`
    this.db
      .prepare('INSERT INTO tokens (access_token, refresh_token, app_key, seller_id, expires_at, refresh_expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(access, refresh, appKey, sellerId, now + ttlSeconds * 1000, now + refreshTtlSeconds * 1000, now)
    return this.token(access)!
  }

  /** Refresh: the old pair stops working, a new pair is issued. */
  rotateToken(old: TokenRow, now: number, ttlSeconds: number, refreshTtlSeconds: number): TokenRow {
    return this.db.transaction(() => {
      this.db.prepare('UPDATE tokens SET revoked = 1 WHERE access_token = ?').run(old.access_token)
      return this.issueToken(old.app_key, old.seller_id, now, ttlSeconds, refreshTtlSeconds)
    })()
  }

  expireAllTokens(now: number): number {
    return this.db.prepare('UPDATE tokens SET expires_at = ? WHERE revoked = 0 AND expires_at > ?').run(now - 1, now).changes
  }

  revokeAllTokens(): number {
    return this.db.prepare('UPDATE tokens SET revoked = 1 WHERE revoked = 0').run().changes
  }

  createAuthCode(appKey: string, sellerId: number, now: number): string {
    const code = `0_${randomBytes(12).toString('hex')}`
    this.db.prepare('INSERT INTO auth_codes (code, app_key, seller_id, expires_at) VALUES (?, ?, ?, ?)').run(code, appKey, sellerId, now + 30 * 60_000)
    return code
  }

  useAuthCode(code: string, appKey: string, now: number): number | null {
    const row = this.db.prepare('SELECT * FROM auth_codes WHERE code = ?').get(code) as { app_key: string; seller_id: number; expires_at: number; used: number } | undefined
    if (!row || row.used || row.app_key !== appKey || row.expires_at < now) return null
    this.db.prepare('UPDATE auth_codes SET used = 1 WHERE code = ?').run(code)
    return row.seller_id
  }

  addImage(input: { sellerId: number; sha256: string; fileName: string; size: number; mime: string; groupId: string | null; bytes: Buffer; now: number }): ImageRow {
    const ext = input.mime === 'image/png' ? 'png' : input.mime === 'image/gif' ? 'gif' : input.mime === 'image/webp' ? 'webp' : 'jpg'
    const urlPath = `/kf/H${input.sha256.slice(0, 32)}.${ext}`
    const r = this.stmts.insertImage.run(input.sellerId, input.sha256, input.fileName, urlPath, input.size, input.mime, input.groupId, input.bytes, input.now)
    return this.stmts.image.get(r.lastInsertRowid) as ImageRow
  }

  image(fileId: number): ImageRow | undefined {
    return this.stmts.image.get(fileId) as ImageRow | undefined
  }

  imageBytes(urlPath: string): { bytes: Buffer; mime: string } | undefined {
    return this.stmts.imageBytes.get(urlPath) as { bytes: Buffer; mime: string } | undefined
  }

  sellerHasImagePath(urlPath: string, sellerId: number): boolean {
    return !!this.stmts.imagePathExists.get(urlPath, sellerId)
  }

  listImages(sellerId: number, offset: number, limit: number): { total: number; rows: ImageRow[] } {
    const total = (this.db.prepare('SELECT count(*) AS n FROM images WHERE seller_id = ?').get(sellerId) as { n: number }).n
    const rows = this.db
      .prepare('SELECT file_id, seller_id, sha256, file_name, url_path, size, mime, group_id, created_at FROM images WHERE seller_id = ? ORDER BY file_id DESC LIMIT ? OFFSET ?')
      .all(sellerId, limit, offset) as ImageRow[]
    return { total, rows }
  }

  encryptId(id: number): string {
    return createHmac('sha256', this.idSecret).update(String(id)).digest('base64url').slice(0, 24)
  }

  insertProduct(row: Omit<ProductRow, 'id' | 'encrypted_id'>): ProductRow {
    const max = (this.stmts.maxProductId.get() as { id: number | null }).id
    const id = Math.max(max ?? 0, FIRST_PRODUCT_ID) + 1
    this.stmts.insertProduct.run({ ...row, id, encrypted_id: this.encryptId(id) })
    return this.product(id)!
  }

  updateProduct(row: ProductRow): void {
    this.stmts.updateProduct.run(row)
  }

  product(id: number): ProductRow | undefined {
    return this.stmts.product.get(id) as ProductRow | undefined
  }

  productByAnyId(id: string): ProductRow | undefined {
    if (/^\d{1,16}$/.test(id)) return this.product(Number(id))
    return this.stmts.productByEncrypted.get(id) as ProductRow | undefined
  }

  /** Finishes every audit that is due: approved and on display, or `tbd` when a reject rule hits. */
  applyDueAudits(now: number, rejects: (subject: string) => boolean): void {
    const due = this.stmts.dueAudits.all(now) as { id: number; subject: string }[]
    if (due.length === 0) return
    this.db.transaction(() => {
      for (const p of due) {
        const rejected = rejects(p.subject)
        this.stmts.finishAudit.run(rejected ? 'tbd' : 'approved', rejected ? 'N' : 'Y', now, p.id)
      }
    })()
  }

  setDisplay(id: number, display: 'Y' | 'N', now: number): void {
    this.stmts.setDisplay.run(display, now, id)
  }

  listProducts(filter: {
    sellerId: number; language: string; subject?: string; categoryId?: number; id?: number
    modifiedFrom?: number; modifiedTo?: number; offset: number; limit: number
  }): { total: number; rows: ProductRow[] } {
    const where = ["seller_id = ?", "kind = 'product'", 'language = ?']
    const args: unknown[] = [filter.sellerId, filter.language]
    if (filter.subject) {
      where.push("instr(lower(subject), lower(?)) > 0")
      args.push(filter.subject)
    }
    if (filter.categoryId !== undefined) { where.push('cat_id = ?'); args.push(filter.categoryId) }
    if (filter.id !== undefined) { where.push('id = ?'); args.push(filter.id) }
    if (filter.modifiedFrom !== undefined) { where.push('gmt_modified >= ?'); args.push(filter.modifiedFrom) }
    if (filter.modifiedTo !== undefined) { where.push('gmt_modified <= ?'); args.push(filter.modifiedTo) }
    const sqlWhere = where.join(' AND ')
    const total = (this.db.prepare(`SELECT count(*) AS n FROM products WHERE ${sqlWhere}`).get(...args) as { n: number }).n
    const rows = this.db
      .prepare(`SELECT * FROM products WHERE ${sqlWhere} ORDER BY gmt_modified DESC, id DESC LIMIT ? OFFSET ?`)
      .all(...args, filter.limit, filter.offset) as ProductRow[]
    return { total, rows }
  }

  /** Counts for tests and the admin endpoint. */
  counts(): { products: number; drafts: number; images: number; bySubject: Array<{ subject: string; n: number }> } {
    const c = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n
    return {
      products: c("SELECT count(*) AS n FROM products WHERE kind = 'product'"),
      drafts: c("SELECT count(*) AS n FROM products WHERE kind = 'draft'"),
      images: c('SELECT count(*) AS n FROM images'),
      bySubject: this.db.prepare("SELECT subject, count(*) AS n FROM products WHERE kind = 'product' GROUP BY subject, language HAVING n > 1").all() as Array<{ subject: string; n: number }>
    }
  }

  close(): void {
    this.db.close()
  }
}
