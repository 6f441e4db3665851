// Reads what libheif's API does not hand out for an HEVC-coded HEIF item: its decoder
// configuration (the hvcC property: the VPS, SPS and PPS parameter sets and the size of the NAL
// length prefixes in the item's data). Walks the boxes meta → iprp → ipco/ipma of the file.
// Anything unexpected gives null: the caller then lets libheif decode the file.

interface Box {
  type: string
  /** Where the payload starts and ends. */
  start: number
  end: number
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0
}

function u16(b: Uint8Array, at: number): number {
  return (b[at] << 8) | b[at + 1]
}

/** The boxes between `start` and `end`; stops at the first one that does not fit. */
function boxes(b: Uint8Array, start: number, end: number): Box[] {
  const out: Box[] = []
  for (let at = start; at + 8 <= end; ) {
    let size = u32(b, at)
    const type = String.fromCharCode(b[at + 4], b[at + 5], b[at + 6], b[at + 7])
    let header = 8
    if (size === 1) {
      if (at + 16 > end) break
      size = u32(b, at + 8) * 2 ** 32 + u32(b, at + 12)
      header = 16
    } else if (size === 0) size = end - at
    if (size < header || at + size > end) break
    out.push({ type, start: at + header, end: at + size })
    at += size
  }
  return out
}

const child = (b: Uint8Array, parent: Box, type: string, skip = 0) => boxes(b, parent.start + skip, parent.end).find((x) => x.type === type)

/** The ipco indexes (1-based) of the properties `itemId` is associated with, in order. */
function associations(b: Uint8Array, ipma: Box, itemId: number): number[] | null {
  const version = b[ipma.start]
  const wide = (b[ipma.start + 3] & 1) === 1
  let at = ipma.start + 4
  if (at + 4 > ipma.end) return null
  const entries = u32(b, at)
  at += 4
  for (let e = 0; e < entries; e++) {
    const idSize = version < 1 ? 2 : 4
    if (at + idSize + 1 > ipma.end) return null
    const id = idSize === 2 ? u16(b, at) : u32(b, at)
    const count = b[at + idSize]
    at += idSize + 1
    const list: number[] = []
    for (let i = 0; i < count; i++) {
      if (at + (wide ? 2 : 1) > ipma.end) return null
      list.push(wide ? u16(b, at) & 0x7fff : b[at] & 0x7f)
      at += wide ? 2 : 1
    }
    if (id === itemId) return list
  }
  return null
}

export interface HevcConfig {
  /** Parameter-set NAL units (without length prefixes), in the order they are to be decoded. */
  nals: Uint8Array[]
  /** Bytes of the length prefix of each NAL unit in the item's data (1, 2 or 4). */
  lengthSize: number
}

/** The hvcC of item `itemId` in the HEIF file `file`, or null. */
export function hevcConfig(file: Uint8Array, itemId: number): HevcConfig | null {
  const meta = boxes(file, 0, file.length).find((x) => x.type === 'meta')
  if (!meta) return null
  // meta is a full box: version and flags come before its children.
  const iprp = child(file, meta, 'iprp', 4)
  const ipco = iprp && child(file, iprp, 'ipco')
  const ipma = iprp && child(file, iprp, 'ipma')
  if (!ipco || !ipma) return null
  const properties = boxes(file, ipco.start, ipco.end)
  const hvcC = (associations(file, ipma, itemId) ?? []).map((i) => properties[i - 1]).find((p) => p?.type === 'hvcC')
  if (!hvcC || hvcC.end - hvcC.start < 23) return null
  const lengthSize = (file[hvcC.start + 21] & 3) + 1
  if (lengthSize === 3) return null
  const nals: Uint8Array[] = []
  let at = hvcC.start + 23
  for (let arrays = file[hvcC.start + 22], a = 0; a < arrays; a++) {
    if (at + 3 > hvcC.end) return null
    const count = u16(file, at + 1)
    at += 3
    for (let n = 0; n < count; n++) {
      if (at + 2 > hvcC.end) return null
      const length = u16(file, at)
      if (at + 2 + length > hvcC.end) return null
      nals.push(file.subarray(at + 2, at + 2 + length))
      at += 2 + length
    }
  }
  return nals.length > 0 ? { nals, lengthSize } : null
}
