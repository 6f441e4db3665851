// Putting a staged catalogue in place of the current one, crash-safe. The moves are written to
// `restore-plan.json` (flushed to disk) before the job that staged the catalogue reports success;
// each move is an atomic rename. If Vetrina dies before or half-way through the moves, the next
// start finds the plan and undoes the moves already made, so the folder holds either the old
// catalogue or the new one — never a missing or empty one. Once every move is made the plan is
// marked committed; a committed plan only needs its leftovers removed.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { DataPaths } from '../platform/files.ts'

export const PLAN_FILE = 'restore-plan.json'

const Plan = z.object({
  v: z.literal(1),
  jobId: z.string().nullable(),
  stage: z.string(),
  aside: z.string(),
  moves: z.array(z.tuple([z.string(), z.string()])),
  committed: z.boolean()
})
type Plan = z.infer<typeof Plan>

function writeDurably(file: string, text: string): void {
  const tmp = `${file}.tmp`
  const fd = openSync(tmp, 'w', 0o600)
  try {
    writeSync(fd, text)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, file)
  syncDir(join(file, '..'))
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    // Folders cannot be opened for syncing on Windows; the rename is durable there anyway.
  }
}

/** Test hook: stop (as a crash would) after this many moves. */
let crashAfterMoves: number | null = null
export function simulateCrashAfterMoves(n: number | null): void {
  crashAfterMoves = n
}
export class SimulatedCrash extends Error {}

/**
 * Records (durably) how the staged catalogue in `stageDir` will replace the current one: the
 * current database (and its WAL) and, unless `keepMedia`, the media folder go to `asideDir`; the
 * staged ones come in.
 */
export function planSwap(paths: DataPaths, stageDir: string, asideDir: string, jobId: string | null, keepMedia = false): void {
  const moves: Array<[string, string]> = []
  for (const suffix of ['', '-wal', '-shm']) moves.push([paths.db + suffix, join(asideDir, `catalog.sqlite${suffix}`)])
  if (!keepMedia) moves.push([paths.media, join(asideDir, 'media')])
  moves.push([join(stageDir, 'catalog.sqlite'), paths.db])
  if (!keepMedia) {
    mkdirSync(join(stageDir, 'media'), { recursive: true, mode: 0o700 })
    moves.push([join(stageDir, 'media'), paths.media])
  }
  const plan: Plan = { v: 1, jobId, stage: stageDir, aside: asideDir, moves, committed: false }
  writeDurably(join(paths.dataDir, PLAN_FILE), JSON.stringify(plan))
}

/** Carries out the recorded plan (the catalogue is closed). Undoes the moves made if one fails. */
export function executeSwap(paths: DataPaths): void {
  const planFile = join(paths.dataDir, PLAN_FILE)
  const plan = Plan.parse(JSON.parse(readFileSync(planFile, 'utf8')))
  mkdirSync(plan.aside, { recursive: true, mode: 0o700 })
  let made = 0
  try {
    for (const [from, to] of plan.moves) {
      // WAL and shared-memory files exist only while a catalogue is open, or after a crash; a
      // missing catalogue (restored from the rescue screen) has nothing to put aside.
      if (!existsSync(from) && (from.startsWith(paths.db) || from === paths.media)) continue
      if (crashAfterMoves !== null && made >= crashAfterMoves) throw new SimulatedCrash()
      renameSync(from, to)
      made++
    }
  } catch (err) {
    if (err instanceof SimulatedCrash) throw err
    rollBack(plan)
    rmSync(plan.stage, { recursive: true, force: true })
    rmSync(planFile, { force: true })
    throw err
  }
  syncDir(paths.dataDir)
  writeDurably(planFile, JSON.stringify({ ...plan, committed: true }))
  rmSync(plan.stage, { recursive: true, force: true })
  rmSync(planFile, { force: true })
}

/** Drops a plan that will not be carried out (the job failed before the swap). */
export function discardPlan(paths: DataPaths): void {
  rmSync(join(paths.dataDir, PLAN_FILE), { force: true })
}

function rollBack(plan: Plan): void {
  for (const [from, to] of [...plan.moves].reverse()) {
    if (existsSync(to) && !existsSync(from)) renameSync(to, from)
  }
}

/**
 * At start, before the catalogue is opened: finishes or undoes a swap a crash interrupted.
 * Returns the restore job whose swap was undone (to be marked failed), if any.
 */
export function settleInterruptedSwap(paths: DataPaths): { rolledBackJob: string | null; committed: boolean } | null {
  const planFile = join(paths.dataDir, PLAN_FILE)
  rmSync(`${planFile}.tmp`, { force: true })
  if (!existsSync(planFile)) return null
  let plan: Plan
  try {
    plan = Plan.parse(JSON.parse(readFileSync(planFile, 'utf8')))
  } catch {
    // A plan is renamed into place whole: an unreadable one was never acted on.
    rmSync(planFile, { force: true })
    return null
  }
  if (!plan.committed) rollBack(plan)
  rmSync(plan.stage, { recursive: true, force: true })
  rmSync(planFile, { force: true })
  return { rolledBackJob: plan.committed ? null : plan.jobId, committed: plan.committed }
}
