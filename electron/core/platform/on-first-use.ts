// Packages the core loads the first time a call needs them rather than when it starts. Most
// sessions never sanitize a description, publish or back up, yet each of these libraries costs
// the core's process a few megabytes of memory once loaded (and a photo batch measures the core
// and its photo engine together). A synchronous require keeps their callers synchronous.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** `load()` returns the package `id`, loading it on the first call. */
export function onFirstUse<T>(id: string): () => T {
  let loaded: T | undefined
  return () => (loaded ??= require(id) as T)
}
