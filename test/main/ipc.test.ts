// The IPC binding with fake Electron objects: every channel checks its sender; the file choosers
// hand out handles (never paths) that only the same window can use; dropped files must exist.
import { EventEmitter } from 'node:events'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test, vi } from 'vitest'
import { IPC_CALL, IPC_GRANT_DROPPED, IPC_PICK, IPC_SAVE_TARGET } from '../../shared/contract/bridge.ts'
import { bindIpc, type IpcShell } from '../../electron/main/ipc.ts'
import { FileHandleRegistry } from '../../electron/main/file-handles.ts'
import { tempDir } from '../helpers/core.ts'

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>

function setup(dialogPaths: string[] = []) {
  const channels = new Map<string, Handler>()
  const calls: Array<{ method: string; input: unknown; ctx: { transport: string; fileHandles?: { resolve(h: string, u: string): string | null } } }> = []
  const core = {
    call: vi.fn(async (method: string, input: unknown, ctx: never) => {
      calls.push({ method, input, ctx })
      return { ok: true, value: null }
    }),
    s: { files: { download: () => null } },
    events: { subscribe: () => () => undefined }
  }
  const dialog = {
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: dialogPaths })),
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: dialogPaths[0] }))
  }
  const shell: IpcShell = {
    ipcMain: { handle: (ch: string, h: Handler) => void channels.set(ch, h), removeHandler: (ch: string) => void channels.delete(ch) } as never,
    dialog: dialog as never,
    windows: { fromWebContents: () => null, getAllWindows: () => [] }
  }
  const handles = new FileHandleRegistry()
  const unbind = bindIpc(core as never, shell, handles)
  return { channels, calls, dialog, handles, unbind }
}

function sender(id: number, url = 'app://vetrina/index.html') {
  const wc = Object.assign(new EventEmitter(), { id, mainFrame: null as unknown })
  const frame = { url }
  wc.mainFrame = frame
  return { sender: wc, senderFrame: frame }
}

describe('IPC binding', () => {
  test('every channel refuses a sender that is not our page', async () => {
    const { channels, dialog, calls } = setup(['/home/u/a.xlsx'])
    const evil = sender(1, 'https://evil.example/')
    expect(await channels.get(IPC_CALL)!(evil, 'system.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await channels.get(IPC_PICK)!(evil, { what: 'file' })).toEqual([])
    expect(await channels.get(IPC_SAVE_TARGET)!(evil, { defaultName: 'x.xlsx' })).toBeNull()
    expect(await channels.get(IPC_GRANT_DROPPED)!(evil, '/etc/passwd')).toBeNull()
    // A subframe of our own page is not the page.
    const sub = sender(1)
    expect(await channels.get(IPC_CALL)!({ sender: sub.sender, senderFrame: { url: 'app://vetrina/index.html' } }, 'system.info', {})).toMatchObject({ ok: false })
    expect(dialog.showOpenDialog).not.toHaveBeenCalled()
    expect(calls).toEqual([])
  })

  test('a picked file becomes a handle that only this window can use, and only to read', async () => {
    const { channels, calls } = setup(['/home/u/listino.xlsx'])
    const page = sender(3)
    const picked = (await channels.get(IPC_PICK)!(page, { what: 'file', options: { title: 'Scegli il listino', filters: [{ name: 'Excel', extensions: ['xlsx'] }] } })) as Array<{ handle: string; name: string }>
    expect(picked).toHaveLength(1)
    expect(picked[0].name).toBe('listino.xlsx')
    expect(picked[0].handle).not.toContain('/home')
    await channels.get(IPC_CALL)!(page, 'spreadsheet.inspect', { file: { kind: 'path', path: picked[0].handle } })
    const { ctx } = calls[0]
    expect(ctx.transport).toBe('ipc')
    expect(ctx.fileHandles!.resolve(picked[0].handle, 'read')).toBe('/home/u/listino.xlsx')
    expect(ctx.fileHandles!.resolve(picked[0].handle, 'write')).toBeNull()
    await channels.get(IPC_CALL)!(sender(4), 'spreadsheet.inspect', {})
    expect(calls[1].ctx.fileHandles!.resolve(picked[0].handle, 'read')).toBeNull()
  })

  test('a closed window takes its handles with it', async () => {
    const { channels, handles } = setup(['/home/u/a.xlsx'])
    const page = sender(5)
    const [p] = (await channels.get(IPC_PICK)!(page, { what: 'file' })) as Array<{ handle: string }>
    expect(handles.resolve(p.handle, 'read', 5)).toBe('/home/u/a.xlsx')
    page.sender.emit('destroyed')
    expect(handles.resolve(p.handle, 'read', 5)).toBeNull()
  })

  test('the save dialog gives a write handle; a suggested name cannot carry a folder', async () => {
    const { channels, dialog, handles } = setup(['/home/u/Documenti/catalogo.xlsx'])
    const page = sender(6)
    const target = (await channels.get(IPC_SAVE_TARGET)!(page, { defaultName: '../../etc/cron.d/x', title: 'Salva' })) as { handle: string }
    expect((dialog.showSaveDialog.mock.calls[0] as unknown[])[0]).toMatchObject({ defaultPath: 'x' })
    expect(handles.resolve(target.handle, 'write', 6)).toBe('/home/u/Documenti/catalogo.xlsx')
    expect(handles.resolve(target.handle, 'read', 6)).toBeNull()
  })

  test('malformed dialog requests are refused without opening a dialog', async () => {
    const { channels, dialog } = setup(['/x'])
    const page = sender(7)
    for (const bad of [null, 'file', { what: 'disk' }, { what: 'file', options: { defaultPath: '/etc' } }, { what: 'file', options: { filters: [{ name: 'x', extensions: ['../x'] }] } }]) {
      expect(await channels.get(IPC_PICK)!(page, bad)).toEqual([])
    }
    expect(dialog.showOpenDialog).not.toHaveBeenCalled()
  })

  test('dropped files: only existing absolute paths, folders as folders', async () => {
    const dir = tempDir('vetrina-drop-')
    writeFileSync(join(dir, 'foto.jpg'), 'x')
    mkdirSync(join(dir, 'Chianti'))
    const { channels, handles } = setup()
    const page = sender(8)
    const file = (await channels.get(IPC_GRANT_DROPPED)!(page, join(dir, 'foto.jpg'))) as { handle: string }
    const folder = (await channels.get(IPC_GRANT_DROPPED)!(page, join(dir, 'Chianti'))) as { handle: string }
    expect(handles.resolve(file.handle, 'read', 8)).toBe(join(dir, 'foto.jpg'))
    expect(handles.resolve(folder.handle, 'read', 8)).toBeNull()
    expect(handles.resolve(folder.handle, 'read-any', 8)).toBe(join(dir, 'Chianti'))
    for (const bad of [join(dir, 'missing.jpg'), 'relative/foto.jpg', '', 42, `${dir}/foto.jpg\0.png`]) {
      expect(await channels.get(IPC_GRANT_DROPPED)!(page, bad)).toBeNull()
    }
  })

  test('unbinding removes every channel', () => {
    const { channels, unbind } = setup()
    expect(channels.size).toBeGreaterThanOrEqual(5)
    unbind()
    expect(channels.size).toBe(0)
  })
})
