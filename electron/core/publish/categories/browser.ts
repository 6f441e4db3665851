// The pavilion category browser: the tree cached in SQLite (fetched level by level from
// alibaba.icbu.category.get.new, the rest on demand), breadcrumbs, search by English, Chinese and
// the firm's own Italian words, suggestions for a product, and the leaf check every link passes.
import { AppError } from '../../../../shared/contract/errors.ts'
import type { PublishTarget } from '../../../../shared/domain/publish.ts'
import type { Db } from '../../store/db.ts'
import type { PavilionCategory, RulesCache } from '../caches.ts'
import { PavilionError } from '../errors.ts'
import { englishFor, normalize, stem, words } from './vocabulary.ts'

export interface RemoteCategory {
  category_id: string
  name: string
  cn_name: string
  level: number
  leaf_category: boolean
  parent_ids: string[]
  child_ids: string[]
}

export interface CategoryHit {
  node: PavilionCategory
  path: PavilionCategory[]
  score: number
  /** What matched: the English or Chinese name, the Italian vocabulary, or words used before. */
  via: 'name' | 'chinese' | 'italian' | 'remembered'
}

export type FetchCategory = (target: PublishTarget, id: string, signal?: AbortSignal) => Promise<RemoteCategory>

const CJK = /[\u3400-\u9fff]/

export class CategoryBrowser {
  private readonly db: Db
  private readonly cache: RulesCache
  private readonly fetch: FetchCategory
  private readonly now: () => string
  private readonly stmts

  constructor(deps: { db: Db; cache: RulesCache; fetch: FetchCategory; now: () => string }) {
    this.db = deps.db
    this.cache = deps.cache
    this.fetch = deps.fetch
    this.now = deps.now
    this.stmts = {
      children: this.db.prepare('SELECT * FROM publish_categories WHERE target = ? AND parent_id = ? ORDER BY name'),
      fetched: this.db.prepare('SELECT children_fetched FROM publish_categories WHERE target = ? AND cat_id = ?'),
      markFetched: this.db.prepare('UPDATE publish_categories SET children_fetched = 1 WHERE target = ? AND cat_id = ?'),
      rootFetched: this.db.prepare("SELECT value FROM settings WHERE key = ?"),
      count: this.db.prepare('SELECT count(*) AS n, sum(leaf) AS leaves FROM publish_categories WHERE target = ?'),
      unfetched: this.db.prepare('SELECT cat_id FROM publish_categories WHERE target = ? AND leaf = 0 AND children_fetched = 0 ORDER BY level, cat_id LIMIT ?'),
      remember: this.db.prepare(
        `INSERT INTO publish_category_words (target, word, cat_id, uses, last_used_at) VALUES (?, ?, ?, 1, ?)
         ON CONFLICT(target, word, cat_id) DO UPDATE SET uses = uses + 1, last_used_at = excluded.last_used_at`
      ),
      remembered: this.db.prepare('SELECT word, cat_id, uses FROM publish_category_words WHERE target = ?')
    }
  }

  private toNode(r: RemoteCategory): PavilionCategory {
    return { id: String(r.category_id), parentId: r.parent_ids[r.parent_ids.length - 1] ?? '0', name: r.name, cnName: r.cn_name, level: r.level, leaf: r.leaf_category }
  }

