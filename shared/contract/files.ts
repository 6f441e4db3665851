// Files cross transports by reference: a local path (desktop app and CLI) or an upload id
// (browser mode uploads the bytes first). Results that are files come back as a download.
import { z } from 'zod'

export const FileRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
  z.object({ kind: z.literal('upload'), id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/), name: z.string().max(255).optional() })
])
export type FileRef = z.infer<typeof FileRef>

export const Download = z.object({
  downloadId: z.string(),
  fileName: z.string(),
  size: z.number().int().nonnegative(),
  /** Where the file is on this machine (desktop app and CLI). */
  path: z.string().optional()
})
export type Download = z.infer<typeof Download>
