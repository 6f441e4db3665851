// Runs the core's helper processes (the photo engine) as Electron utility processes. A packaged
// Vetrina has the RunAsNode fuse off, so forking the app binary with ELECTRON_RUN_AS_NODE=1 would
// start a second Vetrina window instead of Node; utilityProcess is Electron's supported way to run
// a Node script in its own process, with the same sandboxing of crashes and memory. This wraps it
// in the small part of the ChildProcess interface the core uses. Electron is passed in (tests use
// a fake).
import { EventEmitter } from 'node:events'
import type { ChildProcess } from 'node:child_process'
import { PARENT_DISCONNECT, type NodeProcessLauncher } from '../core/platform/node-process.ts'

/** The part of Electron's UtilityProcess used here. */
export interface UtilityProcessLike {
  pid: number | undefined
  postMessage(message: unknown): void
  kill(): boolean
  on(event: 'spawn', listener: () => void): unknown
  on(event: 'exit', listener: (code: number) => void): unknown
  on(event: 'message', listener: (message: unknown) => void): unknown
}

export interface UtilityProcessModule {
  fork(modulePath: string, args: string[], options: { env: NodeJS.ProcessEnv; execArgv: string[]; serviceName: string; stdio: 'inherit' }): UtilityProcessLike
}

/** A utility process seen as the ChildProcess subset the core's engine client relies on. */
export class UtilityChild extends EventEmitter {
  exitCode: number | null = null
  signalCode: NodeJS.Signals | null = null
  connected = true
  readonly channel = undefined
  private readonly proc: UtilityProcessLike

  constructor(proc: UtilityProcessLike) {
    super()
    this.proc = proc
    proc.on('message', (message) => this.emit('message', message))
    proc.on('exit', (code) => {
      this.exitCode = code
      this.connected = false
      this.emit('exit', code, null)
    })
  }

  get pid(): number | undefined {
    return this.proc.pid
  }

  send(message: unknown): boolean {
    if (!this.connected) return false
    this.proc.postMessage(message)
    return true
  }

  /** Asks the process to finish its work and exit (the fork channel's "disconnect"). */
  disconnect(): void {
    if (!this.connected) return
    this.proc.postMessage({ type: PARENT_DISCONNECT })
    this.connected = false
  }

  kill(_signal?: NodeJS.Signals | number): boolean {
    return this.proc.kill()
  }

  // The main process's lifetime does not depend on its children: nothing to hold.
  ref(): void {}
  unref(): void {}
}

export function utilityLauncher(utilityProcess: UtilityProcessModule): NodeProcessLauncher {
  return (script, options) =>
    new UtilityChild(utilityProcess.fork(script, [], { env: options.env, execArgv: options.execArgv, serviceName: options.serviceName, stdio: 'inherit' })) as unknown as ChildProcess
}
