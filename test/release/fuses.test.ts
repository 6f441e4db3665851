// The afterPack hook flips the fuses with @electron/fuses on the packaged binary. Here the binary
// is a stand-in file carrying Electron's fuse wire as Electron ships it (sentinel, version 1,
// nine fuses at their defaults); the real library flips it and reads it back.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import builder from '../../electron-builder.ts'
import { applyFuses, electronBinary, VETRINA_FUSES, type PackedApp } from '../../electron/release/fuses.ts'
import { tempDir } from '../helpers/core.ts'

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
// Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on,
// asar integrity off, only-asar off, browser V8 snapshot off, file:// privileges on, wasm trap handlers on.
const ELECTRON_DEFAULTS = '101100011'

function fakeElectron(path: string, wire = ELECTRON_DEFAULTS): void {
  const filler = Buffer.alloc(64 * 1024, 0x90)
  writeFileSync(path, Buffer.concat([filler, Buffer.from(SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire), filler]))
}

const linuxApp = (dir: string): PackedApp => ({ appOutDir: dir, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'Vetrina' }, executableName: 'vetrina' } })

describe('Electron fuses', () => {
  test('the fuse set: no Node from the environment or a debugger, asar only and verified, encrypted cookies', () => {
    expect(VETRINA_FUSES).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
      strictlyRequireAllFuses: true
    })
  })

  test('the afterPack hook of the configuration flips them in the packaged binary', async () => {
    const dir = tempDir('vetrina-packed-')
    fakeElectron(join(dir, 'vetrina'))
    await (builder.afterPack as (ctx: unknown) => Promise<void>)(linuxApp(dir))
    const wire = await getCurrentFuseWire(join(dir, 'vetrina'))
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE)
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE)
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE)
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE)
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE)
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE)
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE)
  })

  test('an Electron with a fuse this list does not decide stops the packaging', async () => {
    const dir = tempDir('vetrina-packed-')
    fakeElectron(join(dir, 'vetrina'), `${ELECTRON_DEFAULTS}1`)
    await expect(applyFuses(linuxApp(dir))).rejects.toThrow(/strictlyRequireAllFuses/)
  })

  test('where the binary is, per platform; arm64 macOS gets its ad-hoc signature back', async () => {
    expect(electronBinary({ ...linuxApp('/r/win-unpacked'), electronPlatformName: 'win32' })).toBe(join('/r/win-unpacked', 'Vetrina.exe'))
    expect(electronBinary({ ...linuxApp('/r/mac-arm64'), electronPlatformName: 'darwin' })).toBe(join('/r/mac-arm64', 'Vetrina.app'))
    expect(electronBinary(linuxApp('/r/linux-unpacked'))).toBe(join('/r/linux-unpacked', 'vetrina'))
    const seen: unknown[] = []
    const record = async (path: string, config: unknown) => (seen.push([path, config]), 1)
    await applyFuses({ ...linuxApp('/r/mac-arm64'), electronPlatformName: 'darwin', arch: 3 }, record as never)
    await applyFuses({ ...linuxApp('/r/mac'), electronPlatformName: 'darwin', arch: 1 }, record as never)
    expect((seen[0] as [string, { resetAdHocDarwinSignature: boolean }])[1].resetAdHocDarwinSignature).toBe(true)
    expect((seen[1] as [string, { resetAdHocDarwinSignature: boolean }])[1].resetAdHocDarwinSignature).toBe(false)
  })
})
