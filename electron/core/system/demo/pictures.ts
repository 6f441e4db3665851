// The sample catalogue's product pictures. Where the app ships a real photo (resources/demo/photos,
// licences in its SOURCES.md) that file is used as it is; the others are drawn from SVG with sharp:
// a bottle, a tin, a bag, a belt, a plate or a vase on a walnut shelf against white, 1200 × 1200 px (above the pavilion's 640 px minimum, sharp edges, product
// clear of the frame). Drawn here because no freely licensed photos of these trades exist to ship,
// so their licence is ours; each composition differs (position, props, labels), so no two products
// look like the same photo.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AppError } from '../../../../shared/contract/errors.ts'
import { DEMO_PRODUCTS, type DemoProduct, type Picture } from './catalogue.ts'

export const PICTURE_SIZE = 1200

const S = PICTURE_SIZE
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A repeatable choice per product (its SKU), so the same catalogue draws the same pictures. */
function seed(text: string): () => number {
  let h = 2166136261
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0
    h = Math.imul(h ^ (h >>> 13), 3266489909) >>> 0
    return ((h ^= h >>> 16) >>> 0) / 4294967296
  }
}

function bottle(p: Extract<Picture, { kind: 'bottle' }>, x: number, rnd: () => number): string {
  const scale = p.size === 'magnum' ? 1.18 : p.size === 'half' ? 0.72 : p.size === 'oil' ? 0.9 : 1
  const w = 190 * scale
  const h = 640 * scale
  const top = 1030 - h
  const neck = w * 0.34
  const shoulder = p.size === 'oil' ? 0.42 : 0.34
  const bodyTop = top + h * shoulder
  const labelColour = ['#f4efe2', '#fbf7ea', '#efe4c8', '#f7f1e6'][Math.floor(rnd() * 4)]
  const band = ['#7a1c22', '#1f3a68', '#2f5d3a', '#8a6d1f', '#3b2414'][Math.floor(rnd() * 5)]
  const capsule = p.size === 'oil' ? '#c8a23c' : band
  return `
  <g>
    <rect x="${x - neck / 2}" y="${top}" width="${neck}" height="${h * 0.22}" rx="${neck * 0.2}" fill="${p.glass}"/>
    <rect x="${x - neck / 2 - 2}" y="${top - 6}" width="${neck + 4}" height="${h * 0.1}" rx="6" fill="${capsule}"/>
    <path d="M ${x - neck / 2} ${top + h * 0.2} C ${x - neck / 2} ${bodyTop - 30}, ${x - w / 2} ${bodyTop - 40}, ${x - w / 2} ${bodyTop + 20}
             L ${x - w / 2} ${1030 - 18} Q ${x - w / 2} 1030 ${x - w / 2 + 18} 1030 L ${x + w / 2 - 18} 1030 Q ${x + w / 2} 1030 ${x + w / 2} ${1030 - 18}
             L ${x + w / 2} ${bodyTop + 20} C ${x + w / 2} ${bodyTop - 40}, ${x + neck / 2} ${bodyTop - 30}, ${x + neck / 2} ${top + h * 0.2} Z" fill="${p.glass}"/>
    <rect x="${x - w / 2 + 10}" y="${bodyTop + 60}" width="${w - 20}" height="${(1030 - bodyTop) * 0.82}" fill="${p.liquid}" opacity="0.55"/>
    <rect x="${x - w / 2 + 6}" y="${bodyTop + h * 0.16}" width="${w - 12}" height="${h * 0.3}" fill="${labelColour}" stroke="${band}" stroke-width="4"/>
    <rect x="${x - w / 2 + 6}" y="${bodyTop + h * 0.16}" width="${w - 12}" height="${h * 0.05}" fill="${band}"/>
    <text x="${x}" y="${bodyTop + h * 0.3}" font-family="serif" font-size="${Math.round(w * 0.1)}" text-anchor="middle" fill="#2b1a12">${esc(p.label)}</text>
    <text x="${x}" y="${bodyTop + h * 0.38}" font-family="serif" font-size="${Math.round(w * 0.075)}" text-anchor="middle" fill="#5b4a3a">LE QUERCE</text>
    <rect x="${x - w / 2 + 22}" y="${bodyTop + 30}" width="${w * 0.08}" height="${h * 0.45}" rx="8" fill="#ffffff" opacity="0.18"/>
  </g>`
}

