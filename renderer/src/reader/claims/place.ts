/** Where a claim's appearance is: an existing passage, or a range of the article that becomes one. */
export type ClaimPlace = { passageId: number } | { articleId: number; start: number; end: number };
