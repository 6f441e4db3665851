// The rendition presets live in the settings table (so backups carry them). Each preset has a
// spec hash; a rendition made under another spec is out of date and is made again.
import { createHash } from 'node:crypto'
import { DEFAULT_PRESETS, PRESET_IDS, PhotoPresets, type PresetId, type RenditionPreset } from '../../../shared/domain/photo-presets.ts'
import type { SettingsStore } from '../settings/settings-store.ts'

const KEY = 'photos.presets'
/** Bump when the rendering code changes what a preset produces: every rendition is made again. */
export const PIPELINE_VERSION = 1

export function specOf(preset: RenditionPreset): string {
  const canonical = JSON.stringify([PIPELINE_VERSION, preset.fit, preset.size, preset.format, preset.quality, preset.background.toLowerCase(), preset.maxBytes])
  return createHash('sha256').update(canonical).digest('hex').slice(0, 12)
}

export class PresetStore {
  private readonly settings: SettingsStore
  private cache: PhotoPresets | null = null

  constructor(settings: SettingsStore) {
    this.settings = settings
  }

  get(): PhotoPresets {
    this.cache ??= this.settings.get(KEY, PhotoPresets, DEFAULT_PRESETS)
    return this.cache
  }

  set(presets: PhotoPresets): void {
    this.settings.set(KEY, PhotoPresets.parse(presets))
    this.cache = null
  }

  specs(): Record<PresetId, string> {
    const p = this.get()
    return Object.fromEntries(PRESET_IDS.map((id) => [id, specOf(p[id])])) as Record<PresetId, string>
  }
}