function glass(x: number, wine: string): string {
  return `
  <g>
    <path d="M ${x - 70} 740 Q ${x - 70} 860 ${x} 880 Q ${x + 70} 860 ${x + 70} 740 Z" fill="#eef2f0" stroke="#b9c4bf" stroke-width="4"/>
    <path d="M ${x - 62} 800 Q ${x - 56} 862 ${x} 872 Q ${x + 56} 862 ${x + 62} 800 Z" fill="${wine}" opacity="0.85"/>
    <rect x="${x - 5}" y="878" width="10" height="130" fill="#d5ddd9"/>
    <ellipse cx="${x}" cy="1020" rx="60" ry="12" fill="#d5ddd9"/>
  </g>`
}

function grapes(x: number, colour: string): string {
  const dots: string[] = []
  for (let r = 0; r < 5; r++) for (let i = 0; i <= 4 - r; i++) dots.push(`<circle cx="${x - (4 - r) * 16 + i * 32}" cy="${900 + r * 28}" r="17" fill="${colour}" stroke="#00000022" stroke-width="3"/>`)
  return `<g><path d="M ${x} 880 q 10 -40 40 -50" stroke="#5b3b1a" stroke-width="8" fill="none"/><path d="M ${x + 20} 860 q 60 -40 90 10 q -50 10 -90 -10 Z" fill="#4f7a2a"/>${dots.join('')}</g>`
}

function oliveBranch(x: number): string {
  const leaves: string[] = []
  for (let i = 0; i < 7; i++) {
    const lx = x - 150 + i * 45
    leaves.push(`<ellipse cx="${lx}" cy="${985 - (i % 2) * 34}" rx="34" ry="10" transform="rotate(${i % 2 ? -25 : 20} ${lx} ${985 - (i % 2) * 34})" fill="#6d7f3a"/>`)
    if (i % 2 === 0) leaves.push(`<ellipse cx="${lx + 12}" cy="${1004}" rx="13" ry="17" fill="#3b4a12"/>`)
  }
  return `<g><path d="M ${x - 170} 1000 L ${x + 150} 965" stroke="#6b5a3a" stroke-width="7"/>${leaves.join('')}</g>`
}

function tin(p: Extract<Picture, { kind: 'tin' }>, x: number): string {
  const w = p.litres >= 5 ? 380 : 320
  const h = p.litres >= 5 ? 560 : 480
  const top = 1030 - h
  return `
  <g>
    <rect x="${x - w / 2}" y="${top}" width="${w}" height="${h}" rx="14" fill="${p.colour}"/>
    <rect x="${x - w / 2}" y="${top}" width="${w}" height="26" fill="#b9b9b9"/>
    <rect x="${x - w / 2}" y="${1030 - 26}" width="${w}" height="26" fill="#b9b9b9"/>
    <rect x="${x + w / 2 - 90}" y="${top - 40}" width="50" height="44" rx="6" fill="#c8a23c"/>
    <path d="M ${x - 80} ${top} q 80 -90 160 0" stroke="#8d8d8d" stroke-width="12" fill="none"/>
    <rect x="${x - w / 2 + 30}" y="${top + h * 0.25}" width="${w - 60}" height="${h * 0.45}" rx="10" fill="#f1e7b8"/>
    <text x="${x}" y="${top + h * 0.38}" font-family="serif" font-size="28" text-anchor="middle" fill="#2f3a12">OLIO EXTRAVERGINE</text>
    <text x="${x}" y="${top + h * 0.5}" font-family="serif" font-size="64" text-anchor="middle" fill="#2f3a12">${p.litres} L</text>
    <text x="${x}" y="${top + h * 0.61}" font-family="serif" font-size="22" text-anchor="middle" fill="#5b4a3a">FATTORIA LE QUERCE</text>
  </g>`
}

