// The one place that decides which transport may hand the core a local file-system path. The
// contract declares every input field that holds one (`paths` on each call); here:
// - the CLI (and in-process tests) pass paths as typed: the user is the owner of this computer;
// - browser mode refuses them: a browser user uploads and downloads, and must never make the host
//   read or write a file of its choosing (e.g. `system.backup { path }` overwriting any file);
// - the desktop app accepts only opaque handles that the main process handed out, in this
//   session and to this window, for files and folders the user picked (or dropped); the handle is
//   swapped for the real path here, so a compromised page cannot name a path of its own.
import { AppError } from '../../shared/contract/errors.ts'
import type { CallDef, PathUse } from '../../shared/contract/define.ts'

export type Transport = 'ipc' | 'http' | 'cli' | 'test'

/** The desktop app's handles for one window: the real path behind a handle, or null. */
export interface FileHandles {
  resolve(handle: string, use: PathUse): string | null
}

export const PathAccessCodes = {
  /** Browser mode: files are uploaded and downloaded, never named by path. */
  browser: 'file_access_browser',
  /** Desktop app: not a file or folder the user picked in this session. */
  notPicked: 'file_access_not_picked'
} as const

/** What each transport may do with a declared path input. */
export const PATH_RULES: Readonly<Record<Transport, 'pass' | 'refuse' | 'handles'>> = {
  cli: 'pass',
  test: 'pass',
  http: 'refuse',
  ipc: 'handles'
}

interface Slot {
  /** Where the path string sits: holder[key]. */
  holder: Record<string, unknown> | unknown[]
  key: string | number
  path: string
  field: string
  use: PathUse
}

/** Every path value at the declared fields of a raw input (FileRef `{ kind: 'path' }` or a string). */
function pathSlots(input: unknown, paths: CallDef['paths']): Slot[] {
  const slots: Slot[] = []
  for (const [field, use] of Object.entries(paths)) {
    const steps = field.split('.')
    const visit = (holder: Record<string, unknown> | unknown[], key: string | number, at: number, shown: string) => {
      const value = (holder as Record<string | number, unknown>)[key]
      if (at === steps.length) {
        if (typeof value === 'string' && value !== '') slots.push({ holder, key, path: value, field: shown, use })
        else if (value && typeof value === 'object' && !Array.isArray(value) && (value as { kind?: unknown }).kind === 'path') {
          const ref = value as Record<string, unknown>
          slots.push({ holder: ref, key: 'path', path: typeof ref.path === 'string' ? ref.path : '', field: `${shown}.path`, use })
        }
        return
      }
      const step = steps[at]
      if (step === '*') {
        if (Array.isArray(value)) value.forEach((_, i) => visit(value, i, at + 1, `${shown}.${i}`))
      } else if (value && typeof value === 'object' && !Array.isArray(value)) {
        visit(value as Record<string, unknown>, step, at + 1, shown ? `${shown}.${step}` : step)
      }
    }
    visit({ root: input }, 'root', 0, '')
  }
  return slots
}

/**
 * Applies the rule of `transport` to the path inputs of `def`. Returns the input to dispatch
 * (for the desktop app, a copy with handles swapped for real paths); throws AppError when a path
 * is not allowed. Runs before validation, on the raw input: only the declared fields are read.
 */
export function applyPathPolicy(method: string, def: CallDef, input: unknown, transport: Transport, handles?: FileHandles): unknown {
  if (Object.keys(def.paths).length === 0) return input
  const rule = PATH_RULES[transport] ?? 'refuse'
  if (rule === 'pass') return input
  const copy = rule === 'handles' ? structuredClone(input) : input
  for (const slot of pathSlots(copy, def.paths)) {
    if (rule === 'refuse') {
      throw new AppError(PathAccessCodes.browser, `Browser mode cannot use a path on the host computer (${method}: ${slot.field}); upload or download the file instead.`, {
        params: { method, field: slot.field }
      })
    }
    const real = handles?.resolve(slot.path, slot.use) ?? null
    if (real === null) {
      throw new AppError(PathAccessCodes.notPicked, `${method}: ${slot.field} is not a file or folder chosen in this window during this session; choose it again.`, {
        params: { method, field: slot.field }
      })
    }
    ;(slot.holder as Record<string | number, unknown>)[slot.key] = real
  }
  return copy
}
