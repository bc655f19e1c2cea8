export { clampToBoundaries, offsetConverter, toCodePoints, toUtf16, type OffsetConverter, type Range } from './offsets';
export { CONTEXT_LENGTH, describeRange, type RangeDescription } from './selector';
export { findQuote, type QuoteMatch, type QuoteQuery, type QuoteSearchOptions } from './quote';
export { reanchor, type AnchorStatus, type Reanchored, type StoredAnchor } from './reanchor';