function bag(p: Extract<Picture, { kind: 'bag' }>, x: number): string {
  const c = p.colour
  const stitch = `stroke="#d8c3a5" stroke-width="4" stroke-dasharray="14 10" fill="none"`
  switch (p.shape) {
    case 'bauletto':
      return `<g>
        <path d="M ${x - 120} 520 Q ${x} 330 ${x + 120} 520" stroke="${c}" stroke-width="34" fill="none"/>
        <path d="M ${x - 300} 1010 L ${x - 300} 700 Q ${x - 300} 520 ${x} 520 Q ${x + 300} 520 ${x + 300} 700 L ${x + 300} 1010 Z" fill="${c}"/>
        <path d="M ${x - 270} 990 L ${x - 270} 705 Q ${x - 270} 550 ${x} 550 Q ${x + 270} 550 ${x + 270} 705 L ${x + 270} 990" ${stitch}/>
        <path d="M ${x - 250} 610 Q ${x} 560 ${x + 250} 610" stroke="#c8a23c" stroke-width="10" fill="none"/>
        <rect x="${x - 30}" y="600" width="60" height="40" rx="8" fill="#c8a23c"/>
      </g>`
    case 'tracolla':
      return `<g>
        <path d="M ${x - 250} 640 Q ${x - 120} 150 ${x + 250} 640" stroke="${c}" stroke-width="22" fill="none"/>
        <rect x="${x - 290}" y="640" width="580" height="380" rx="40" fill="${c}"/>
        <path d="M ${x - 290} 680 Q ${x - 290} 640 ${x - 250} 640 L ${x + 250} 640 Q ${x + 290} 640 ${x + 290} 680 L ${x + 290} 860 Q ${x} 900 ${x - 290} 860 Z" fill="#00000033"/>
        <path d="M ${x - 265} 665 L ${x + 265} 665 L ${x + 265} 845 Q ${x} 880 ${x - 265} 845 Z" ${stitch}/>
        <rect x="${x - 26}" y="850" width="52" height="56" rx="10" fill="#c8a23c"/>
      </g>`
    case 'shopper':
      return `<g>
        <path d="M ${x - 180} 560 Q ${x - 180} 330 ${x - 60} 330 Q ${x + 40} 330 ${x + 40} 560" stroke="${c}" stroke-width="26" fill="none"/>
        <path d="M ${x - 40} 560 Q ${x - 40} 360 ${x + 80} 360 Q ${x + 180} 360 ${x + 180} 560" stroke="${c}" stroke-width="26" fill="none"/>
        <path d="M ${x - 320} 560 L ${x + 320} 560 L ${x + 270} 1020 L ${x - 270} 1020 Z" fill="${c}"/>
        <path d="M ${x - 295} 585 L ${x + 295} 585 L ${x + 250} 995 L ${x - 250} 995 Z" ${stitch}/>
        <rect x="${x - 90}" y="640" width="180" height="34" rx="6" fill="#ffffff" opacity="0.2"/>
      </g>`
    case 'secchiello':
      return `<g>
        <path d="M ${x - 200} 470 Q ${x} 170 ${x + 200} 470" stroke="${c}" stroke-width="24" fill="none"/>
        <path d="M ${x - 230} 470 L ${x + 230} 470 L ${x + 200} 1000 Q ${x} 1040 ${x - 200} 1000 Z" fill="${c}"/>
        <path d="M ${x - 230} 520 Q ${x} 560 ${x + 230} 520" stroke="#d8c3a5" stroke-width="10" fill="none"/>
        <path d="M ${x + 60} 540 L ${x + 90} 720 M ${x + 100} 535 L ${x + 140} 700" stroke="#d8c3a5" stroke-width="10"/>
        <path d="M ${x - 205} 500 L ${x - 178} 985" ${stitch}/><path d="M ${x + 205} 500 L ${x + 178} 985" ${stitch}/>
      </g>`
    case 'cartella':
      return `<g>
        <rect x="${x - 110}" y="470" width="220" height="80" rx="30" fill="none" stroke="${c}" stroke-width="28"/>
        <rect x="${x - 380}" y="540" width="760" height="480" rx="28" fill="${c}"/>
        <path d="M ${x - 380} 580 L ${x + 380} 580" stroke="#00000055" stroke-width="6"/>
        <rect x="${x - 350}" y="600" width="700" height="390" rx="18" ${stitch}/>
        <rect x="${x - 180}" y="600" width="40" height="110" rx="6" fill="#c8a23c"/><rect x="${x + 140}" y="600" width="40" height="110" rx="6" fill="#c8a23c"/>
      </g>`
  }
}

