// The seam between the catalogue and publishing for pavilion category links: the catalogue asks
// before it stores a link; the publish area (which knows the pavilion's tree) answers, refusing an
// unknown or non-leaf id. Without a checker (publishing not loaded) links are stored as given.
export interface PavilionLinkChecker {
  /** Throws an AppError naming the nearest valid choices when `pavilionCategoryId` cannot be chosen. */
  check(pavilionCategoryId: string): Promise<void>
}

export class PavilionLinks {
  checker: PavilionLinkChecker | null = null

  async check(pavilionCategoryId: string | null | undefined): Promise<void> {
    if (pavilionCategoryId) await this.checker?.check(pavilionCategoryId)
  }
}
