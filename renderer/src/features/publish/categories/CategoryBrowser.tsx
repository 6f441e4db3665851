// Choosing an Alibaba.com (pavilion) category without knowing its number: search in Italian,
// English or Chinese, suggestions for the category or product at hand, and the tree with
// breadcrumbs. Only leaves can be chosen; the numeric id is shown, never asked for.
import { ChevronRight, CircleCheck, FolderTree, Link2, LoaderCircle, Sparkles } from 'lucide-react'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CategoryHit, PavilionNode } from '../../../../../shared/contract/publish.ts'
import { api } from '../../../api/client.ts'
import { useEvent } from '../../../api/events.ts'
import { Button } from '../../../ui/Button.tsx'
import { Notice } from '../../../ui/Card.tsx'
import { useDebounced } from '../../../ui/components.tsx'
import { Dialog } from '../../../ui/Dialog.tsx'
import { errorText } from '../../../ui/errors.ts'
import { Icon } from '../../../ui/Icon.tsx'
import { SearchInput } from '../../../ui/SearchInput.tsx'
import './pavilion.css'

type TreeState = { nodes: number; leaves: number; pendingBranches: number; downloading: boolean }

export interface PickedCategory {
  node: PavilionNode
  path: PavilionNode[]
  /** What the user typed to find it (remembered by the core for the next search). */
  searchedFor: string
}

/** The name to show: Chinese in the Chinese UI, else the pavilion's English name. */
export function nodeName(node: Pick<PavilionNode, 'name' | 'cnName'>, lang: string): string {
  return lang === 'zh-CN' && node.cnName ? node.cnName : node.name
}

/** The language the pavilion's names are in (Alibaba.com names its categories in English and Chinese only). */
export function nodeLang(lang: string): string {
  return lang === 'zh-CN' ? 'zh-CN' : 'en'
}

export function Breadcrumbs(props: { path: PavilionNode[]; onOpen?(id: string): void; testId?: string }) {
  const { t, i18n } = useTranslation()
  return (
    <nav className="crumbs" aria-label={t('pavilion:browser.where')} data-testid={props.testId}>
      {props.onOpen && (
        <button type="button" className="crumb" onClick={() => props.onOpen!('0')}>{t('pavilion:browser.all')}</button>
      )}
      {props.path.map((n, i) => (
        <span key={n.id} className="crumb-step">
          {(i > 0 || props.onOpen) && <Icon icon={ChevronRight} size="sm" />}
          {props.onOpen && i < props.path.length - 1 ? (
            <button type="button" className="crumb" lang={nodeLang(i18n.language)} onClick={() => props.onOpen!(n.id)}>{nodeName(n, i18n.language)}</button>
          ) : (
            <span className="crumb current" lang={nodeLang(i18n.language)}>{nodeName(n, i18n.language)}</span>
          )}
        </span>
      ))}
    </nav>
  )
}

/** The path as one line: "Food & Beverage › Alcoholic Beverage › Wine". */
export function pathText(path: PavilionNode[], lang: string): string {
  return path.map((n) => nodeName(n, lang)).join(' › ')
}