function belt(p: Extract<Picture, { kind: 'belt' }>, x: number, rnd: () => number): string {
  const c = p.colour
  if (p.braided) {
    const weave: string[] = []
    for (let i = 0; i < 26; i++) weave.push(`<ellipse cx="${x - 420 + i * 32}" cy="${640 + (i % 2) * 18}" rx="20" ry="30" fill="${c}" stroke="#00000044" stroke-width="4"/>`)
    return `<g>${weave.join('')}<rect x="${x + 420}" y="585" width="130" height="130" rx="20" fill="none" stroke="#c8a23c" stroke-width="22"/>
      <rect x="${x + 470}" y="640" width="90" height="14" fill="#c8a23c"/></g>`
  }
  const coiled = rnd() < 0.5
  if (coiled) {
    return `<g>
      <circle cx="${x}" cy="700" r="300" fill="none" stroke="${c}" stroke-width="72"/>
      <circle cx="${x}" cy="700" r="215" fill="none" stroke="${c}" stroke-width="72"/>
      <circle cx="${x}" cy="700" r="300" fill="none" stroke="#d8c3a5" stroke-width="3" stroke-dasharray="12 10"/>
      <rect x="${x + 230}" y="560" width="150" height="120" rx="18" fill="none" stroke="#c8a23c" stroke-width="20"/>
      <circle cx="${x}" cy="700" r="120" fill="#00000008"/>
    </g>`
  }
  const holes = [0, 1, 2, 3, 4].map((i) => `<circle cx="${x + 180 + i * 50}" cy="640" r="9" fill="#ffffff"/>`).join('')
  return `<g>
    <rect x="${x - 470}" y="600" width="880" height="80" rx="36" fill="${c}"/>
    <rect x="${x - 470}" y="610" width="880" height="60" rx="30" fill="none" stroke="#d8c3a5" stroke-width="3" stroke-dasharray="12 10"/>
    ${holes}
    <rect x="${x - 560}" y="575" width="130" height="130" rx="18" fill="none" stroke="#c8a23c" stroke-width="20"/>
    <rect x="${x - 520}" y="634" width="120" height="12" fill="#c8a23c"/>
    <rect x="${x - 380}" y="592" width="40" height="96" rx="6" fill="${c}" stroke="#00000055" stroke-width="4"/>
  </g>`
}

