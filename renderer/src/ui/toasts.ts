// Short notices at the bottom right (saved, failed, job finished), optionally with one action —
// most often Undo for something that can be taken back:
//   toast(t('…saved'))                         info, disappears after a few seconds
//   toast(errorText(err, t), 'err')             stays longer, announced assertively
//   toastUndo(t('…removed'), () => api.restore…) with an "Undo" button
// Rendered by <Toaster/> (once, in the shell).
import { create } from 'zustand'

export type ToastKind = 'info' | 'success' | 'err'

export interface ToastAction {
  label: string
  run(): void | Promise<void>
}

export interface Toast {
  id: number
  text: string
  kind: ToastKind
  action?: ToastAction
  /** Milliseconds before it goes away by itself (paused while hovered or focused). */
  duration: number
}

interface ToastState {
  toasts: Toast[]
  push(text: string, kind?: ToastKind, extra?: { action?: ToastAction; duration?: number }): number
  dismiss(id: number): void
}

const DEFAULT_MS: Record<ToastKind, number> = { info: 4000, success: 4000, err: 9000 }
const WITH_ACTION_MS = 10000

let next = 1
export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  push(text, kind = 'info', extra = {}) {
    const id = next++
    const duration = extra.duration ?? (extra.action ? WITH_ACTION_MS : DEFAULT_MS[kind])
    set({ toasts: [...get().toasts.slice(-3), { id, text, kind, action: extra.action, duration }] })
    return id
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) })
  }
}))

export const toast = (text: string, kind: ToastKind = 'info', extra?: { action?: ToastAction; duration?: number }) => useToasts.getState().push(text, kind, extra)

/** A notice with an Undo button; `undoLabel` is the translated word (t('ui:toast.undo')). */
export const toastUndo = (text: string, undoLabel: string, undo: () => void | Promise<void>) =>
  useToasts.getState().push(text, 'success', { action: { label: undoLabel, run: undo } })