  /** Fetches one node and caches it (and, with `withChildren`, every child node). */
  async load(target: PublishTarget, id: string, withChildren: boolean, signal?: AbortSignal): Promise<RemoteCategory> {
    const remote = await this.fetch(target, id, signal)
    if (id !== '0') this.cache.putCategory(target, this.toNode(remote), this.now())
    if (withChildren) {
      for (const child of remote.child_ids) {
        if (this.cache.category(target, child)) continue
        this.cache.putCategory(target, this.toNode(await this.fetch(target, child, signal)), this.now())
      }
      if (id === '0') this.db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?, 'true')").run(`publish.categories.root.${target}`)
      else this.stmts.markFetched.run(target, id)
    }
    return remote
  }

  childrenCached(target: PublishTarget, id: string): boolean {
    if (id === '0') return !!this.stmts.rootFetched.get(`publish.categories.root.${target}`)
    return (this.stmts.fetched.get(target, id) as { children_fetched: number } | undefined)?.children_fetched === 1
  }

  /** The children of a node, fetched now when not cached yet (offline: what the cache has). */
  async children(target: PublishTarget, parentId: string): Promise<{ items: PavilionCategory[]; complete: boolean; offline: boolean }> {
    let offline = false
    if (!this.childrenCached(target, parentId)) {
      try {
        await this.load(target, parentId, true)
      } catch (err) {
        if (!(err instanceof PavilionError) || err.kind === 'rejected') throw err
        offline = true
      }
    }
    const items = (this.stmts.children.all(target, parentId) as Array<Record<string, unknown>>).map((r) => this.cache.category(target, String(r.cat_id))!)
    return { items, complete: this.childrenCached(target, parentId), offline }
  }

  /** Root first, the node last. */
  path(target: PublishTarget, id: string): PavilionCategory[] {
    const out: PavilionCategory[] = []
    let node = this.cache.category(target, id)
    for (let guard = 0; node && guard < 20; guard++) {
      out.unshift(node)
      node = node.parentId === '0' ? null : this.cache.category(target, node.parentId)
    }
    return out
  }

  stats(target: PublishTarget): { nodes: number; leaves: number; pendingBranches: number } {
    const c = this.stmts.count.get(target) as { n: number; leaves: number | null }
    return { nodes: c.n, leaves: c.leaves ?? 0, pendingBranches: this.unfetched(target, 100_000).length + (this.childrenCached(target, '0') ? 0 : 1) }
  }

  unfetched(target: PublishTarget, limit: number): string[] {
    return (this.stmts.unfetched.all(target, limit) as Array<{ cat_id: string }>).map((r) => r.cat_id)
  }

  /** Remembers that these words led the firm to this leaf (search ranks it first next time). */
  remember(target: PublishTarget, text: string, catId: string): void {
    const at = this.now()
    for (const w of new Set(words(text).map(stem))) this.stmts.remember.run(target, w, catId, at)
  }

  search(target: PublishTarget, query: string, limit = 20): CategoryHit[] {
    const tokens = words(query)
    if (tokens.length === 0) return []
    const all = this.cache.categories(target)
    const byId = new Map(all.map((c) => [c.id, c]))
    const remembered = new Map<string, number>()
    for (const r of this.stmts.remembered.all(target) as Array<{ word: string; cat_id: string; uses: number }>) {
      if (tokens.some((t) => stem(t) === r.word)) remembered.set(r.cat_id, (remembered.get(r.cat_id) ?? 0) + r.uses)
    }
    const hits: CategoryHit[] = []
    for (const node of all) {
      const en = normalize(node.name)
      const enWords = en.split(/\s+/)
      let score = 0
      let via: CategoryHit['via'] = 'name'
      let matched = 0
      for (const t of tokens) {
        let best = 0
        if (CJK.test(t)) {
          if (node.cnName.includes(t)) best = node.cnName === t ? 4 : 3
          if (best) via = 'chinese'
        } else {
          if (enWords.includes(t) || enWords.includes(`${t}s`) || enWords.includes(t.replace(/s$/, ''))) best = 3
          else if (t.length >= 3 && enWords.some((w) => w.startsWith(t))) best = 2
          for (const phrase of englishFor(t)) {
            const p = normalize(phrase)
            const s = en === p ? 3.5 : ` ${en} `.includes(` ${p} `) || ` ${en} `.includes(` ${p.replace(/s$/, '')} `) ? 2.5 : 0
            if (s > best) {
              best = s
              via = 'italian'
            }
          }
        }
        if (best > 0) matched++
        score += best
      }
      const uses = remembered.get(node.id) ?? 0
      if (uses) {
        score += 6 + Math.min(uses, 10)
        via = 'remembered'
      }
      if (score <= 0) continue
      // Every word found counts more than one word found twice; leaves are what can be chosen.
      score += matched * 2 + (node.leaf ? 1 : 0) - node.level * 0.05
      hits.push({ node, path: [], score, via })
    }
    hits.sort((a, b) => b.score - a.score || a.node.name.localeCompare(b.node.name))
    return hits.slice(0, limit).map((h) => ({ ...h, path: this.pathFrom(byId, h.node) }))
  }

  private pathFrom(byId: Map<string, PavilionCategory>, node: PavilionCategory): PavilionCategory[] {
    const out: PavilionCategory[] = []
    for (let n: PavilionCategory | undefined = node, g = 0; n && g < 20; n = byId.get(n.parentId), g++) out.unshift(n)
    return out
  }

  /** Leaves for a product or a category: from its words (title, family, category names), best first. */
  suggest(target: PublishTarget, texts: string[], limit = 5): CategoryHit[] {
    const seen = new Set<string>()
    const out: CategoryHit[] = []
    for (const text of texts.filter(Boolean)) {
      for (const hit of this.search(target, text, 40)) {
        if (!hit.node.leaf || seen.has(hit.node.id)) continue
        seen.add(hit.node.id)
        out.push(hit)
      }
    }
    return out.sort((a, b) => b.score - a.score).slice(0, limit)
  }

  /**
   * Only leaves can be chosen. An id the cache does not know is looked up at the gateway; an
   * unknown or non-leaf id is refused naming the nearest valid choices. Offline, an id the cache
   * does not know cannot be checked: with `allowUnverified` it passes (null) and the rules download
   * checks it later; otherwise it is refused as unverifiable.
   */
  async checkLeaf(target: PublishTarget, id: string, allowUnverified = false, hint = ''): Promise<PavilionCategory | null> {
    let node = this.cache.category(target, id)
    if (!node) {
      try {
        await this.load(target, id, false)
        node = this.cache.category(target, id)
      } catch (err) {
        if (!(err instanceof PavilionError && err.kind === 'rejected')) {
          if (allowUnverified) return null
          throw new AppError('publish_category_unverified', `Category ${id} cannot be checked while Alibaba.com is not reachable; choose it from the list once online.`, { params: { id } })
        }
      }
    }
    if (!node) {
      const byWords = hint ? this.suggest(target, [hint], 3).map((h) => h.node) : []
      const choices = this.describe(target, byWords.length ? byWords : this.nearestById(target, id))
      throw new AppError('publish_category_unknown', `Alibaba.com has no category ${id}. Choose one from the list${choices ? `, for example: ${choices}` : ''}.`, { params: { id, choices } })
    }
    if (!node.leaf) {
      let leaves = (this.stmts.children.all(target, node.id) as Array<Record<string, unknown>>).map((r) => this.cache.category(target, String(r.cat_id))!)
      if (leaves.length === 0) leaves = (await this.children(target, node.id).catch(() => ({ items: [] as PavilionCategory[] }))).items
      // Leaves inside it that fit the firm's words first, then its other leaves.
      const inside = hint ? this.search(target, hint, 100).filter((h) => h.node.leaf && h.path.some((p) => p.id === node!.id)).map((h) => h.node) : []
      const ranked = [...inside, ...leaves.filter((l) => l.leaf), ...leaves.filter((l) => !l.leaf)].filter((n, i, all) => all.findIndex((x) => x.id === n.id) === i)
      const choices = this.describe(target, ranked.slice(0, 5))
      throw new AppError('publish_category_not_leaf', `"${node.name}" groups other categories; choose one inside it: ${choices}.`, { params: { id, name: node.name, cnName: node.cnName, choices } })
    }
    return node
  }

  /** Leaves whose ids are closest to a mistyped one (shared leading digits). */
  private nearestById(target: PublishTarget, id: string): PavilionCategory[] {
    const leaves = this.cache.categories(target).filter((c) => c.leaf)
    const common = (a: string) => {
      let i = 0
      while (i < a.length && a[i] === id[i]) i++
      return i
    }
    return leaves.sort((a, b) => common(b.id) - common(a.id) || Math.abs(a.id.length - id.length) - Math.abs(b.id.length - id.length)).slice(0, 3)
  }

  private describe(target: PublishTarget, nodes: PavilionCategory[]): string {
    return nodes.map((n) => `${this.path(target, n.id).map((p) => p.name).join(' › ') || n.name} (${n.id})`).join('; ')
  }
}