function plate(p: Extract<Picture, { kind: 'plate' }>, cx: number): string {
  const r = 260 + (p.diameter - 20) * 12
  const cy = 640
  const ring = (rr: number, colour: string, w: number) => `<circle cx="${cx}" cy="${cy}" r="${rr}" fill="none" stroke="${colour}" stroke-width="${w}"/>`
  const petals = (n: number, rr: number, colour: string, len: number) =>
    Array.from({ length: n }, (_, i) => {
      const a = (i * 360) / n
      return `<ellipse cx="${cx}" cy="${cy - rr}" rx="${len * 0.35}" ry="${len}" fill="${colour}" transform="rotate(${a} ${cx} ${cy})"/>`
    }).join('')
  let centre = ''
  if (p.pattern === 'raffaellesco') {
    centre = `${ring(r * 0.9, '#1f3a68', 14)}${petals(12, r * 0.72, '#e0a21f', r * 0.12)}${petals(12, r * 0.72, '#1f3a68', r * 0.05)}
      <path d="M ${cx - r * 0.35} ${cy + r * 0.1} C ${cx - r * 0.2} ${cy - r * 0.45}, ${cx + r * 0.25} ${cy - r * 0.4}, ${cx + r * 0.35} ${cy + r * 0.05}
               C ${cx + r * 0.1} ${cy - r * 0.1}, ${cx - r * 0.05} ${cy + r * 0.25}, ${cx - r * 0.35} ${cy + r * 0.1} Z" fill="#e0a21f" stroke="#1f3a68" stroke-width="6"/>
      <circle cx="${cx + r * 0.22}" cy="${cy - r * 0.12}" r="${r * 0.04}" fill="#1f3a68"/>`
  } else if (p.pattern === 'ricco') {
    centre = `${ring(r * 0.92, '#1f3a68', 22)}${ring(r * 0.82, '#e0a21f', 10)}${petals(16, r * 0.66, '#2f7a4a', r * 0.1)}${petals(8, r * 0.3, '#1f3a68', r * 0.16)}
      <circle cx="${cx}" cy="${cy}" r="${r * 0.12}" fill="#e0a21f" stroke="#b3541e" stroke-width="8"/>`
  } else if (p.pattern === 'gallo') {
    centre = `${ring(r * 0.9, '#b3541e', 18)}${ring(r * 0.8, '#2f7a4a', 8)}
      <ellipse cx="${cx}" cy="${cy + r * 0.1}" rx="${r * 0.32}" ry="${r * 0.22}" fill="#b3541e"/>
      <circle cx="${cx + r * 0.25}" cy="${cy - r * 0.16}" r="${r * 0.1}" fill="#b3541e"/>
      <path d="M ${cx + r * 0.2} ${cy - r * 0.26} l ${r * 0.05} ${-r * 0.1} l ${r * 0.05} ${r * 0.08} l ${r * 0.04} ${-r * 0.08} l ${r * 0.03} ${r * 0.1} Z" fill="#c0262d"/>
      <path d="M ${cx + r * 0.35} ${cy - r * 0.16} l ${r * 0.08} ${r * 0.03} l ${-r * 0.08} ${r * 0.03} Z" fill="#e0a21f"/>
      <path d="M ${cx - r * 0.3} ${cy} C ${cx - r * 0.55} ${cy - r * 0.4}, ${cx - r * 0.6} ${cy - r * 0.05}, ${cx - r * 0.5} ${cy + r * 0.2}" stroke="#1f3a68" stroke-width="${r * 0.08}" fill="none"/>
      <path d="M ${cx - r * 0.05} ${cy + r * 0.3} l 0 ${r * 0.2} M ${cx + r * 0.08} ${cy + r * 0.3} l 0 ${r * 0.2}" stroke="#e0a21f" stroke-width="10"/>`
  } else {
    const lemons = [0, 1, 2, 3, 4].map((i) => {
      const a = (i * 72 * Math.PI) / 180
      const lx = cx + Math.cos(a) * r * 0.45
      const ly = cy + Math.sin(a) * r * 0.45
      return `<ellipse cx="${lx}" cy="${ly}" rx="${r * 0.14}" ry="${r * 0.1}" fill="#f2d230" stroke="#c9a400" stroke-width="5" transform="rotate(${i * 72 + 20} ${lx} ${ly})"/>
        <ellipse cx="${lx + r * 0.12}" cy="${ly - r * 0.08}" rx="${r * 0.08}" ry="${r * 0.035}" fill="#2f7a4a" transform="rotate(${i * 72 - 30} ${lx} ${ly})"/>`
    })
    centre = `${ring(r * 0.92, '#2f7a4a', 12)}${lemons.join('')}<circle cx="${cx}" cy="${cy}" r="${r * 0.12}" fill="#f2d230"/>`
  }
  return `<g>
    <ellipse cx="${cx}" cy="${cy + r + 30}" rx="${r * 0.9}" ry="26" fill="#ececec"/>
    <circle cx="${cx}" cy="${cy}" r="${r}" fill="#fbf8f1" stroke="#d9d2c4" stroke-width="6"/>
    <circle cx="${cx}" cy="${cy}" r="${r * 0.62}" fill="#f7f2e6" stroke="#e4dccb" stroke-width="4"/>
    ${centre}
  </g>`
}

