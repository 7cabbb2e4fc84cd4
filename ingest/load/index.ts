/**
 * Ingest stage "load": corpus files (.txt, .md, .docx, .pdf, .html, .htm) → LoadedText, or a
 * SkippedFile with a Vietnamese reason. Tables come out as pipe rows, header first.
 */
export { listCorpusFiles, loadCorpus, type LoadCorpusOptions } from './corpus.js';
export { formatOf, isSkipped, loadFile, SUPPORTED_EXTENSIONS } from './load-file.js';
export { decodeTextBytes, detectUnicodeEncoding, type TextEncoding } from './decode-text.js';
export { detectLegacyVietnamese, type LegacyEncodingVerdict } from './legacy-encoding.js';
export { htmlToText } from './html-to-text.js';
export { markdownToText } from './markdown.js';
export { layoutPageText, type PositionedRun } from './pdf-layout.js';
export type { SkipCode } from './skip-reasons.js';
