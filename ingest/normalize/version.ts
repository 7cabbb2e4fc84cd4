/**
 * Version of the normalizer's output. Bump it whenever `normalizeDocumentText`, folding or
 * tokenization change what they return: the index records it and refuses a mismatch, so a
 * stale index is rebuilt instead of quoting text that no longer exists.
 */
export const NORMALIZER_VERSION = '1.0.0';
