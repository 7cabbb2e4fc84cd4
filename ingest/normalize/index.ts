/**
 * Stage "normalize": the document's normalized text, and the folded forms used for matching.
 */
export { NORMALIZER_VERSION } from './version.js';
export { normalizeDocumentText, isFootnoteParagraph, SUPERSCRIPT_DIGITS } from './document-text.js';
export { toMatchForm } from './tone.js';
export { foldVietnamese, foldForMatch, tokenizeSyllables } from './fold.js';
