// Short notices at the bottom right (saved, failed, job finished).
import { create } from 'zustand'

export interface Toast { id: number; text: string; kind: 'info' | 'err' }

interface ToastState {
  toasts: Toast[]
  push(text: string, kind?: Toast['kind']): void
  dismiss(id: number): void
}

let next = 1
export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  push(text, kind = 'info') {
    const id = next++
    set({ toasts: [...get().toasts.slice(-3), { id, text, kind }] })
    setTimeout(() => get().dismiss(id), kind === 'err' ? 8000 : 3500)
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) })
  }
}))

export const toast = (text: string, kind: Toast['kind'] = 'info') => useToasts.getState().push(text, kind)
