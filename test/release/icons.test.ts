// The icon set and installer artwork generated from the SVG sources: every PNG size, a Windows
// .ico with 16…256, a macOS .icns up to 1024, NSIS's 24-bit BMPs at the sizes it draws, the dmg
// background — read back with independent decoders (sharp, bmp-ts) and by their file headers.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { decode as decodeBmp } from 'bmp-ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { buildIcons, ICON_SIZES, RESOURCES } from '../../electron/release/icons.ts'
import { tempDir } from '../helpers/core.ts'

const out = tempDir('vetrina-icons-')
let written: string[] = []
beforeAll(async () => {
  written = await buildIcons(out)
}, 60_000)

/** ICO directory: the sizes it holds (a width byte of 0 means 256). */
function icoSizes(buf: Buffer): number[] {
  expect(buf.readUInt16LE(0)).toBe(0)
  expect(buf.readUInt16LE(2)).toBe(1)
  const n = buf.readUInt16LE(4)
  return Array.from({ length: n }, (_, i) => buf[6 + i * 16] || 256)
}

/** ICNS: the element types it holds, after checking the container's own length. */
function icnsTypes(buf: Buffer): string[] {
  expect(buf.toString('ascii', 0, 4)).toBe('icns')
  expect(buf.readUInt32BE(4)).toBe(buf.length)
  const types: string[] = []
  for (let at = 8; at < buf.length; at += buf.readUInt32BE(at + 4)) types.push(buf.toString('ascii', at, at + 4))
  return types
}

describe('icon set', () => {
  test('the source is the shop-window mark in the accent colour', () => {
    const svg = readFileSync(join(RESOURCES, 'icon.svg'), 'utf8')
    expect(svg).toMatch(/viewBox="0 0 1024 1024"/)
    // The app's accent colour, wherever the design tokens define it.
    const ui = join(import.meta.dirname, '../../renderer/src/ui')
    const css = readdirSync(ui).filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(ui, f), 'utf8')).join('\n')
    const accent = /--(?:color-)?accent:\s*(#[0-9a-f]{6})/i.exec(css)?.[1]
    expect(accent).toBeDefined()
    expect(svg.toLowerCase()).toContain(accent!.toLowerCase())
  })

  test('every PNG size, square and with transparency around the rounded tile', async () => {
    for (const size of ICON_SIZES) {
      const meta = await sharp(join(out, `icons/${size}x${size}.png`)).metadata()
      expect([meta.width, meta.height, meta.hasAlpha]).toEqual([size, size, true])
    }
    const { data } = await sharp(join(out, 'icons/256x256.png')).raw().toBuffer({ resolveWithObject: true })
    expect(data[3]).toBe(0) // corner: transparent
    const centre = (128 * 256 + 128) * 4
    expect(data[centre + 3]).toBe(255)
  })

  test('Windows .ico from 16 to 256 px; macOS .icns up to 1024 px (retina)', () => {
    for (const name of ['icon', 'backup']) {
      expect(icoSizes(readFileSync(join(out, `${name}.ico`)))).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256]))
      expect(icnsTypes(readFileSync(join(out, `${name}.icns`)))).toEqual(expect.arrayContaining(['ic10', 'ic09', 'ic08', 'ic07']))
    }
  })

  test('NSIS artwork: 24-bit BMPs of 164×314 and 150×57, right way up', () => {
    const sidebar = decodeBmp(readFileSync(join(out, 'installerSidebar.bmp')), { toRGBA: true })
    expect([sidebar.width, sidebar.height, sidebar.bitPP]).toEqual([164, 314, 24])
    // Top rows are the light end of the green gradient, the bottom the dark end.
    const px = (img: typeof sidebar, x: number, y: number) => Array.from(img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 3))
    expect(px(sidebar, 2, 2)[1]).toBeGreaterThan(px(sidebar, 2, 250)[1])
    expect(px(sidebar, 2, 2)[1]).toBeGreaterThan(px(sidebar, 2, 2)[0] + 60)
    const header = decodeBmp(readFileSync(join(out, 'installerHeader.bmp')), { toRGBA: true })
    expect([header.width, header.height, header.bitPP]).toEqual([150, 57, 24])
    expect(px(header, 1, 1)).toEqual([255, 255, 255])
    expect(readFileSync(join(out, 'uninstallerSidebar.bmp')).equals(readFileSync(join(out, 'installerSidebar.bmp')))).toBe(true)
  })

  test('dmg background at 1× and 2×', async () => {
    expect(await sharp(join(out, 'background.png')).metadata()).toMatchObject({ width: 540, height: 380 })
    expect(await sharp(join(out, 'background@2x.png')).metadata()).toMatchObject({ width: 1080, height: 760 })
    expect(written).toHaveLength(ICON_SIZES.length + 10)
  })
})
