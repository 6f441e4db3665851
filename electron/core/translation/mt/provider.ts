// The machine-translation provider interface. An adapter turns a batch of texts into one request
// (or several) to its service and maps the service's errors onto MtError.
import type { GlossaryTerm } from '../../../../shared/domain/translation/glossary.ts'

export interface MtRequest {
  texts: string[]
  sourceLang: string
  targetLang: string
  format: 'text' | 'html'
  /** Alibaba's e-commerce scenes: product titles and descriptions. */
  scene: 'title' | 'description'
  glossary: GlossaryTerm[]
}

export interface MtProvider {
  readonly name: 'deepl' | 'libretranslate' | 'alibaba'
  readonly label: string
  /** Most texts in one request. */
  readonly maxBatch: number
  /** Most characters in one request. */
  readonly maxChars: number
  /** Is the provider set up (keys, address)? */
  configured(): Promise<boolean>
  /** Source language the provider actually translates from for this target ("it" or "en"). */
  sourceFor(targetLang: string): 'it' | 'en' | null
  translate(req: MtRequest, signal: AbortSignal): Promise<string[]>
  /** An address to probe for reachability (any HTTP answer counts), or null when not set up. */
  probeUrl(): Promise<string | null>
}
