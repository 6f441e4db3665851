// A message is what the core says to a person, as data: an i18n key ("namespace:group.key") and
// the values its sentence needs. It crosses every transport as is; whoever shows it (the UI, the
// CLI, a downloaded report) turns it into a sentence in that person's language (translator.ts).
import { z } from 'zod'

export const MessageParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
export type MessageParams = z.infer<typeof MessageParams>

export const Message = z.object({ key: z.string(), params: MessageParams.optional() })
export type Message = z.infer<typeof Message>

/** A message for `key` ("import:job.check") with its parameters. */
export function msg(key: string, params?: MessageParams): Message {
  return params && Object.keys(params).length ? { key, params } : { key }
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).key === 'string' && /^[\w-]+:[\w.-]+$/.test((value as Message).key)
}
