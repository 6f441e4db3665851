// The Display P3 ICC profile, taken from the ones built into sharp, for HEIC files that state
// P3 primaries in an nclx box rather than embedding a profile (common on recent phones).
import sharp from 'sharp'

export async function displayP3Profile(): Promise<Uint8Array | null> {
  const tagged = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000000' } }).withIccProfile('p3').png().toBuffer()
  const icc = (await sharp(tagged).metadata()).icc
  return icc ? new Uint8Array(icc) : null
}
