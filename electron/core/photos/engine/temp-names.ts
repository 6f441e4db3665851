// Names for the engine's temporary files: a random prefix drawn once per process and a counter,
// unique without asking the system for random bytes for every file.
import { randomBytes } from 'node:crypto'

const prefix = randomBytes(9).toString('base64url')
let next = 0

export function tempName(extension = ''): string {
  return `${prefix}-${(next++).toString(36)}${extension}`
}
