// The desktop app's native file dialogs, for screens that want them instead of a file input
// (choose a folder of photos, choose where a backup goes). Each result is a handle the core
// accepts where the contract takes a path; in browser mode this is null and files are uploaded
// and downloaded instead (transport.upload / transport.download).
import type { FileFilter, PickedFile } from '../../../shared/contract/bridge.ts'
import type { FileRef } from '../../../shared/contract/files.ts'

export interface NativeFiles {
  /** Files to read: FileRefs for the contract (empty when cancelled). */
  openFiles(options?: { title?: string; filters?: FileFilter[]; multiple?: boolean }): Promise<Array<{ ref: FileRef; name: string }>>
  /** A folder to read (photos searches it), or null. */
  openFolder(options?: { title?: string }): Promise<{ ref: FileRef; name: string } | null>
  /** Where to write a file: the value for a contract `path` field, or null. */
  saveAs(options: { title?: string; defaultName: string; filters?: FileFilter[] }): Promise<{ path: string; name: string } | null>
}

const asRef = (p: PickedFile) => ({ ref: { kind: 'path' as const, path: p.handle }, name: p.name })

const bridge = typeof window !== 'undefined' ? window.vetrina : undefined

export const nativeFiles: NativeFiles | null = bridge
  ? {
      openFiles: async (options) => (await bridge.pickFile(options)).map(asRef),
      openFolder: async (options) => {
        const picked = await bridge.pickFolder(options)
        return picked ? asRef(picked) : null
      },
      saveAs: async (options) => {
        const picked = await bridge.saveFile(options)
        return picked ? { path: picked.handle, name: picked.name } : null
      }
    }
  : null
