// electron-builder finds its configuration here; it lives in electron/release/builder-config.ts.
export { default } from './electron/release/builder-config.ts'
