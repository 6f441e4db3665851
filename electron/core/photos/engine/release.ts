// Frees pixel buffers as soon as the engine is done with them. sharp's output buffers are
// freed only when V8 collects them, and this process makes so little JavaScript garbage that V8
// would rarely collect: a batch would pile up hundreds of MB, or the engine would have to force
// collections (which cost ~3 ms of CPU time a photo). Detaching the ArrayBuffer (transfer to a
// zero-length one) frees its memory at once, with no collection.
//
// Only call it once nothing can read the buffer any more: no sharp pipeline still running on it.

type Detachable = ArrayBuffer & { readonly detached: boolean; transfer(length: number): ArrayBuffer }

export function release(...buffers: (Buffer | null | undefined)[]): void {
  for (const buf of buffers) {
    if (!buf || buf.byteLength === 0) continue
    const backing = buf.buffer as Detachable
    // A buffer that shares its memory (a slice, or a small buffer from Node's pool) is left to
    // the collector: detaching would take the memory from under the others.
    if (buf.byteOffset !== 0 || buf.byteLength !== backing.byteLength || !(backing instanceof ArrayBuffer) || backing.detached) continue
    backing.transfer(0)
  }
}
