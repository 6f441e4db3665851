// The one contract into the core. Each area adds one line here; transports and the typed
// client are derived from it, so a call is written once and reachable over IPC, HTTP and the CLI.
import type { z } from 'zod'
import type { CallDef } from './define.ts'
import { catalog as catalogCalls } from './catalog.ts'
import { catalogBulk } from './catalog-bulk.ts'
import { catalogVariants } from './catalog-variants.ts'
import { jobs } from './jobs.ts'
import { publish as publishCalls } from './publish.ts'
import { publishVariants } from './publish-variants.ts'
import { photos } from './photos.ts'
import { spreadsheet } from './spreadsheet.ts'
import { system } from './system.ts'
import { translation } from './translation.ts'

const catalog = { ...catalogCalls, ...catalogBulk, ...catalogVariants }
const publish = { ...publishCalls, ...publishVariants }

export const contract = {
  catalog,
  jobs,
  publish,
  photos,
  spreadsheet,
  system,
  translation
}

export type Contract = typeof contract
export type AreaName = keyof Contract
export type MethodName = { [A in AreaName]: `${A & string}.${keyof Contract[A] & string}` }[AreaName]

/** The typed API the renderer (and tests) use: api.catalog.listProducts(input) → output. */
export type Api = {
  [A in AreaName]: {
    [M in keyof Contract[A]]: Contract[A][M] extends CallDef
      ? (input?: z.input<Contract[A][M]['input']>) => Promise<z.output<Contract[A][M]['output']>>
      : never
  }
}

/** Flat table "area.method" → definition, used by transports and the dispatcher. */
export const calls: Record<string, CallDef> = Object.fromEntries(
  Object.entries(contract).flatMap(([area, defs]) =>
    Object.entries(defs as Record<string, CallDef>).map(([name, def]) => [`${area}.${name}`, def])
  )
)

export const methodNames = Object.keys(calls) as MethodName[]

export { events } from './events.ts'
export type { EventName, EventPayload } from './events.ts'
export { AppError, ErrorCodes, isAppErrorData } from './errors.ts'
export type { AppErrorData, CallResult, ErrorIssue } from './errors.ts'
export type { Role, CallDef } from './define.ts'
