// The building blocks of the contract: every call declares its input and output schemas and
// which roles may use it; every event declares its payload schema. Transports (IPC, HTTP, CLI)
// only ever move { method, input } and { event, payload } pairs described here.
import type { z } from 'zod'

/** Who is calling. The desktop app and the CLI act as the owner; browser-mode links carry a role. */
export type Role = 'owner' | 'translator'

/**
 * How a call uses a local file-system path in its input. The transports decide by it (one place:
 * electron/core/path-policy.ts): the CLI passes paths, browser mode refuses them (files travel as
 * uploads and downloads), the desktop app accepts only handles its own dialogs handed out.
 * - `read`: a file to read — a FileRef field (`{ kind: 'path', path }` or an upload)
 * - `read-any`: a file or a folder to read — a FileRef field (photos searches folders)
 * - `write`: a file to create or overwrite — a string field
 */
export type PathUse = 'read' | 'read-any' | 'write'

/** Input field (dotted; `*` stands for every array element) → how the path found there is used. */
export type PathInputs = Readonly<Record<string, PathUse>>

export interface CallDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I
  readonly output: O
  readonly roles: readonly Role[]
  readonly summary: string
  /** Every input field that holds a local path (test/core/path-policy.test.ts finds any left out). */
  readonly paths: PathInputs
}

export function call<I extends z.ZodType, O extends z.ZodType>(def: {
  input: I
  output: O
  summary: string
  roles?: readonly Role[]
  paths?: PathInputs
}): CallDef<I, O> {
  return { input: def.input, output: def.output, summary: def.summary, roles: def.roles ?? ['owner'], paths: def.paths ?? {} }
}

export type Area = Record<string, CallDef>

export type CallInput<C extends CallDef> = z.input<C['input']>
export type CallOutput<C extends CallDef> = z.output<C['output']>
