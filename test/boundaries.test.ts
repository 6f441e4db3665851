import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { ROOT, checkImport, findViolations, importsOf, listSources } from './boundaries.ts'

describe('environment boundaries', () => {
  test('the rules catch each kind of forbidden import', () => {
    expect(checkImport('shared/domain/x.ts', 'node:fs')).toMatch(/Node/)
    expect(checkImport('shared/domain/x.ts', 'path')).toMatch(/Node/)
    expect(checkImport('shared/domain/x.ts', 'electron')).toMatch(/electron/)
    expect(checkImport('shared/domain/x.ts', 'react-dom')).toMatch(/DOM/)
    expect(checkImport('shared/domain/x.ts', '../../electron/core/core.ts')).toMatch(/only import from shared/)
    expect(checkImport('electron/core/catalog/x.ts', 'electron')).toMatch(/must not import electron/)
    expect(checkImport('electron/core/catalog/x.ts', '../../main/ipc.ts')).toMatch(/shell/)
    expect(checkImport('renderer/src/x.tsx', '../../electron/core/core.ts')).toMatch(/electron\//)
    expect(checkImport('renderer/src/x.tsx', 'node:fs')).toMatch(/Node/)
    expect(checkImport('electron/sandbox/server.ts', '../core/publish/sign.ts')).toMatch(/shares no code/)
    // Allowed ones.
    expect(checkImport('shared/domain/x.ts', 'zod')).toBeNull()
    expect(checkImport('shared/domain/x.ts', './y.ts')).toBeNull()
    expect(checkImport('electron/core/x.ts', 'better-sqlite3')).toBeNull()
    expect(checkImport('electron/core/x.ts', '../../shared/contract/index.ts')).toBeNull()
    expect(checkImport('renderer/src/x.tsx', '../../shared/contract/index.ts')).toBeNull()
    expect(checkImport('electron/main/index.ts', 'electron')).toBeNull()
  })

  test('imports are found in TypeScript and JSX sources', async () => {
    const source = [
      "import type { Core } from '../../electron/core/core.ts'",
      "import { useState, type FC } from 'react'",
      "export { x } from './x.ts'",
      "const App: FC<{ a: number }> = () => <div className=\"x\">{await import('node:fs')}</div>"
    ].join('\n')
    const found = await importsOf(source, 'x.tsx')
    expect(found).toEqual(expect.arrayContaining(['../../electron/core/core.ts', 'react', './x.ts', 'node:fs']))
  })

  test('the codebase follows them', async () => {
    const files = ['shared', 'electron/core', 'electron/sandbox', 'renderer/src'].flatMap((d) => {
      try {
        return listSources(join(ROOT, d))
      } catch {
        return []
      }
    })
    expect(files.length).toBeGreaterThan(50)
    expect(await findViolations(files)).toEqual([])
  })
})
