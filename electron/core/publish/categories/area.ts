// The category browser's part of the publish area: the tree download job, the browse / search /
// suggest / link handlers, and the leaf check behind every category link in the catalogue.
import { z } from 'zod'
import type { CategoryHit } from '../../../../shared/contract/publish.ts'
import { PublishTarget } from '../../../../shared/domain/publish.ts'
import type { CoreModule, Services } from '../../core.ts'
import type { JobKind } from '../../jobs/runner.ts'
import type { RulesCache } from '../caches.ts'
import type { PublishTargets } from '../targets.ts'
import { CategoryBrowser } from './browser.ts'
import { msg } from '../../../../shared/messages/message.ts'

export const TREE_JOB = 'publish.categoryTree'
/** A real tree has a few thousand nodes; stop well above that rather than walk forever. */
const MAX_TREE_NODES = 20_000

type Handlers = CoreModule<'publish'>['handlers']
type CategoryHandlers = Pick<Handlers, 'categoryChildren' | 'searchCategories' | 'suggestCategories' | 'linkCategory' | 'refreshCategoryTree'>

export function categoryArea(deps: { s: Services; rules: RulesCache; targets: PublishTargets; target: () => PublishTarget; afterLink: () => void }) {
  const { s, rules, targets } = deps
  const browser = new CategoryBrowser({
    db: s.db, cache: rules, now: () => s.clock.now().toISOString(),
    fetch: async (target, id, signal) => (await targets.runtime(target)).api.category(id, signal)
  })
  const emitTree = () => s.events.emit('data.changed', { entity: 'publish.categories' })

  const downloading = (target: PublishTarget) =>
    !!s.db.prepare("SELECT 1 FROM jobs WHERE kind = ? AND dedupe_key = ? AND state IN ('queued', 'running', 'waiting')").get(TREE_JOB, `${TREE_JOB}:${target}`)
  const treeState = (target: PublishTarget) => ({ ...browser.stats(target), downloading: downloading(target) })

  const enqueueTree = (target: PublishTarget, refresh: boolean) =>
    s.jobs.enqueue(TREE_JOB, { target, refresh }, { title: msg('publish:job.tree'), dedupeKey: `${TREE_JOB}:${target}` })

  /** The upper levels are fetched eagerly: the first time anyone browses, the whole tree is queued. */
  const ensureTree = (target: PublishTarget) => {
    if (!browser.childrenCached(target, '0') || browser.unfetched(target, 1).length) {
      if (!downloading(target)) {
        try {
          enqueueTree(target, false)
        } catch { /* already queued */ }
      }
    }
  }

  const treeJob: JobKind<{ target: PublishTarget; refresh: boolean }> = {
    kind: TREE_JOB,
    payload: z.object({ target: PublishTarget, refresh: z.boolean().default(false) }),
    requiresOnline: true,
    maxAttempts: 5,
    async run(job) {
      const { target, refresh } = job.payload
      // A refresh walks everything again; the cache stays usable meanwhile (nodes are replaced, not dropped).
      if (refresh && job.attempt === 1 && !job.checkpoint) {
        s.db.prepare('UPDATE publish_categories SET children_fetched = 0 WHERE target = ?').run(target)
        s.db.prepare('DELETE FROM settings WHERE key = ?').run(`publish.categories.root.${target}`)
        job.checkpointNow({ reset: true })
      }
      // Level by level: the upper levels are ready first, and a stopped job resumes where it was
      // (what was fetched is marked in the cache).
      if (!browser.childrenCached(target, '0')) await browser.load(target, '0', true, job.signal)
      let done = 0
      for (;;) {
        job.throwIfStopped()
        const next = browser.unfetched(target, 20)
        if (next.length === 0 || browser.stats(target).nodes > MAX_TREE_NODES) break
        for (const id of next) {
          await browser.load(target, id, true, job.signal)
          done++
          const st = browser.stats(target)
          job.progress(st.nodes, st.nodes + st.pendingBranches * 4, null)
        }
        if (done % 20 === 0) emitTree()
      }
      emitTree()
      return browser.stats(target)
    }
  }

  const hitsOut = (hits: ReturnType<CategoryBrowser['search']>): CategoryHit[] => hits.map((h) => ({ node: h.node, path: h.path, score: Math.round(h.score * 100) / 100, via: h.via }))

  /** Words that describe a product: its titles, family and category names. */
  const productWords = (productId: string): string[] => {
    const p = s.products.get(productId)
    const out = Object.values(p.texts).map((t) => t.title ?? '')
    if (p.familyId) {
      try {
        const family = s.families.get(p.familyId)
        if (family) out.push(...Object.values(family.label).filter((x): x is string => !!x))
      } catch { /* family gone */ }
    }
    if (p.categoryId) out.push(...categoryWords(p.categoryId))
    return out
  }
  const categoryWords = (categoryId: string): string[] => {
    const out: string[] = []
    let id: string | null = categoryId
    for (let g = 0; id && g < 10; g++) {
      const c = s.categories.get(id)
      out.push(...Object.values(c.name))
      id = c.parentId
    }
    return out
  }

  const handlers: CategoryHandlers = {
    async categoryChildren(input) {
      const target = input.target ?? deps.target()
      ensureTree(target)
      const level = await browser.children(target, input.parentId)
      return { path: input.parentId === '0' ? [] : browser.path(target, input.parentId), ...level, tree: treeState(target) }
    },
    searchCategories(input) {
      const target = input.target ?? deps.target()
      ensureTree(target)
      return { items: hitsOut(browser.search(target, input.query, input.limit)), tree: treeState(target) }
    },
    suggestCategories(input) {
      const target = input.target ?? deps.target()
      ensureTree(target)
      const texts: string[] = []
      if (input.categoryId) {
        texts.push(categoryWords(input.categoryId).join(' '))
        // The titles of a few of its products say what the category holds.
        const ids = s.db.prepare('SELECT id FROM products WHERE category_id = ? AND parent_id IS NULL LIMIT 3').all(input.categoryId) as Array<{ id: string }>
        for (const r of ids) texts.push(...productWords(r.id))
      }
      if (input.productId) texts.push(...productWords(input.productId))
      return { items: hitsOut(browser.suggest(target, texts, input.limit)), tree: treeState(target) }
    },
    async linkCategory(input) {
      const target = input.target ?? deps.target()
      s.categories.get(input.categoryId)
      if (input.pavilionCategoryId === null) {
        s.categories.update({ id: input.categoryId, pavilionCategoryId: null })
        s.events.emit('data.changed', { entity: 'category', ids: [input.categoryId] })
        return { categoryId: input.categoryId, pavilionCategoryId: null, path: [] }
      }
      const hint = [input.searchedFor ?? '', ...Object.values(s.categories.get(input.categoryId).name)].join(' ')
      const node = (await browser.checkLeaf(target, input.pavilionCategoryId, false, hint))!
      s.categories.update({ id: input.categoryId, pavilionCategoryId: node.id })
      browser.remember(target, [input.searchedFor ?? '', ...Object.values(s.categories.get(input.categoryId).name)].join(' '), node.id)
      s.events.emit('data.changed', { entity: 'category', ids: [input.categoryId] })
      deps.afterLink()
      return { categoryId: input.categoryId, pavilionCategoryId: node.id, path: browser.path(target, node.id) }
    },
    refreshCategoryTree(input) {
      const target = input.target ?? deps.target()
      return { jobId: enqueueTree(target, true).id }
    }
  }

  const checker = {
    async check(id: string) {
      // The catalogue works offline: an id that cannot be checked now is checked by the rules download.
      await browser.checkLeaf(deps.target(), id, true)
    }
  }

  return { browser, handlers, treeJob, checker, ensureTree }
}

