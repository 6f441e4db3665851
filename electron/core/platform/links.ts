// Links into browser mode for other people (a translator on the office network). The browser-mode
// host registers how to issue them while it runs; areas ask through this seam, so the core never
// depends on the host.
import type { Role } from '../../../shared/contract/define.ts'

export interface IssuedLinks {
  /** Every link for the new token: this PC's first, then one per office-network address. */
  links: string[]
  /** The links other PCs can open (empty when browser mode listens on this PC only). */
  officeLinks: string[]
  /** Browser mode is listening on the office network (it may still have no address there). */
  listeningOnOffice: boolean
}

export type LinkIssuer = (role: Role, label: string) => IssuedLinks

export class BrowserLinks {
  private issuer: LinkIssuer | null = null

  setIssuer(issuer: LinkIssuer | null): void {
    this.issuer = issuer
  }

  /** Links for a new token of `role`, or null when browser mode is not running. */
  issue(role: Role, label: string): IssuedLinks | null {
    return this.issuer ? this.issuer(role, label) : null
  }
}
