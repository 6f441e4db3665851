// Links into browser mode for other people (a translator on the office network). The browser-mode
// host registers how to issue them while it runs; areas ask through this seam, so the core never
// depends on the host.
import type { Role } from '../../../shared/contract/define.ts'

export type LinkIssuer = (role: Role, label: string) => { links: string[] }

export class BrowserLinks {
  private issuer: LinkIssuer | null = null

  setIssuer(issuer: LinkIssuer | null): void {
    this.issuer = issuer
  }

  /** Links for a new token of `role`, or null when browser mode is not running. */
  issue(role: Role, label: string): { links: string[] } | null {
    return this.issuer ? this.issuer(role, label) : null
  }
}
