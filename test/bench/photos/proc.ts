// Reading memory and CPU time of processes from Linux's /proc (the benchmark measures a process
// tree: the core and its photo engine child).
import { readdirSync, readFileSync } from 'node:fs'

const PAGE = 4096
const TICK_MS = 10 // USER_HZ = 100 on Linux

function statFields(pid: number | 'self'): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  } catch {
    return null // the process ended meanwhile
  }
}

/** Direct children of `pid` (any of its threads may have started them). */
export function childrenOf(pid: number): number[] {
  const out: number[] = []
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      try {
        for (const c of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ')) if (c.trim()) out.push(Number(c))
      } catch {
        // the thread ended meanwhile
      }
    }
  } catch {
    // the process ended meanwhile
  }
  return out
}

/** `pid` and all its descendants. */
export function tree(pid: number): number[] {
  const out = [pid]
  for (let i = 0; i < out.length; i++) out.push(...childrenOf(out[i]))
  return out
}

/** Resident memory of a process, in bytes (0 once it has ended). */
export function rss(pid: number): number {
  const f = statFields(pid)
  return f ? Number(f[21]) * PAGE : 0
}

/** The most resident memory the process ever had (the kernel's high-water mark), in bytes. */
export function peakRss(pid: number | 'self'): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : 0
  } catch {
    return 0
  }
}

/** CPU time (user + system) of this process and of the children it has waited for, in ms. */
export function ownCpuMs(): number {
  const f = statFields('self')!
  return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * TICK_MS
}

/** CPU time of the children this process has waited for, in ms. */
export function waitedChildrenCpuMs(): number {
  const f = statFields('self')!
  return (Number(f[13]) + Number(f[14])) * TICK_MS
}

/** CPU time of another process so far (user + system), in ms. */
export function cpuMs(pid: number): number {
  const f = statFields(pid)
  return f ? (Number(f[11]) + Number(f[12])) * TICK_MS : 0
}

export type ThreadKind = 'libvips' | 'libuv' | 'main' | 'v8' | 'other'
export type ThreadTimes = Map<string, { kind: ThreadKind; ms: number }>

/**
 * CPU time (user + system, ms) of each thread of a process, with its kind: libvips' workers,
 * libuv's thread pool (file system, sharp's calls, hashing), the JavaScript main thread, V8's
 * helper threads (garbage collection) and the rest.
 */
export function threadTimes(pid: number): ThreadTimes {
  const out: ThreadTimes = new Map()
  let tasks: string[] = []
  try {
    tasks = readdirSync(`/proc/${pid}/task`)
  } catch {
    return out // the process ended meanwhile
  }
  for (const task of tasks) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8')
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      out.set(task, { kind: threadKind(name, task === String(pid)), ms: (Number(f[11]) + Number(f[12])) * TICK_MS })
    } catch {
      // the thread ended meanwhile
    }
  }
  return out
}

/** CPU time per thread kind spent between two readings of the same process. */
export function cpuByKind(before: ThreadTimes, after: ThreadTimes): Record<ThreadKind, number> {
  const out: Record<ThreadKind, number> = { libvips: 0, libuv: 0, main: 0, v8: 0, other: 0 }
  for (const [tid, t] of after) out[t.kind] += t.ms - (before.get(tid)?.ms ?? 0)
  return out
}

function threadKind(name: string, isMain: boolean): ThreadKind {
  if (isMain) return 'main'
  if (name.startsWith('libvips')) return 'libvips'
  if (name.startsWith('libuv')) return 'libuv'
  if (name.startsWith('V8') || name.startsWith('DelayedTask')) return 'v8'
  return 'other'
}
