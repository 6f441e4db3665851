// The sandbox built into Vetrina: the default publishing target until real Alibaba.com
// credentials are entered, so a firm can rehearse a bulk publish offline. It runs in-process on
// 127.0.0.1 with its own SQLite file in the data folder; the client reaches it over HTTP exactly
// as it reaches the real gateway. This file only hosts it — no sandbox code is used by the client.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Sandbox } from '../../sandbox/server.ts'

export interface BuiltinCredentials {
  appKey: string
  appSecret: string
  accessToken: string
  refreshToken: string
}

export class BuiltinSandbox {
  private readonly dir: string
  private starting: Promise<Sandbox> | null = null
  private sandbox: Sandbox | null = null
  private stopped = false

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'pavilion-sandbox')
  }

  /** Starts the sandbox once; resolves with its base URL and default credentials. */
  async ensure(): Promise<{ url: string; credentials: BuiltinCredentials }> {
    if (this.stopped) throw new Error('the built-in sandbox was stopped')
    this.starting ??= (async () => {
      mkdirSync(this.dir, { recursive: true })
      // Loaded on first use: the sandbox (its server, XML validator and category data) is about
      // 10 MB of memory that a catalogue which never rehearses a publish does not carry.
      const { startSandbox } = await import('../../sandbox/server.ts')
      const sb = await startSandbox({ dbFile: join(this.dir, 'sandbox.sqlite'), settings: { audit: { delayMs: 3000, rejectWords: ['replica', 'counterfeit', 'fake'] } } })
      if (this.stopped) {
        await sb.close()
        throw new Error('the built-in sandbox was stopped')
      }
      this.sandbox = sb
      return sb
    })()
    const sb = await this.starting
    return { url: sb.url, credentials: sb.credentials() }
  }

  running(): boolean {
    return this.sandbox !== null
  }

  async stop(): Promise<void> {
    this.stopped = true
    const sb = this.sandbox ?? (await this.starting?.catch(() => null)) ?? null
    this.sandbox = null
    await sb?.close()
  }
}
