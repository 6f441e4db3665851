// Copies an original into the store's temporary area and hashes the copy, so the hash is of
// exactly the bytes kept (even if the user's file changes meanwhile). Done by the engine process:
// the reads and the hashing stay off the core's event loop and out of its memory.
import { createHash } from 'node:crypto'
import { constants, copyFile, open, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { StageResult } from './protocol.ts'
import { tempName } from './temp-names.ts'

const CHUNK = 1024 * 1024
const spareBuffers: Buffer[] = []

export async function stage(input: string, tmpDir: string): Promise<StageResult> {
  const tmp = join(tmpDir, tempName())
  try {
    // A copy-on-write clone where the file system can (APFS, Btrfs, XFS, ReFS): no bytes copied.
    await copyFile(input, tmp, constants.COPYFILE_FICLONE)
    return { tmp, sha256: await hashFile(tmp) }
  } catch (err) {
    await rm(tmp, { force: true })
    throw err
  }
}

/** SHA-256 of a file, read in 1 MB chunks into reused buffers (no garbage per photo). */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  const buf = spareBuffers.pop() ?? Buffer.allocUnsafeSlow(CHUNK)
  const fh = await open(path, 'r')
  try {
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK, null)
      if (bytesRead === 0) break
      hash.update(buf.subarray(0, bytesRead))
    }
  } finally {
    await fh.close()
    spareBuffers.push(buf)
  }
  return hash.digest('hex')
}
