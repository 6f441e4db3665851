// npm start: the desktop app when Electron's runtime is available; otherwise browser mode.
// Electron downloads its runtime from GitHub the first time it is used; on a machine without
// internet that cannot happen, and Vetrina still has to start.
import { spawn, spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { runWebHost } from '../core/host/run.ts'

const root = resolve(import.meta.dirname, '../..')

function electronBinary(): string | null {
  // Resolving the package triggers the download when the binary is missing; do it in a child so
  // its output and failure stay contained.
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000
  })
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null
}

const binary = process.env.VETRINA_FORCE_BROWSER ? null : electronBinary()
if (binary) {
  const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log('The Electron runtime could not be obtained on this machine (it is downloaded from the internet on first use), so Vetrina starts in browser mode instead.')
  await runWebHost({})
}