export function CategoryBrowser(props: {
  title: string
  /** Suggest for this Vetrina category or product. */
  categoryId?: string
  productId?: string
  /** The leaf chosen so far (its id), if any. */
  current?: string | null
  confirmLabel: string
  onPick(picked: PickedCategory): Promise<void> | void
  onClose(): void
}) {
  const { t, i18n } = useTranslation()
  const [query, setQuery] = useState('')
  const [q, setQ] = useState('')
  useDebounced(query.trim(), 200, setQ)
  const [parentId, setParentId] = useState('0')
  const [level, setLevel] = useState<{ path: PavilionNode[]; items: PavilionNode[]; complete: boolean; offline: boolean } | null>(null)
  const [hits, setHits] = useState<CategoryHit[] | null>(null)
  const [suggestions, setSuggestions] = useState<CategoryHit[]>([])
  const [tree, setTree] = useState<TreeState | null>(null)
  const [chosen, setChosen] = useState<{ node: PavilionNode; path: PavilionNode[] } | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [version, setVersion] = useState(0)

  // The tree arrives level by level while it downloads: show what is there, then more.
  useEvent('data.changed', (e) => {
    if (e.entity === 'publish.categories') setVersion((v) => v + 1)
  })

  useEffect(() => {
    let live = true
    api.publish.categoryChildren({ parentId }).then((r) => {
      if (!live) return
      setLevel(r)
      setTree(r.tree)
    }).catch((err) => live && setError(err))
    return () => { live = false }
  }, [parentId, version])

  useEffect(() => {
    if (!props.categoryId && !props.productId) return
    let live = true
    api.publish.suggestCategories({ categoryId: props.categoryId, productId: props.productId, limit: 5 })
      .then((r) => live && setSuggestions(r.items.filter((h) => h.node.leaf)))
      .catch(() => undefined)
    return () => { live = false }
  }, [props.categoryId, props.productId, version])

  useEffect(() => {
    if (!q) {
      setHits(null)
      return
    }
    let live = true
    api.publish.searchCategories({ query: q, limit: 30 }).then((r) => {
      if (!live) return
      setHits(r.items)
      setTree(r.tree)
    }).catch((err) => live && setError(err))
    return () => { live = false }
  }, [q, version])

  const choose = (node: PavilionNode, path: PavilionNode[]) => {
    setError(null)
    if (node.leaf) setChosen({ node, path })
    else {
      setQuery('')
      setParentId(node.id)
    }
  }
  const confirm = async () => {
    if (!chosen) return
    setBusy(true)
    setError(null)
    try {
      await props.onPick({ node: chosen.node, path: chosen.path, searchedFor: query.trim() })
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const row = (node: PavilionNode, path: PavilionNode[], extra?: ReactNode) => {
    const selected = chosen?.node.id === node.id
    const isCurrent = props.current === node.id
    return (
      <li key={node.id}>
        <button
          type="button"
          className={`pav-row${selected ? ' selected' : ''}`}
          aria-pressed={node.leaf ? selected : undefined}
          onClick={() => choose(node, path)}
          onDoubleClick={() => node.leaf && void props.onPick({ node, path, searchedFor: query.trim() })}
          data-testid={node.leaf ? 'pavilion-leaf' : 'pavilion-branch'}
          data-id={node.id}
          data-name={node.name}
        >
          <Icon icon={node.leaf ? (selected ? CircleCheck : Link2) : FolderTree} size="md" />
          <span className="pav-name">
            <span lang={nodeLang(i18n.language)}>{nodeName(node, i18n.language)}</span>
            {i18n.language !== 'zh-CN' && node.cnName && <span className="muted small"> · {node.cnName}</span>}
            {path.length > 1 && <span className="pav-path muted small" lang={nodeLang(i18n.language)}>{pathText(path.slice(0, -1), i18n.language)}</span>}
          </span>
          {extra}
          {isCurrent && <span className="badge success">{t('pavilion:browser.linkedNow')}</span>}
          <span className="pav-id muted small tabular" title={t('pavilion:browser.idHint')}>{node.id}</span>
          {!node.leaf && <Icon icon={ChevronRight} size="sm" />}
        </button>
      </li>
    )
  }

  const loadingTree = tree?.downloading && (tree.nodes === 0 || (hits !== null && hits.length === 0))
  return (
    <Dialog
      title={props.title}
      size="wide"
      onClose={props.onClose}
      testId="category-browser"
      description={t('pavilion:browser.description')}
      actions={
        <>
          <span className="muted small pav-chosen" data-testid="pavilion-chosen">
            {chosen ? t('pavilion:browser.chosen', { path: pathText(chosen.path, i18n.language), id: chosen.node.id }) : t('pavilion:browser.chooseLeaf')}
          </span>
          <Button onClick={props.onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" icon={Link2} disabled={!chosen} busy={busy} onClick={() => void confirm()} testId="pavilion-confirm">{props.confirmLabel}</Button>
        </>
      }
    >
      <SearchInput value={query} onChange={setQuery} aria-label={t('pavilion:browser.search')} placeholder={t('pavilion:browser.searchPlaceholder')} testId="pavilion-search" />
      {error ? <Notice tone="danger" role="alert" testId="pavilion-error">{errorText(error, t)}</Notice> : null}
      {loadingTree && (
        <p className="muted row" role="status"><Icon icon={LoaderCircle} size="sm" className="spin" />{t('pavilion:browser.downloading', { count: tree?.nodes ?? 0 })}</p>
      )}
      {level?.offline && !level.complete && <Notice tone="warning" role="status">{t('pavilion:browser.offline')}</Notice>}
      <div className="pav-body">
        {hits !== null ? (
          <section aria-label={t('pavilion:browser.results')}>
            <h3 className="pav-heading">{t('pavilion:browser.results')}</h3>
            {hits.length === 0 && !loadingTree && <p className="muted" data-testid="pavilion-no-results">{t('pavilion:browser.noResults', { query: q })}</p>}
            <ul className="pav-list" data-testid="pavilion-results">
              {hits.map((h) => row(h.node, h.path, h.via === 'remembered' ? <span className="badge info">{t('pavilion:browser.usedBefore')}</span> : null))}
            </ul>
          </section>
        ) : (
          <>
            {suggestions.length > 0 && parentId === '0' && (
              <section aria-label={t('pavilion:browser.suggested')}>
                <h3 className="pav-heading"><Icon icon={Sparkles} size="sm" />{t('pavilion:browser.suggested')}</h3>
                <ul className="pav-list" data-testid="pavilion-suggestions">{suggestions.map((h) => row(h.node, h.path))}</ul>
              </section>
            )}
            <section aria-label={t('pavilion:browser.browse')}>
              <h3 className="pav-heading"><Icon icon={FolderTree} size="sm" />{t('pavilion:browser.browse')}</h3>
              <Breadcrumbs path={level?.path ?? []} onOpen={(id) => setParentId(id)} testId="pavilion-crumbs" />
              <ul className="pav-list" data-testid="pavilion-level">
                {(level?.items ?? []).map((n) => row(n, [...(level?.path ?? []), n]))}
              </ul>
            </section>
          </>
        )}
      </div>
    </Dialog>
  )
}
