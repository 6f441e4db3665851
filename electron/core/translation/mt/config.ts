// Provider settings (in the settings table) and keys (in the secret store, never the database).
import { z } from 'zod'
import type { MtProviderName } from '../../../../shared/contract/translation.ts'
import type { Services } from '../../core.ts'

export const ProviderConfig = z.object({
  enabled: z.boolean().default(false),
  baseUrl: z.string().nullable().default(null),
  rateLimit: z.number().positive().default(5),
  /** Alibaba: how Italian reaches English before the EN→ZH e-commerce engine. */
  pivot: z.enum(['english', 'deepl', 'libretranslate']).default('english'),
  englishVariant: z.enum(['EN-GB', 'EN-US']).default('EN-GB')
})
export type ProviderConfig = z.infer<typeof ProviderConfig>

export const MtConfig = z.object({
  deepl: ProviderConfig.default(ProviderConfig.parse({})),
  libretranslate: ProviderConfig.default(ProviderConfig.parse({})),
  alibaba: ProviderConfig.default(ProviderConfig.parse({ rateLimit: 20 }))
})
export type MtConfig = z.infer<typeof MtConfig>

const KEY = 'translation.mt'

export function readMtConfig(s: Services): MtConfig {
  return s.settings.get(KEY, MtConfig, MtConfig.parse({}))
}

export function writeMtConfig(s: Services, config: MtConfig): void {
  s.settings.set(KEY, config)
}

export const SECRET = {
  deeplKey: 'mt.deepl.apiKey',
  libreKey: 'mt.libretranslate.apiKey',
  alibabaId: 'mt.alibaba.accessKeyId',
  alibabaSecret: 'mt.alibaba.accessKeySecret'
} as const

export function providerLabel(name: MtProviderName): string {
  return { deepl: 'DeepL', libretranslate: 'LibreTranslate', alibaba: 'Alibaba Cloud Machine Translation' }[name]
}
