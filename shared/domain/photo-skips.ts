// Files found in a chosen folder that a photo batch leaves out, and the batch report's line that
// counts them ("Skipped 75 files: 73 not images, 2 symbolic links."), for the UI and the CLI alike.
import type { TFunction } from 'i18next'

/** Why a file found in a chosen folder was left out. */
export const SKIP_REASONS = ['not_image', 'symlink', 'hidden', 'special'] as const
export type SkipReason = (typeof SKIP_REASONS)[number]

/** The report line for skipped files per reason, or null when none was skipped. */
export function skippedText(skippedBy: Partial<Record<string, number>>, t: TFunction): string | null {
  const reasons = SKIP_REASONS.filter((r) => (skippedBy[r] ?? 0) > 0)
  const count = reasons.reduce((n, r) => n + skippedBy[r]!, 0)
  if (!count) return null
  const parts = reasons.map((r) => t(`photos:skip.${r}`, { count: skippedBy[r] }))
  return t('photos:batchSkips.line', { count, reasons: parts.join(t('photos:batchSkips.separator')) })
}
