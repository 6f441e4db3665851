// npm test: type-check every environment, build the app, run the unit and end-to-end tests, and
// end with the plain summary line the CI harness reads: "N passed, N failed".
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const report = join(root, 'vitest-report.json')
const shell = process.platform === 'win32'
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell }).status === 0

const extraArgs = process.argv.slice(2)
let stepFailures = 0
if (!run('node', ['test/typecheck.ts'])) {
  console.error('Type check failed.')
  stepFailures++
}
if (!run('electron-vite', ['build'])) {
  console.error('Build failed.')
  stepFailures++
}
rmSync(report, { force: true })
const vitestOk = run('vitest', ['run', '--config', 'test/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extraArgs])

let passed = 0
let failed = stepFailures
let skipped = 0
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numFailedTestSuites: number; testResults: Array<{ status: string; assertionResults: unknown[] }> }
  passed += r.numPassedTests
  failed += r.numFailedTests
  // A test file that crashed before running its tests counts as a failure too.
  failed += r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length
  skipped += r.numPendingTests + r.numTodoTests
} else {
  console.error('The test runner produced no report.')
  failed++
}
// Vitest fails the run for unhandled errors too (an exception escaping a test's work); they are
// not test results, so count them as one failure rather than report a clean run.
if (!vitestOk && failed === 0) {
  console.error('Vitest reported errors outside the tests (see "Unhandled Errors" above).')
  failed++
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 ? 1 : 0)
