// The building blocks of the contract: every call declares its input and output schemas and
// which roles may use it; every event declares its payload schema. Transports (IPC, HTTP, CLI)
// only ever move { method, input } and { event, payload } pairs described here.
import type { z } from 'zod'

/** Who is calling. The desktop app and the CLI act as the owner; browser-mode links carry a role. */
export type Role = 'owner' | 'translator'

export interface CallDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I
  readonly output: O
  readonly roles: readonly Role[]
  readonly summary: string
}

export function call<I extends z.ZodType, O extends z.ZodType>(def: {
  input: I
  output: O
  summary: string
  roles?: readonly Role[]
}): CallDef<I, O> {
  return { input: def.input, output: def.output, summary: def.summary, roles: def.roles ?? ['owner'] }
}

export type Area = Record<string, CallDef>

export type CallInput<C extends CallDef> = z.input<C['input']>
export type CallOutput<C extends CallDef> = z.output<C['output']>
