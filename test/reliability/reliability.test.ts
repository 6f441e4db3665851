// The reliability suite at a small size for `npm test` (the full run: npm run test:reliability).
import { describe, expect, test } from 'vitest'
import { runReliability } from './runner.ts'

describe('reliability under SIGKILL', () => {
  test('backup, restore, import and publish killed at random points: every restart is clean', async () => {
    // Small enough for npm test (one calibration run and one kill of each kind), kills well inside the work.
    const counts = await runReliability({ n: Number(process.env.RELIABILITY_N ?? 8), seed: 7, killWindow: 0.5 })
    console.log(`reliability: ${counts.trials} trials, ${counts.killed} killed, ${counts.checks} checks, ${counts.integrityFailures} integrity failures, ${counts.leftovers} leftovers, ${counts.verifiedBackupsRestored} verified backups restored, sandbox duplicates ${counts.sandbox.duplicateListings}/${counts.sandbox.duplicateImages}`)
    expect(counts.failures).toEqual([])
    // The runs after the calibrations were killed in the middle of their work (one may outrun its kill on a busy machine).
    expect(counts.killed).toBeGreaterThanOrEqual(counts.trials - 4 - 1)
    expect(counts.integrityFailures + counts.leftovers + counts.silentWork).toBe(0)
    expect(counts.checks).toBeGreaterThan(counts.trials * 5)
  }, 240_000)
})
