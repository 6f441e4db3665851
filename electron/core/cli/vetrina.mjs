#!/usr/bin/env node
// Entry point for an installed `vetrina` command. The CLI is TypeScript run by Node's type
// stripping, and the database library needs Node-API 10: both need Node 22.14 or newer.
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 14) || Number(process.versions.napi) < 10) {
  console.error(`vetrina needs Node.js 22.14 or newer (this is ${process.version}). Use "npm run cli -- …" from the project folder.`)
  process.exit(1)
}
await import('./main.ts')
