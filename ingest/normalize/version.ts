/**
 * Version of the normalizer's output. Bump it whenever `normalizeDocumentText`, folding or
 * tokenization change what they return: the index records it and refuses a mismatch, so a
 * stale index is rebuilt instead of quoting text that no longer exists. Parsed documents are
 * reused across builds under the same version, so a change of the parser's addresses bumps it
 * too. 1.1.0: hard-wrapped lines rejoined; appendices, forms and attached texts addressed.
 */
export const NORMALIZER_VERSION = '1.1.0';
