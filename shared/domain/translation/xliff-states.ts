// How our unit statuses map to XLIFF states and back (reference: translation.md §3).
import type { UnitStatus } from './units.ts'

export interface UnitState { status: UnitStatus; stale: boolean }

/** XLIFF 2.0 segment state + subState. */
export function toXliff20State(u: UnitState, hasTarget: boolean): { state: string; subState?: string } {
  if (!hasTarget || u.status === 'new') return { state: 'initial' }
  if (u.stale) return { state: 'translated', subState: 'vetrina:stale' }
  switch (u.status) {
    case 'machine': return { state: 'translated', subState: 'vetrina:mt' }
    case 'translated': return { state: 'translated' }
    case 'reviewed': return { state: 'reviewed' }
    case 'approved': return { state: 'final' }
  }
}

export function fromXliff20State(state: string | undefined, subState: string | undefined, hasTarget: boolean): UnitState {
  if (!hasTarget) return { status: 'new', stale: false }
  const sub = (subState ?? '').toLowerCase()
  switch (state) {
    case undefined:
    case 'translated':
      if (sub === 'vetrina:mt' || sub === 'cm:mt') return { status: 'machine', stale: false }
      if (sub === 'vetrina:stale' || sub === 'cm:stale') return { status: 'translated', stale: true }
      return { status: 'translated', stale: false }
    case 'initial': return { status: 'translated', stale: false }
    case 'reviewed': return { status: 'reviewed', stale: false }
    case 'final': return { status: 'approved', stale: false }
    default: return { status: 'translated', stale: false }
  }
}

/** XLIFF 1.2 target state (+ approved attribute on trans-unit). */
export function toXliff12State(u: UnitState, hasTarget: boolean): { state: string; approved: boolean; qualifier?: string } {
  if (!hasTarget || u.status === 'new') return { state: 'new', approved: false }
  if (u.stale) return { state: 'needs-review-translation', approved: false, qualifier: 'x-vetrina-stale' }
  switch (u.status) {
    case 'machine': return { state: 'needs-review-translation', approved: false, qualifier: 'mt-suggestion' }
    case 'translated': return { state: 'translated', approved: false }
    case 'reviewed': return { state: 'signed-off', approved: false }
    case 'approved': return { state: 'final', approved: true }
  }
}

export function fromXliff12State(state: string | undefined, qualifier: string | undefined, approved: boolean, hasTarget: boolean): UnitState {
  if (!hasTarget) return { status: 'new', stale: false }
  if (approved) return { status: 'approved', stale: false }
  switch (state) {
    // A target under a "to do" state: a person put it there, it still wants review.
    case 'new':
    case 'needs-translation':
    case 'needs-l10n':
    case 'needs-adaptation':
      return { status: 'translated', stale: false }
    case 'needs-review-translation':
    case 'needs-review-l10n':
    case 'needs-review-adaptation':
      if (qualifier === 'mt-suggestion' || qualifier === 'leveraged-mt') return { status: 'machine', stale: false }
      if (qualifier === 'x-vetrina-stale') return { status: 'translated', stale: true }
      return { status: 'translated', stale: false }
    case 'signed-off': return { status: 'reviewed', stale: false }
    case 'final': return { status: 'approved', stale: false }
    default: return { status: 'translated', stale: false }
  }
}
