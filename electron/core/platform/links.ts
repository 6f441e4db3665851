// Links into browser mode for other people (a translator on the office network). The browser-mode
// host registers how to make its addresses while it runs; areas ask through this seam, so the
// core never depends on the host. The keys themselves are kept by AccessLinks (the catalogue):
// hashed, with an expiry, revocable.
import type { Role } from '../../../shared/contract/define.ts'

export interface IssuedLinks {
  /** Every link for the new token: this PC's first, then one per office-network address. */
  links: string[]
  /** The links other PCs can open (empty when browser mode listens on this PC only). */
  officeLinks: string[]
  /** Browser mode is listening on the office network (it may still have no address there). */
  listeningOnOffice: boolean
  /** When the link stops working. */
  expiresAt: string
  /** The link's id (to list and revoke it). */
  id: string
}

export type LinkIssuer = (role: Role, label: string, days: number) => IssuedLinks

export class BrowserLinks {
  private issuer: LinkIssuer | null = null

  setIssuer(issuer: LinkIssuer | null): void {
    this.issuer = issuer
  }

  /** Links for a new key of `role`, valid `days` days, or null when browser mode is not running. */
  issue(role: Role, label: string, days = 7): IssuedLinks | null {
    return this.issuer ? this.issuer(role, label, days) : null
  }
}