function vase(p: Extract<Picture, { kind: 'vase' }>, x: number): string {
  const h = 380 + p.height * 12
  const top = 1030 - h
  const w = p.height >= 40 ? 420 : p.height >= 30 ? 360 : 300
  const body = `M ${x - w * 0.22} ${top} L ${x + w * 0.22} ${top} Q ${x + w * 0.12} ${top + h * 0.16} ${x + w * 0.5} ${top + h * 0.45}
    Q ${x + w * 0.62} ${top + h * 0.75} ${x + w * 0.3} ${1030} L ${x - w * 0.3} 1030 Q ${x - w * 0.62} ${top + h * 0.75} ${x - w * 0.5} ${top + h * 0.45}
    Q ${x - w * 0.12} ${top + h * 0.16} ${x - w * 0.22} ${top} Z`
  let decor = ''
  if (p.pattern === 'arabesco') {
    decor = Array.from({ length: 7 }, (_, i) => `<path d="M ${x - w * 0.45 + i * w * 0.15} ${top + h * 0.55} q ${w * 0.05} ${-h * 0.12} ${w * 0.1} 0 q ${w * 0.05} ${h * 0.12} ${w * 0.1} 0" stroke="#1f3a68" stroke-width="9" fill="none"/>`).join('')
      + `<path d="M ${x - w * 0.5} ${top + h * 0.42} L ${x + w * 0.5} ${top + h * 0.42}" stroke="#1f3a68" stroke-width="14"/>`
      + `<path d="M ${x - w * 0.5} ${top + h * 0.7} L ${x + w * 0.5} ${top + h * 0.7}" stroke="#1f3a68" stroke-width="14"/>`
  } else if (p.pattern === 'geometrico') {
    const colours = ['#d86a1e', '#2f7a4a', '#1f3a68', '#d86a1e']
    decor = colours.map((col, i) => `<rect x="${x - w * 0.6}" y="${top + h * (0.3 + i * 0.14)}" width="${w * 1.2}" height="${h * 0.06}" fill="${col}"/>`).join('')
      + Array.from({ length: 9 }, (_, i) => `<path d="M ${x - w * 0.48 + i * w * 0.12} ${top + h * 0.39} l ${w * 0.06} ${h * 0.07} l ${w * 0.06} ${-h * 0.07}" fill="#e0a21f"/>`).join('')
  } else {
    decor = `<ellipse cx="${x}" cy="${top + h * 0.55}" rx="${w * 0.26}" ry="${h * 0.14}" fill="#e0a21f" stroke="#1f3a68" stroke-width="8"/>
      <circle cx="${x}" cy="${top + h * 0.55}" r="${h * 0.05}" fill="#1f3a68"/>
      <path d="M ${x - w * 0.5} ${top + h * 0.36} L ${x + w * 0.5} ${top + h * 0.36} M ${x - w * 0.52} ${top + h * 0.76} L ${x + w * 0.52} ${top + h * 0.76}" stroke="#1f3a68" stroke-width="12"/>
      <path d="M ${x - w * 0.45} ${top + h * 0.2} q ${-w * 0.25} ${h * 0.05} ${-w * 0.12} ${h * 0.22}" stroke="#e8dcc4" stroke-width="26" fill="none"/>
      <path d="M ${x + w * 0.45} ${top + h * 0.2} q ${w * 0.25} ${h * 0.05} ${w * 0.12} ${h * 0.22}" stroke="#e8dcc4" stroke-width="26" fill="none"/>`
  }
  return `<g>
    <defs><clipPath id="v"><path d="${body}"/></clipPath></defs>
    <ellipse cx="${x}" cy="1036" rx="${w * 0.42}" ry="16" fill="#ececec"/>
    <path d="${body}" fill="#f6efe0" stroke="#cbbd9f" stroke-width="6"/>
    <g clip-path="url(#v)">${decor}</g>
    <ellipse cx="${x}" cy="${top}" rx="${w * 0.22}" ry="16" fill="#d9cdb2"/>
  </g>`
}

