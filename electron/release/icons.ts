// Builds the app's icon set and installer artwork from the SVG sources in resources/ (run by
// `npm run build`; electron-builder reads the results from resources/build/):
// - icons/NxN.png (16…1024, Linux and the window icon), icon.png, icon.ico (Windows), icon.icns
//   (macOS); backup.ico / backup.icns for .vetrina-backup files;
// - installerSidebar.bmp, uninstallerSidebar.bmp, installerHeader.bmp (NSIS wants 24-bit BMP);
// - background.png and background@2x.png (the macOS disk image window).
// sharp renders the SVGs (each size from the vector, not scaled from a big bitmap), png2icons
// packs ICO/ICNS, bmp-ts writes the BMPs.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import sharp, { type Sharp } from 'sharp'
import png2icons from 'png2icons'
import { encode as encodeBmp } from 'bmp-ts'

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const

const root = resolve(import.meta.dirname, '../..')
export const RESOURCES = join(root, 'resources')
export const BUILD_RESOURCES = join(RESOURCES, 'build')

/** Renders an SVG at exactly width×height (vector rendering at the needed density). */
async function render(svg: Buffer, width: number, height = width): Promise<Sharp> {
  const { width: w = width } = await sharp(svg).metadata()
  return sharp(svg, { density: Math.max(1, (72 * width) / w) }).resize(width, height, { fit: 'fill' })
}

/** 24-bit BMP (no alpha, flattened on `background`), as the NSIS installer requires. */
async function bmp(svg: Buffer, width: number, height: number, background = '#ffffff'): Promise<Buffer> {
  const { data, info } = await (await render(svg, width, height)).flatten({ background }).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  // bmp-ts reads 4 bytes per pixel in A, B, G, R order.
  const abgr = Buffer.alloc(info.width * info.height * 4)
  for (let i = 0, o = 0; i < data.length; i += 3, o += 4) {
    abgr[o] = 0xff
    abgr[o + 1] = data[i + 2]
    abgr[o + 2] = data[i + 1]
    abgr[o + 3] = data[i]
  }
  return encodeBmp({ data: abgr, width: info.width, height: info.height, bitPP: 24 } as never).data
}

/** ICO (16…256, from the 256 px rendering) and ICNS (16…1024). */
function iconFiles(png256: Buffer, png1024: Buffer, name: string, out: string): void {
  const ico = png2icons.createICO(png256, png2icons.BICUBIC2, 0, true, true)
  const icns = png2icons.createICNS(png1024, png2icons.BICUBIC2, 0)
  if (!ico || !icns) throw new Error(`png2icons could not make ${name}.ico/.icns`)
  writeFileSync(join(out, `${name}.ico`), ico)
  writeFileSync(join(out, `${name}.icns`), icns)
}

export async function buildIcons(out = BUILD_RESOURCES): Promise<string[]> {
  mkdirSync(join(out, 'icons'), { recursive: true })
  const written: string[] = []
  const write = (rel: string, data: Buffer) => {
    writeFileSync(join(out, rel), data)
    written.push(rel)
  }
  const icon = readFileSync(join(RESOURCES, 'icon.svg'))
  for (const size of ICON_SIZES) write(`icons/${size}x${size}.png`, await (await render(icon, size)).png().toBuffer())
  const big = readFileSync(join(out, 'icons/1024x1024.png'))
  write('icon.png', big)
  iconFiles(readFileSync(join(out, 'icons/256x256.png')), big, 'icon', out)
  written.push('icon.ico', 'icon.icns')
  const doc = readFileSync(join(RESOURCES, 'backup-icon.svg'))
  iconFiles(await (await render(doc, 256)).png().toBuffer(), await (await render(doc, 1024)).png().toBuffer(), 'backup', out)
  written.push('backup.ico', 'backup.icns')

  const art = (f: string) => readFileSync(join(RESOURCES, 'installer', f))
  const sidebar = await bmp(art('nsis-sidebar.svg'), 164, 314)
  write('installerSidebar.bmp', sidebar)
  write('uninstallerSidebar.bmp', sidebar)
  write('installerHeader.bmp', await bmp(art('nsis-header.svg'), 150, 57))
  write('background.png', await (await render(art('dmg-background.svg'), 540, 380)).png().toBuffer())
  write('background@2x.png', await (await render(art('dmg-background.svg'), 1080, 760)).png().toBuffer())
  return written
}

/** What the outputs are made from: the sources and this script. */
function sourcesHash(): string {
  const hash = createHash('sha256')
  for (const f of ['icon.svg', 'backup-icon.svg', 'installer/nsis-sidebar.svg', 'installer/nsis-header.svg', 'installer/dmg-background.svg']) hash.update(readFileSync(join(RESOURCES, f)))
  hash.update(readFileSync(import.meta.filename))
  return hash.digest('hex')
}

if (import.meta.main) {
  const started = performance.now()
  const stamp = join(BUILD_RESOURCES, '.sources-sha256')
  const hash = sourcesHash()
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash && existsSync(join(BUILD_RESOURCES, 'icon.icns'))) {
    console.log('Icons and installer artwork: up to date (resources/build).')
  } else {
    const written = await buildIcons()
    writeFileSync(stamp, hash)
    console.log(`Icons and installer artwork: ${written.length} files in resources/build (${Math.round(performance.now() - started)} ms).`)
  }
}
