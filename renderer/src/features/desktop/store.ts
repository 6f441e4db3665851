// The desktop shell's state in the page: the update status pushed by the main process, and
// backups the OS opened with Vetrina. Browser mode has neither (no bridge): everything here stays
// empty and the components render nothing.
import { create } from 'zustand'
import { SHELL_EVENTS, type PickedFile, type UpdateStatus } from '../../../../shared/contract/bridge.ts'

interface DesktopState {
  update: UpdateStatus | null
  openedBackup: PickedFile | null
  setOpenedBackup(file: PickedFile | null): void
}

export const useDesktop = create<DesktopState>((set) => ({
  update: null,
  openedBackup: null,
  setOpenedBackup: (openedBackup) => set({ openedBackup })
}))

const bridge = typeof window !== 'undefined' ? window.vetrina : undefined

async function takeOpened(): Promise<void> {
  const files = (await bridge?.takeOpenedFiles()) ?? []
  // One at a time: the last one the user opened.
  if (files.length) useDesktop.setState({ openedBackup: files[files.length - 1] })
}

if (bridge) {
  void bridge.updates.status().then((update) => useDesktop.setState({ update }))
  void takeOpened()
  bridge.onEvent((name, payload) => {
    if (name === SHELL_EVENTS.update) useDesktop.setState({ update: payload as UpdateStatus })
    if (name === SHELL_EVENTS.openFile) void takeOpened()
  })
}

export const restartNow = (): Promise<boolean> => bridge?.updates.restartNow() ?? Promise.resolve(false)

/** Notes in the UI language, else English, else Italian. */
export function notesFor(status: UpdateStatus, language: string): string {
  const n = status.notes
  return (n[language as keyof typeof n] ?? n.en ?? n.it ?? '').trim()
}