/** The SVG of a product's picture number `index`. */
export function pictureSvg(product: DemoProduct, index: number): string {
  const p = product.pictures[index]
  const rnd = seed(`${product.sku}/${index}`)
  // Products drawn alike (the bottles of a winery) are set apart: each sits on its own spot left or
  // right of the centre, with a different prop on the other side, as a photographer varies the set.
  const nth = DEMO_PRODUCTS.filter((d) => d.pictures[0]?.kind === p.kind).indexOf(product)
  const n = nth < 0 ? Math.floor(rnd() * 8) : nth
  const side = n % 2 ? 1 : -1
  const shift = Math.round((60 + (Math.floor(n / 2) % 4) * 70) * side)
  // The walnut shelf it stands on follows it (and stays clear of the frame).
  const shelf = Math.min(S - 860, Math.max(100, S / 2 - 380 + shift))
  let body = ''
  switch (p.kind) {
    case 'bottle': {
      const x = S / 2 + shift
      const propX = S / 2 - side * 300
      const grapeColour = p.liquid === '#d8cf8a' ? '#b8c46a' : '#3b1a3a'
      const prop = p.size === 'oil' ? (n % 3 === 1 ? glass(propX, p.liquid) : n % 3 === 2 ? '' : oliveBranch(propX)) : [glass(propX, p.liquid), grapes(propX, grapeColour), '', glass(propX, p.liquid) + grapes(propX + side * -150, grapeColour)][n % 4]
      body = prop + bottle(p, x, rnd)
      break
    }
    case 'tin': body = oliveBranch(S / 2 - side * 360) + tin(p, S / 2 + shift * 0.6); break
    case 'bag': body = bag(p, S / 2 + shift * 0.6); break
    case 'belt': body = belt(p, S / 2 + shift * 0.2, rnd); break
    case 'plate': body = plate(p, S / 2 + ((n % 4) - 1.5) * 110); break
    case 'vase': body = vase(p, S / 2 + shift * 0.6); break
    case 'photo': throw new Error(`${product.sku} has a real photo (${p.file}), not a drawing`)
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${S}" height="${S}" viewBox="0 0 ${S} ${S}">
  <rect width="100%" height="100%" fill="#ffffff"/>
  <rect x="${shelf}" y="1020" width="760" height="96" rx="10" fill="#6f5038"/>
  <rect x="${shelf}" y="1020" width="760" height="14" rx="6" fill="#8a6748"/>
  ${body}
</svg>`
}

/**
 * Where the app keeps the real photos of the sample catalogue: beside the packaged app
 * (electron-builder's extraResources) or in the source tree (development, CLI, tests).
 */
const FROM_SOURCE_TREE = '../../../../resources/demo/photos'

export function demoPhotoDir(): string {
  const packaged = (process as { resourcesPath?: string }).resourcesPath
  const candidates = [
    ...(packaged ? [join(packaged, 'demo', 'photos')] : []),
    fileURLToPath(new URL(FROM_SOURCE_TREE, import.meta.url)),
    join(process.cwd(), 'resources', 'demo', 'photos')
  ]
  const found = candidates.find((dir) => existsSync(join(dir, 'SOURCES.md')))
  if (!found) throw new AppError('demo_photos_missing', `The sample catalogue's photos are missing from this installation (looked in ${candidates.join(', ')}).`, { params: { path: candidates[0] } })
  return found
}

/** The picture as a JPEG, as a phone or a studio would hand it over (a real photo: its file as it is). */
export async function pictureJpeg(product: DemoProduct, index: number): Promise<Buffer> {
  const p = product.pictures[index]
  if (p.kind === 'photo') return readFileSync(join(demoPhotoDir(), p.file))
  // sharp is loaded here, on first use: the core's image work runs in the photo engine's
  // process, and loading libvips at start would cost every session about 14 MB for the demo alone.
  const { default: sharp } = await import('sharp')
  return sharp(Buffer.from(pictureSvg(product, index))).jpeg({ quality: 88, chromaSubsampling: '4:4:4' }).toBuffer()
}

/** The file name the price list's photo column gives it. */
export function pictureName(product: DemoProduct, index: number): string {
  return `${product.sku.toLowerCase()}${index ? `-${index + 1}` : ''}.jpg`
}
