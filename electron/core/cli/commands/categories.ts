// vetrina categories list | pavilion search|browse|suggest|link — the firm's categories and their
// link to a pavilion (Alibaba.com) leaf category, found by words; the numeric id is shown, never needed.
import type { Command } from 'commander'
import type { Api } from '../../../../shared/contract/index.ts'
import { AppError } from '../../../../shared/contract/errors.ts'
import { common, reportError, withCore, type CommonOptions } from '../context.ts'

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
    throw new AppError('not_found', matches.length ? `"${ref}" names ${matches.length} categories; write the path, e.g. Vini/Rossi.` : `No category "${ref}". Known: ${known}.`, { params: { ref } })
  }
  return { id: matches[0].id, name: Object.values(matches[0].name)[0] ?? ref }
}

async function treeReady(api: Api): Promise<void> {
  // Searching needs the tree: wait (briefly) for its download when it is still running.
  for (let i = 0; i < 600; i++) {
    const { tree } = await api.publish.searchCategories({ query: '', limit: 1 })
    if (!tree.downloading && tree.pendingBranches === 0 && tree.nodes > 0) return
    if (i === 0) process.stderr.write('Downloading the Alibaba.com category tree…\n')
    await new Promise((r) => setTimeout(r, 500))
  }
}

export function registerCategories(program: Command): void {
  const categories = program.command('categories').description("the firm's categories and their Alibaba.com categories")

  common(categories.command('list').description('categories with their linked Alibaba.com category'))
    .action(async (o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const { items } = await api.catalog.listCategories()
          out(() => items.map((c) => `${Object.values(c.name)[0]}\t${c.productCount} products\t${c.pavilionCategoryId ?? '(not linked)'}`).join('\n') || 'No categories.', { items })
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  const pavilion = categories.command('pavilion').description('find Alibaba.com categories and link them')

  common(pavilion.command('search').description('search Alibaba.com categories by English, Chinese or Italian words').argument('<words...>'))
    .option('--limit <n>', 'how many', '10')
    .action(async (words: string[], o: CommonOptions & { limit: string }) => {
      try {
        await withCore(o, async ({ api, out }) => {
          await api.publish.categoryChildren({})
          await treeReady(api)
          const { items } = await api.publish.searchCategories({ query: words.join(' '), limit: Number(o.limit) })
          out(() => items.map(pathText).join('\n') || 'No Alibaba.com category matches these words.', { items })
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(pavilion.command('browse').description('one level of the Alibaba.com category tree').argument('[id]', 'a category id (default: the top level)'))
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

  common(pavilion.command('suggest').description('Alibaba.com categories that fit one of your categories').argument('<category>', 'name (or path a/b) or id'))
    .action(async (ref: string, o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const cat = await findCategory(api, ref)
          await api.publish.categoryChildren({})
          await treeReady(api)
          const { items } = await api.publish.suggestCategories({ categoryId: cat.id })
          out(() => items.map(pathText).join('\n') || 'No suggestion.', { items })
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(pavilion.command('link').description('link one of your categories to an Alibaba.com leaf category, chosen by words (or by id)')
    .argument('<category>', 'your category: name (or path a/b) or id').argument('<pavilion...>', 'words to search (the best leaf is taken) or an id'))
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
            if (!leaf) throw new AppError('not_found', `No Alibaba.com category matches "${words.join(' ')}".`, { params: { words: words.join(' ') } })
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
