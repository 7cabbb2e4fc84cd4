/**
 * The two baselines the eval scores beside our assistant, on the same questions with the same scorer.
 */
export { createBm25Baseline, paragraphPassages } from './bm25.js';
export { createLangchainRagBaseline, recursiveChunkPassages } from './langchain-rag.js';
export { addressAt, splitParagraphs, type Baseline, type Passage } from './passages.js';
