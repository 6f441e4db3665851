// While a backup reads the media folder, files the catalogue stops referencing must stay until
// the backup has packed them: the backup's database snapshot may still reference them. Deleting
// areas (photos) wait on `whenFree()` before removing files; a backup holds the guard.
export class MediaGuard {
  private holds = 0
  private waiters: Array<() => void> = []

  /** Keeps files from being removed until the returned function is called. */
  hold(): () => void {
    this.holds++
    let released = false
    return () => {
      if (released) return
      released = true
      this.holds--
      if (this.holds === 0) for (const w of this.waiters.splice(0)) w()
    }
  }

  /** Resolves once no backup holds the media folder. */
  whenFree(): Promise<void> {
    return this.holds === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve))
  }
}
