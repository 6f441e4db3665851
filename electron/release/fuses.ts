// Electron fuses, flipped in the packaged binary right after electron-builder copies it (the
// afterPack hook) and before it is signed, so the signature covers them:
// - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the signed app into a Node interpreter (the
//   photo engine runs as a utility process instead: electron/main/utility-launcher.ts);
// - NODE_OPTIONS and --inspect off: no code injected through the environment or a debugger;
// - cookie encryption on; the app only loads from app.asar, whose embedded integrity is checked;
// - file:// gets no extra privileges (the app is served from app://, never file://).
// strictlyRequireAllFuses: a newer Electron with a fuse this list does not decide stops packaging.
import { join } from 'node:path'
import { FuseV1Options, FuseVersion, flipFuses, type FuseConfig } from '@electron/fuses'

export const VETRINA_FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  [FuseV1Options.WasmTrapHandlers]: true
} satisfies FuseConfig

/** The part of electron-builder's AfterPackContext the hook reads. */
export interface PackedApp {
  appOutDir: string
  electronPlatformName: string
  /** electron-builder's Arch enum: 1 = x64, 3 = arm64. */
  arch: number
  packager: { appInfo: { productFilename: string }; executableName?: string }
}

const ARM64 = 3

/** Where the Electron binary (or the .app bundle) is inside the packed app. */
export function electronBinary(ctx: PackedApp): string {
  const name = ctx.packager.appInfo.productFilename
  switch (ctx.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(ctx.appOutDir, `${name}.app`)
    case 'win32':
      return join(ctx.appOutDir, `${name}.exe`)
    default:
      return join(ctx.appOutDir, ctx.packager.executableName ?? name.toLowerCase())
  }
}

/** The afterPack hook. `flip` is @electron/fuses' flipFuses (tests pass a recorder). */
export async function applyFuses(ctx: PackedApp, flip: typeof flipFuses = flipFuses): Promise<void> {
  const binary = electronBinary(ctx)
  // An arm64 macOS binary must carry a valid (ad-hoc) signature to start; flipping breaks it.
  const resetAdHocDarwinSignature = ctx.electronPlatformName === 'darwin' && ctx.arch === ARM64
  const changed = await flip(binary, { ...VETRINA_FUSES, resetAdHocDarwinSignature })
  console.log(`  • fuses set on ${binary} (${changed} changed)`)
}
