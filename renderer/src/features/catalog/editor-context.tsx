// The product editor's state: the stored product, autosave of single fields (serialized, so
// saves land in the order they were typed), errors per field, and undo of the last change.
// A value that fails validation stays in its field with the reason, never silently dropped.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Product, ProductPatch } from '../../../../shared/domain/product.ts'
import { api } from '../../api/client.ts'
import { useEvent } from '../../api/events.ts'
import { errorText, issuesByPath } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { patchFor } from './patch.ts'

export type SaveState = 'idle' | 'saving' | 'saved' | 'error'

interface EditorValue {
  product: Product
  errors: Record<string, string>
  saveState: SaveState
  readOnly: boolean
  /** Saves one field; resolves true when stored. */
  save(path: string, value: unknown): Promise<boolean>
  savePatch(patch: ProductPatch, paths: string[]): Promise<boolean>
  undo(): Promise<void>
  reload(): Promise<void>
}

const Ctx = createContext<EditorValue | null>(null)

export function useEditor(): EditorValue {
  const v = useContext(Ctx)
  if (!v) throw new Error('useEditor outside ProductEditor')
  return v
}

export function EditorProvider(props: { id: string; readOnly: boolean; children: (p: Product | null, error: unknown) => ReactNode }) {
  const { t } = useTranslation()
  const [product, setProduct] = useState<Product | null>(null)
  const [loadError, setLoadError] = useState<unknown>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saveState, setSaveState] = useState<SaveState>('idle')
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  const inFlight = useRef(0)

  const reload = useCallback(async () => {
    try {
      setProduct(await api.catalog.getProduct({ id: props.id }))
      setLoadError(null)
    } catch (err) {
      setLoadError(err)
    }
  }, [props.id])

  useEffect(() => {
    void reload()
  }, [reload])

  // Someone else changed this product (import, translator, another window): show it.
  useEvent('data.changed', (e) => {
    if ((e.entity === 'product' && e.ids?.includes(props.id)) || e.all) {
      if (inFlight.current === 0) void reload()
    }
  })

  const savePatch = useCallback(
    (patch: ProductPatch, paths: string[]) => {
      const run = async () => {
        inFlight.current++
        setSaveState('saving')
        try {
          const next = await api.catalog.updateProduct({ id: props.id, patch })
          setProduct(next)
          setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !paths.some((p) => k === p || k.startsWith(`${p}.`)))))
          setSaveState('saved')
          return true
        } catch (err) {
          const byPath = issuesByPath(err, t)
          if (Object.keys(byPath).length) setErrors((e) => ({ ...e, ...byPath }))
          else toast(errorText(err, t), 'err')
          setSaveState('error')
          return false
        } finally {
          inFlight.current--
        }
      }
      const p = queue.current.then(run, run)
      queue.current = p
      return p
    },
    [props.id, t]
  )

  const save = useCallback((path: string, value: unknown) => savePatch(patchFor(path, value), [path]), [savePatch])

  const undo = useCallback(async () => {
    await queue.current
    try {
      const r = await api.catalog.undo({ id: props.id })
      setProduct(r.product)
      setErrors({})
      toast(t('catalog:editor.undone', { count: r.reverted }))
    } catch (err) {
      toast(errorText(err, t), 'err')
    }
  }, [props.id, t])

  return (
    <Ctx.Provider value={product ? { product, errors, saveState, readOnly: props.readOnly, save, savePatch, undo, reload } : (null as never)}>
      {props.children(product, loadError)}
    </Ctx.Provider>
  )
}
