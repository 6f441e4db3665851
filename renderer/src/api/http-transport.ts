// Browser mode: calls go to POST /api/call/<method> with the session cookie; events arrive over
// Server-Sent Events (EventSource reconnects by itself); uploads stream the file's bytes.
import { AppError, type CallResult } from '../../../shared/contract/errors.ts'
import type { Download, FileRef } from '../../../shared/contract/files.ts'
import type { Transport } from './transport.ts'

const EVENT_NAMES = ['job.progress', 'online.status', 'data.changed']

export function createHttpTransport(extraEvents: string[] = []): Transport {
  const listeners = new Set<(name: string, payload: unknown) => void>()
  const connection = new Set<(connected: boolean) => void>()
  let source: EventSource | null = null

  const open = () => {
    source = new EventSource('/api/events')
    for (const name of [...EVENT_NAMES, ...extraEvents]) {
      source.addEventListener(name, (e) => {
        const payload = JSON.parse((e as MessageEvent<string>).data) as unknown
        for (const l of listeners) l(name, payload)
      })
    }
    source.addEventListener('hello', () => connection.forEach((l) => l(true)))
    source.onerror = () => connection.forEach((l) => l(false))
  }

  return {
    kind: 'http',
    async call(method, input) {
      let res: Response
      try {
        res = await fetch(`/api/call/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {})
        })
      } catch {
        return { ok: false, error: { code: 'network', message: 'Vetrina cannot be reached (is it still running?).' } }
      }
      try {
        return (await res.json()) as CallResult<unknown>
      } catch {
        return { ok: false, error: { code: 'network', message: `Unexpected reply from Vetrina (HTTP ${res.status}).` } }
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      if (!source) open()
      return () => listeners.delete(listener)
    },
    upload(file, onProgress) {
      return new Promise<FileRef>((resolve, reject) => {
        const xhr = new XMLHttpRequest()
        xhr.open('POST', `/api/upload?name=${encodeURIComponent(file.name)}`)
        xhr.withCredentials = true
        xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.total)
        xhr.onload = () => {
          try {
            const r = JSON.parse(xhr.responseText) as CallResult<FileRef>
            if (r.ok) resolve(r.value)
            else reject(AppError.fromData(r.error))
          } catch {
            reject(new AppError('upload_failed', `Upload failed (HTTP ${xhr.status}).`, { params: { status: xhr.status } }))
          }
        }
        xhr.onerror = () => reject(new AppError('network', 'Upload failed: Vetrina cannot be reached.'))
        xhr.send(file)
      })
    },
    async download(d: Download) {
      const a = document.createElement('a')
      a.href = `/api/download/${encodeURIComponent(d.downloadId)}`
      a.download = d.fileName
      document.body.appendChild(a)
      a.click()
      a.remove()
    },
    mediaUrl: (p) => `/media/${p.split('/').map(encodeURIComponent).join('/')}`,
    onConnection(listener) {
      connection.add(listener)
      return () => connection.delete(listener)
    }
  }
}
