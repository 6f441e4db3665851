// The sample catalogue lives in its own data folder, marked by a file Vetrina writes when it has
// built it: any Vetrina (the app, browser mode, the CLI with --data-dir) that opens that folder
// knows it is a demonstration, says so everywhere and keeps it away from the real pavilion.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const DEMO_MARKER = 'vetrina-demo.json'

/** Where the app keeps the sample catalogue of a firm's catalogue folder. */
export function demoFolderOf(home: string): string {
  return join(home, 'demo')
}

export function isDemoCatalogue(dir: string): boolean {
  return existsSync(join(dir, DEMO_MARKER))
}

export interface DemoMarker {
  createdAt: string
  appVersion: string
  products: number
}

export function writeDemoMarker(dir: string, marker: DemoMarker): void {
  writeFileSync(join(dir, DEMO_MARKER), `${JSON.stringify(marker, null, 2)}\n`)
}

export function readDemoMarker(dir: string): DemoMarker | null {
  try {
    return JSON.parse(readFileSync(join(dir, DEMO_MARKER), 'utf8')) as DemoMarker
  } catch {
    return null
  }
}
