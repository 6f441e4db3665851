// The single door into the core: checks the caller's role, validates the input against the
// contract, runs the handler and validates what it returns. Every transport goes through here.
import type { z } from 'zod'
import { calls, type AreaName, type Contract } from '../../shared/contract/index.ts'
import { AppError, ErrorCodes, issuesFromZod, type CallResult } from '../../shared/contract/errors.ts'
import type { Role } from '../../shared/contract/define.ts'
import type { Logger } from './log.ts'
import { applyPathPolicy, type FileHandles, type Transport } from './path-policy.ts'

export interface CallContext {
  role: Role
  transport: Transport
  /** Who is calling, for history (e.g. "translator@192.168.1.20"). */
  actor?: string
  /** Desktop app: the handles the calling window was given for the files the user picked. */
  fileHandles?: FileHandles
}

type MaybePromise<T> = T | Promise<T>

export type AreaHandlers<A extends AreaName> = {
  [M in keyof Contract[A]]: Contract[A][M] extends { input: z.ZodType; output: z.ZodType }
    ? (input: z.output<Contract[A][M]['input']>, ctx: CallContext) => MaybePromise<z.input<Contract[A][M]['output']>>
    : never
}

export type Handlers = { [A in AreaName]: AreaHandlers<A> }

function issuesOf(error: z.ZodError) {
  return issuesFromZod(error.issues as never)
}

export async function dispatch(handlers: Handlers, method: string, rawInput: unknown, ctx: CallContext, log: Logger): Promise<CallResult<unknown>> {
  const def = Object.hasOwn(calls, method) ? calls[method] : undefined
  if (!def) return { ok: false, error: { code: ErrorCodes.unknownMethod, message: `Unknown call "${method}".`, params: { method } } }
  if (!def.roles.includes(ctx.role)) {
    return { ok: false, error: { code: ErrorCodes.forbidden, message: `The ${ctx.role} role may not use "${method}".`, params: { method, role: ctx.role } } }
  }
  let input: unknown
  try {
    input = applyPathPolicy(method, def, rawInput, ctx.transport, ctx.fileHandles)
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.toData() }
    throw err
  }
  const parsed = def.input.safeParse(input === undefined || input === null ? {} : input)
  if (!parsed.success) {
    const issues = issuesOf(parsed.error)
    const first = issues[0]
    return {
      ok: false,
      error: {
        code: ErrorCodes.validation,
        message: `Invalid input for ${method}: ${first.path ? `${first.path}: ` : ''}${first.message}`,
        issues
      }
    }
  }
  const [area, name] = method.split('.') as [AreaName, string]
  const handler = (handlers[area] as Record<string, (input: unknown, ctx: CallContext) => unknown>)[name]
  try {
    const value = await handler(parsed.data, ctx)
    const out = def.output.safeParse(value)
    if (!out.success) {
      log.error(`handler ${method} returned data that does not match the contract`, issuesOf(out.error))
      return { ok: false, error: { code: ErrorCodes.internal, message: `Internal error in ${method} (the result did not match the contract).` } }
    }
    return { ok: true, value: out.data }
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.toData() }
    log.error(`handler ${method} failed`, err)
    return { ok: false, error: { code: ErrorCodes.internal, message: `Internal error in ${method}: ${(err as Error)?.message ?? String(err)}` } }
  }
}
