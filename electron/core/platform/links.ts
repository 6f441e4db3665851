// Links into browser mode for other people (a translator on the office network). The browser-mode
// host registers how to make its addresses while it runs; areas ask through this seam, so the
// core never depends on the host. The keys themselves are kept by AccessLinks (the catalogue).
import type { Role } from '../../../shared/contract/define.ts'

export type LinkIssuer = (role: Role, label: string, days: number) => { links: string[]; expiresAt: string; id: string }

export class BrowserLinks {
  private issuer: LinkIssuer | null = null

  setIssuer(issuer: LinkIssuer | null): void {
    this.issuer = issuer
  }

  /** Links for a new key of `role`, valid `days` days, or null when browser mode is not running. */
  issue(role: Role, label: string, days = 7): { links: string[]; expiresAt: string; id: string } | null {
    return this.issuer ? this.issuer(role, label, days) : null
  }
}
