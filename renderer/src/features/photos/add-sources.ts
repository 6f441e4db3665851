// Turns what the user dropped or picked into file references for photos.add: on the desktop a
// file or folder is its local path (the core searches folders); in the browser each file is
// uploaded first, and dropped folders are walked here.
import type { FileRef } from '../../../../shared/contract/files.ts'
import { transport } from '../../api/client.ts'
import type { PickedFile } from '../../ui/FilePicker.tsx'

/** A file with its path inside a dropped or picked folder ("Chianti/fronte.jpg"), for the batch report. */
export type Picked = PickedFile

/** Files (and, in the browser, the files inside folders) of a drop. */
export async function droppedFiles(items: DataTransferItemList): Promise<{ picked: Picked[]; folders: File[] }> {
  const picked: Picked[] = []
  const folders: File[] = []
  const entries: Array<{ entry: FileSystemEntry | null; file: File | null }> = []
  for (const item of Array.from(items)) {
    if (item.kind !== 'file') continue
    entries.push({ entry: item.webkitGetAsEntry?.() ?? null, file: item.getAsFile() })
  }
  for (const { entry, file } of entries) {
    if (entry?.isDirectory) {
      if (transport.kind === 'ipc' && file) folders.push(file)
      else picked.push(...(await walk(entry as FileSystemDirectoryEntry, entry.name)))
    } else if (file) picked.push({ file, name: file.name })
  }
  return { picked, folders }
}

async function walk(dir: FileSystemDirectoryEntry, prefix: string): Promise<Picked[]> {
  const out: Picked[] = []
  const reader = dir.createReader()
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))
    if (batch.length === 0) break
    for (const e of batch) {
      if (e.name.startsWith('.')) continue
      if (e.isDirectory) out.push(...(await walk(e as FileSystemDirectoryEntry, `${prefix}/${e.name}`)))
      else out.push({ file: await new Promise<File>((resolve, reject) => (e as FileSystemFileEntry).file(resolve, reject)), name: `${prefix}/${e.name}` })
    }
  }
  return out
}

/** Uploads (browser) or references (desktop) the files; reports progress as files are sent. */
export async function toSources(picked: Picked[], folders: File[], onProgress?: (done: number, total: number) => void): Promise<FileRef[]> {
  const refs: FileRef[] = []
  for (const f of folders) refs.push(await transport.upload(f))
  // A few uploads at a time: the browser-mode host is on this PC or the office network.
  const out: FileRef[] = new Array(picked.length)
  let next = 0
  let done = 0
  await Promise.all(Array.from({ length: Math.min(3, picked.length) }, async () => {
    while (next < picked.length) {
      const i = next++
      const ref = await transport.upload(picked[i].file)
      out[i] = ref.kind === 'upload' ? { ...ref, name: picked[i].name } : ref
      onProgress?.(++done, picked.length)
    }
  }))
  return [...refs, ...out]
}
