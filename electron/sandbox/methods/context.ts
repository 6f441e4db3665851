// What every sandbox method handler receives, and small helpers they share.
import { randomBytes } from 'node:crypto'
import { SandboxError } from '../errors.ts'
import type { UploadedFile } from '../request.ts'
import type { SchemaLanguage } from '../schema.ts'
import type { SandboxStore } from '../store.ts'

export interface SandboxSettings {
  /** Languages `schema.*` accepts (the pavilion's copy languages). */
  languages: SchemaLanguage[]
  audit: { delayMs: number; rejectWords: string[] }
  /** Ignore items wrapped as <complex-values><complex-value> (as reported from live use). */
  ignoreNestedComplexValue: boolean
  /** alibaba.icbu.product.add / .update answer InsufficientPermission / OFFLINE (as reported live). */
  legacyProductApis: 'insufficient-permission' | 'offline'
}

export interface MethodContext {
  store: SandboxStore
  params: Record<string, string>
  files: UploadedFile[]
  appKey: string
  sellerId: number
  now: number
  /** Host (and port) photobank URLs are built with: `//host/kf/…`. */
  imageHost: string
  settings: SandboxSettings
}

export type MethodResult = Record<string, unknown>

export interface MethodDef {
  /** Needs a seller token (session / access_token). */
  auth: boolean
  /** Changes state (lost-response faults matter most here). */
  write: boolean
  run(ctx: MethodContext): MethodResult
  /** Adds the TOP list wrappers for the non-simplified response form. */
  wrapLists?(result: MethodResult): MethodResult
}

export function required(params: Record<string, string>, name: string): string {
  const v = params[name]
  if (v === undefined || v.trim() === '') throw new SandboxError('missingParameter', { subMsg: `parameter ${name} is required` })
  return v
}

export function integer(params: Record<string, string>, name: string, fallback: number, min: number, max: number): number {
  const raw = params[name]
  if (raw === undefined || raw === '') return fallback
  if (!/^\d+$/.test(raw)) throw new SandboxError('invalidParameter', { subMsg: `parameter ${name} must be a whole number` })
  const n = Number(raw)
  if (n < min || n > max) throw new SandboxError('invalidParameter', { subMsg: `parameter ${name} must be between ${min} and ${max}` })
  return n
}

export function traceId(): string {
  return randomBytes(8).toString('hex')
}

/** A business failure of the schema APIs: success envelope, `biz_success:false`, `;`-joined codes. */
export function bizFailure(failures: Array<{ code: string; message: string }>): MethodResult {
  return {
    biz_success: false,
    msg_code: failures.map((f) => f.code).join(';'),
    // ';' separates the messages, so it cannot appear inside one.
    message: failures.map((f) => f.message.replace(/;/g, ',')).join(';'),
    trace_id: traceId()
  }
}

export function wrapArray(key: string, items: unknown[]): Record<string, unknown[]> {
  return { [key]: items }
}
