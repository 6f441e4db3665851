// The release workflow runs on GitHub (where the internet is); here it is linted: valid YAML,
// valid against the GitHub workflow schema (@action-validator/core carries SchemaStore's schema,
// offline), and it does what a release needs on each platform.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { validateWorkflow } from '@action-validator/core'

const text = readFileSync(join(import.meta.dirname, '../../.github/workflows/release.yml'), 'utf8')

interface Step { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; if?: string }
interface Job { 'runs-on': string; needs?: string; if?: string; steps: Step[]; strategy?: { matrix: { include: Array<Record<string, string>> } } }
const workflow = parse(text) as { on: Record<string, unknown>; jobs: Record<string, Job> }

describe('release workflow', () => {
  test('valid against the GitHub Actions workflow schema (and the check catches a broken one)', () => {
    expect(validateWorkflow(text).errors).toEqual([])
    const broken = text.replace('runs-on: ${{ matrix.os }}', 'run-on: ${{ matrix.os }}')
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0)
  })

  test('runs for version tags and by hand', () => {
    expect(workflow.on.push).toEqual({ tags: ['v*.*.*'] })
    expect(workflow.on).toHaveProperty('workflow_dispatch')
  })

  test('builds on Windows, macOS and Linux: install, npm test, package, upload', () => {
    const job = workflow.jobs.package
    const oses = job.strategy!.matrix.include.map((m) => m.os)
    expect(oses).toEqual(['windows-latest', 'macos-latest', 'ubuntu-latest'])
    const runs = job.steps.map((s) => s.run ?? s.uses ?? '')
    const at = (re: RegExp) => runs.findIndex((r) => re.test(r))
    expect(at(/^actions\/checkout@v\d/)).toBe(0)
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(24)
    expect(at(/^npm ci\b/)).toBeGreaterThan(0)
    expect(at(/^npm test$/)).toBeGreaterThan(at(/^npm ci\b/))
    expect(at(/^npm run dist -- \$\{\{ matrix\.target \}\}$/)).toBeGreaterThan(at(/^npm test$/))
    expect(at(/@electron\/fuses read/)).toBeGreaterThan(at(/^npm run dist/))
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!
    for (const ext of ['exe', 'dmg', 'zip', 'AppImage', 'deb', 'blockmap']) expect(String(upload.with!.path)).toContain(`*.${ext}`)
    expect(String(upload.with!.path)).toContain('latest*.yml')
    expect(upload.with!['if-no-files-found']).toBe('error')
    // The runtime must be downloaded there: nothing may skip it.
    expect(text).not.toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/)
  })

  test('signing secrets only reach the packaging step; the draft release needs every platform', () => {
    const job = workflow.jobs.package
    const withSecrets = job.steps.filter((s) => JSON.stringify(s).includes('secrets.'))
    expect(withSecrets.map((s) => s.name)).toEqual(['Package'])
    expect(workflow.jobs.publish.needs).toBe('package')
    expect(workflow.jobs.publish.if).toMatch(/refs\/tags\/v/)
  })
})
