// npm run test:reliability [-- N]: kills backups, restores, imports and publishing at random
// points (RELIABILITY_N or the first argument, default 64 trials) and prints the counts.
import { runReliability } from './runner.ts'

const n = Number(process.argv[2] ?? process.env.RELIABILITY_N ?? 64)
const started = Date.now()
const counts = await runReliability({ n, seed: Number(process.env.RELIABILITY_SEED ?? 20261122), log: (l) => console.log(`${String(Math.round((Date.now() - started) / 1000)).padStart(4)} s ${l}`) })
const per = Object.entries(counts.perScenario).map(([s, c]) => `${s} ${c.trials} (killed ${c.killed}, completed ${c.completed})`).join('; ')
console.log(`
Reliability: ${counts.trials} trials in ${Math.round((Date.now() - started) / 1000)} s — ${per}
  SIGKILLs that landed before the work finished: ${counts.killed}; finished: ${counts.completed}
  checks after restart: ${counts.checks}, failed: ${counts.failures.length}
  integrity failures: ${counts.integrityFailures}; temporary files, partial backups and restore plans left: ${counts.leftovers}; interrupted work that would run by itself: ${counts.silentWork}
  verified backups restored in a scratch folder: ${counts.verifiedBackupsRestored}
  interrupted imports handled by the user (half resumed, half cancelled): ${counts.interruptedImportsResumed}
  sandbox: ${counts.sandbox.products} listings, ${counts.sandbox.images} photobank images; duplicates: ${counts.sandbox.duplicateListings} listings, ${counts.sandbox.duplicateImages} images`)
if (counts.failures.length) {
  for (const f of counts.failures) console.log(`  FAIL ${f}`)
  process.exit(1)
}
