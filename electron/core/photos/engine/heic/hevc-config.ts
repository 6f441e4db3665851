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

/** Every item's ipco indexes (1-based), in order; null when the box is cut short. */
function allAssociations(b: Uint8Array, ipma: Box): Map<number, number[]> | null {
  const version = b[ipma.start]
  const wide = (b[ipma.start + 3] & 1) === 1
  let at = ipma.start + 4
  if (at + 4 > ipma.end) return null
  const entries = u32(b, at)
  at += 4
  const out = new Map<number, number[]>()
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
    out.set(id, list)
  }
  return out
}

/** The item properties of the file: every item's associated property boxes, in order. */
function itemProperties(file: Uint8Array): Map<number, Array<Box | undefined>> | null {
  const meta = boxes(file, 0, file.length).find((x) => x.type === 'meta')
  if (!meta) return null
  // meta is a full box: version and flags come before its children.
  const iprp = child(file, meta, 'iprp', 4)
  const ipco = iprp && child(file, iprp, 'ipco')
  const ipma = iprp && child(file, iprp, 'ipma')
  if (!ipco || !ipma) return null
  const properties = boxes(file, ipco.start, ipco.end)
  const all = allAssociations(file, ipma)
  if (!all) return null
  return new Map([...all].map(([id, list]) => [id, list.map((i) => properties[i - 1])]))
}

/** The parameter sets of an hvcC box, or null. */
function parameterSets(file: Uint8Array, hvcC: Box): HevcConfig | null {
  if (hvcC.end - hvcC.start < 23) return null
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

export interface HevcConfig {
  /** Parameter-set NAL units (without length prefixes), in the order they are to be decoded. */
  nals: Uint8Array[]
  /** Bytes of the length prefix of each NAL unit in the item's data (1, 2 or 4). */
  lengthSize: number
}

/** The hvcC of item `itemId` in the HEIF file `file`, or null. */
export function hevcConfig(file: Uint8Array, itemId: number): HevcConfig | null {
  const hvcC = itemProperties(file)?.get(itemId)?.find((p) => p?.type === 'hvcC')
  return hvcC ? parameterSets(file, hvcC) : null
}

/** How much larger than its ispe a coded picture may be: coded sizes are padded to whole coding blocks (≤ 64 px). */
const CODED_PADDING = 64

/**
 * An HEVC-coded item whose stream (its SPS) declares a picture larger than the item's stated
 * size (ispe), or null when every item agrees. The decoder allocates for the stream's size, so a
 * file stating 64×64 pixels could make it allocate for 16384×16384 before failing.
 */
export function codedSizeMismatch(file: Uint8Array): { item: number; coded: PictureSize; stated: PictureSize } | null {
  for (const [item, props] of itemProperties(file) ?? []) {
    const hvcC = props.find((p) => p?.type === 'hvcC')
    const ispe = props.find((p) => p?.type === 'ispe')
    if (!hvcC || !ispe || ispe.end - ispe.start < 12) continue
    // ispe is a full box: version and flags, then width and height.
    const stated = { width: u32(file, ispe.start + 4), height: u32(file, ispe.start + 8) }
    const sps = parameterSets(file, hvcC)?.nals.find((nal) => nal.length > 2 && ((nal[0] >> 1) & 0x3f) === SPS_NAL)
    const coded = sps ? spsPictureSize(sps) : null
    if (coded && (coded.width > stated.width + CODED_PADDING || coded.height > stated.height + CODED_PADDING)) return { item, coded, stated }
  }
  return null
}

export interface PictureSize {
  width: number
  height: number
}

const SPS_NAL = 33

/** Reads bits of a NAL unit's payload (RBSP: the emulation-prevention bytes taken out). */
class Bits {
  private readonly bytes: number[] = []
  private at = 0

  constructor(nal: Uint8Array) {
    // After the 2-byte NAL header; 00 00 03 → 00 00.
    for (let i = 2, zeros = 0; i < nal.length; i++) {
      if (zeros >= 2 && nal[i] === 3) {
        zeros = 0
        continue
      }
      zeros = nal[i] === 0 ? zeros + 1 : 0
      this.bytes.push(nal[i])
    }
  }

  bit(): number {
    const byte = this.bytes[this.at >> 3]
    if (byte === undefined) throw new RangeError('past the end of the parameter set')
    const v = (byte >> (7 - (this.at & 7))) & 1
    this.at++
    return v
  }

  bits(n: number): number {
    let v = 0
    for (let i = 0; i < n; i++) v = v * 2 + this.bit()
    return v
  }

  skip(n: number): void {
    this.at += n
  }

  /** Unsigned exp-Golomb (ue(v)). */
  ue(): number {
    let zeros = 0
    while (this.bit() === 0) if (++zeros > 31) throw new RangeError('exp-Golomb code too long')
    return 2 ** zeros - 1 + this.bits(zeros)
  }
}

/** pic_width/height_in_luma_samples of an SPS NAL unit (H.265 7.3.2.2), or null if it cannot be read. */
export function spsPictureSize(sps: Uint8Array): PictureSize | null {
  try {
    const r = new Bits(sps)
    r.skip(4) // sps_video_parameter_set_id
    const maxSubLayersMinus1 = r.bits(3)
    r.skip(1) // sps_temporal_id_nesting_flag
    // profile_tier_level(1, maxSubLayersMinus1): 88 bits of general profile, 8 of level.
    r.skip(96)
    const profilePresent: number[] = []
    const levelPresent: number[] = []
    for (let i = 0; i < maxSubLayersMinus1; i++) {
      profilePresent.push(r.bit())
      levelPresent.push(r.bit())
    }
    if (maxSubLayersMinus1 > 0) r.skip(2 * (8 - maxSubLayersMinus1))
    for (let i = 0; i < maxSubLayersMinus1; i++) r.skip((profilePresent[i] ? 88 : 0) + (levelPresent[i] ? 8 : 0))
    r.ue() // sps_seq_parameter_set_id
    if (r.ue() === 3) r.skip(1) // chroma_format_idc; separate_colour_plane_flag
    const width = r.ue()
    const height = r.ue()
    return { width, height }
  } catch {
    return null
  }
}
