// How the core starts a Node helper process with a message channel (the photo engine), and how
// that process talks back. Under plain Node (CLI, browser mode, tests) it is child_process.fork.
// The desktop app swaps in Electron's utilityProcess (electron/main/utility-launcher.ts): a
// packaged Vetrina has the RunAsNode fuse off, so the old way of forking the Electron binary
// with ELECTRON_RUN_AS_NODE=1 no longer runs Node at all — and must not, or any local program
// could use the signed app as a Node interpreter.
import { fork, type ChildProcess } from 'node:child_process'

export interface NodeProcessOptions {
  env: NodeJS.ProcessEnv
  execArgv: string[]
  /** Shown in the OS task manager for a utility process. */
  serviceName: string
}

/**
 * Starts `script`. What the core uses of the result: send, on/once/off('message' | 'exit'), kill,
 * disconnect, connected, exitCode, pid, ref/unref and channel (the last three may do nothing).
 */
export type NodeProcessLauncher = (script: string, options: NodeProcessOptions) => ChildProcess

export const forkLauncher: NodeProcessLauncher = (script, options) =>
  fork(script, [], { env: options.env, execArgv: options.execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })

let current: NodeProcessLauncher = forkLauncher

export function launchNodeProcess(script: string, options: NodeProcessOptions): ChildProcess {
  return current(script, options)
}

/** The desktop shell installs its launcher before opening the core. */
export function setNodeProcessLauncher(launcher: NodeProcessLauncher): void {
  current = launcher
}

/** Sent by the desktop launcher in place of closing the channel (a utility process has no `disconnect`). */
export const PARENT_DISCONNECT = '__vetrina_parent_disconnect__'

export interface ParentChannel {
  send(message: unknown): void
  onMessage(listener: (message: unknown) => void): void
  /** The parent went away or asked the process to stop. */
  onDisconnect(listener: () => void): void
}

interface ParentPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown
}

/** The helper process's side: Electron's process.parentPort when it is a utility process, else the fork channel. */
export function parentChannel(proc: NodeJS.Process = process): ParentChannel {
  const port = (proc as NodeJS.Process & { parentPort?: ParentPort }).parentPort
  if (port) {
    const disconnects: Array<() => void> = []
    const messages: Array<(m: unknown) => void> = []
    port.on('message', ({ data }) => {
      if ((data as { type?: unknown } | null)?.type === PARENT_DISCONNECT) for (const l of disconnects) l()
      else for (const l of messages) l(data)
    })
    return {
      send: (m) => port.postMessage(m),
      onMessage: (l) => void messages.push(l),
      onDisconnect: (l) => void disconnects.push(l)
    }
  }
  return {
    send: (m) => void proc.send?.(m),
    onMessage: (l) => void proc.on('message', l),
    onDisconnect: (l) => void proc.on('disconnect', l)
  }
}
