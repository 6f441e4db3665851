// Type-checks each environment with its own settings, so a wrong import fails here
// (no DOM types in core, no Node types in shared or the renderer).
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'

const projects = ['shared', 'electron/core', 'electron/sandbox', 'electron/main', 'renderer', 'test']
let failed = false
const hasSources = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((f) => /\.tsx?$/.test(f) && !f.includes('node_modules'))
for (const dir of projects) {
  if (!hasSources(dir)) continue
  const r = spawnSync('tsc', ['--noEmit', '-p', `${dir}/tsconfig.json`], { stdio: 'inherit', shell: process.platform === 'win32' })
  if (r.status !== 0) {
    failed = true
    console.error(`typecheck failed: ${dir}/tsconfig.json`)
  }
}
process.exit(failed ? 1 : 0)
