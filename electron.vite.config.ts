import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const r = (p: string) => resolve(import.meta.dirname, p)

export default defineConfig({
  main: {
    // Runtime dependencies stay external (better-sqlite3 and sharp are native addons).
    build: {
      rolldownOptions: {
        input: {
          index: r('electron/main/index.ts'),
          // The photo engine runs in its own process and decodes HEIC in a worker thread; the core
          // finds these scripts next to the main bundle (electron/core/photos/engine/).
          'engine-process': r('electron/core/photos/engine/engine-process.ts'),
          'heic-worker': r('electron/core/photos/engine/heic/heic-worker.ts')
        }
      }
    }
  },
  preload: {
    // A sandboxed preload cannot require npm modules: bundle everything into one CommonJS file.
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: r('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: r('renderer'),
    build: { rolldownOptions: { input: { index: r('renderer/index.html') } } },
    plugins: [react()]
  }
})
