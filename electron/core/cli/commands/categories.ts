// vetrina categories list | pavilion search|browse|suggest|link — the firm's categories and their
// link to a pavilion (Alibaba.com) leaf category, found by words; the numeric id is shown, never needed.
import type { Command } from 'commander'
import type { Api } from '../../../../shared/contract/index.ts'
import { AppError } from '../../../../shared/contract/errors.ts'
import { common, reportError, say, withCore, type CommonOptions } from '../context.ts'

type Hit = Awaited<ReturnType<Api['publish']['searchCategories']>>['items'][number]
const pathText = (h: Hit) => `${h.path.map((p) => p.name).join(' › ')} (${h.node.id})${h.node.leaf ? '' : ' …'}`

/** A firm category by id or by its name in any language (a/b/c for a path). */
export async function findCategory(api: Api, ref: string): Promise<{ id: string; name: string }> {
  const all = (await api.catalog.listCategories()).items
  const byId = all.find((c) => c.id === ref)
  if (byId) return { id: byId.id, name: Object.values(byId.name)[0] ?? byId.id }
  const wanted = ref.split('/').map((x) => x.trim().toLocaleLowerCase('it'))
  const matches = all.filter((c) => {
    let node: typeof c | undefined = c
    for (let i = wanted.length - 1; i >= 0; i--) {
      if (!node || !Object.values(node.name).some((n) => n?.toLocaleLowerCase('it') === wanted[i])) return false
      node = all.find((x) => x.id === node!.parentId)
    }
    return true
  })
  if (matches.length !== 1) {
    const known = all.map((c) => Object.values(c.name)[0]).filter(Boolean).slice(0, 12).join(', ')
    // codes: cli_category_ambiguous, cli_unknown_category
    throw new AppError(matches.length ? 'cli_category_ambiguous' : 'cli_unknown_category', matches.length ? `"${ref}" names ${matches.length} categories; write the path, e.g. Vini/Rossi.` : `No category "${ref}". Known: ${known}.`, { params: { ref, count: matches.length, known } })
  }
  return { id: matches[0].id, name: Object.values(matches[0].name)[0] ?? ref }
}

async function treeReady(api: Api): Promise<void> {
  // Searching needs the tree: wait (briefly) for its download when it is still running.
  for (let i = 0; i < 600; i++) {
    const { tree } = await api.publish.searchCategories({ query: '', limit: 1 })
    if (!tree.downloading && tree.pendingBranches === 0 && tree.nodes > 0) return
    if (i === 0) process.stderr.write(`${say('cli:categories.downloading')}\n`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

export function registerCategories(program: Command): void {
  const categories = program.command('categories').description(say('cli:categories.about'))

  common(categories.command('list').description(say('cli:categories.list.about')))
    .action(async (o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const { items } = await api.catalog.listCategories()
          out(() => items.map((c) => `${Object.values(c.name)[0]}\t${say('cli:categories.list.products', { count: c.productCount })}\t${c.pavilionCategoryId ?? say('cli:categories.list.notLinked')}`).join('\n') || say('cli:categories.list.none'), { items })
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  const pavilion = categories.command('pavilion').description(say('cli:categories.pavilion.about'))

  common(pavilion.command('search').description(say('cli:categories.search.about')).argument('<words...>', say('cli:categories.search.words')))
    .option('--limit <n>', say('cli:categories.search.limit'), '10')
    .action(async (words: string[], o: CommonOptions & { limit: string }) => {
      try {
        await withCore(o, async ({ api, out }) => {
          await api.publish.categoryChildren({})
          await treeReady(api)
          const { items } = await api.publish.searchCategories({ query: words.join(' '), limit: Number(o.limit) })
          out(() => items.map(pathText).join('\n') || say('cli:categories.search.none'), { items })
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(pavilion.command('browse').description(say('cli:categories.browse.about')).argument('[id]', say('cli:categories.browse.id')))
    .action(async (id: string | undefined, o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const level = await api.publish.categoryChildren({ parentId: id ?? '0' })
          out(() => [level.path.map((p) => p.name).join(' › '), ...level.items.map((c) => `  ${c.name} / ${c.cnName} (${c.id})${c.leaf ? '' : ' …'}`)].filter(Boolean).join('\n'), level)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(pavilion.command('suggest').description(say('cli:categories.suggest.about')).argument('<category>', say('cli:categories.yours')))
    .action(async (ref: string, o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const cat = await findCategory(api, ref)
          await api.publish.categoryChildren({})
          await treeReady(api)
          const { items } = await api.publish.suggestCategories({ categoryId: cat.id })
          out(() => items.map(pathText).join('\n') || say('cli:categories.suggest.none'), { items })
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(pavilion.command('link').description(say('cli:categories.link.about'))
    .argument('<category>', say('cli:categories.yours')).argument('<pavilion...>', say('cli:categories.link.pavilion')))
    .action(async (ref: string, words: string[], o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const cat = await findCategory(api, ref)
          let pavilionId = words.length === 1 && /^\d+$/.test(words[0]) ? words[0] : null
          const searchedFor = pavilionId ? undefined : words.join(' ')
          if (!pavilionId) {
            await api.publish.categoryChildren({})
            await treeReady(api)
            const leaf = (await api.publish.searchCategories({ query: words.join(' '), limit: 20 })).items.find((h) => h.node.leaf)
            if (!leaf) throw new AppError('cli_no_pavilion_match', `No Alibaba.com category matches "${words.join(' ')}".`, { params: { words: words.join(' ') } })
            pavilionId = leaf.node.id
          }
          const res = await api.publish.linkCategory({ categoryId: cat.id, pavilionCategoryId: pavilionId, searchedFor })
          out(() => `${cat.name} → ${res.path.map((p) => p.name).join(' › ')} (${res.pavilionCategoryId})`, res)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
}
