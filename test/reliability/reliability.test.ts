// The reliability suite at a small size for `npm test` (the full run: npm run test:reliability).
import { describe, expect, test } from 'vitest'
import { runReliability } from './runner.ts'

describe('reliability under SIGKILL', () => {
  test('backup, restore, import and publish killed at random points: every restart is clean', async () => {
    const counts = await runReliability({ n: Number(process.env.RELIABILITY_N ?? 12), seed: 7 })
    console.log(`reliability: ${counts.trials} trials, ${counts.killed} killed, ${counts.checks} checks, ${counts.verifiedBackupsRestored} verified backups restored, sandbox duplicates ${counts.sandbox.duplicateListings}/${counts.sandbox.duplicateImages}`)
    expect(counts.failures).toEqual([])
    expect(counts.killed).toBeGreaterThan(counts.trials / 3)
    expect(counts.checks).toBeGreaterThan(counts.trials * 5)
  }, 240_000)
})
