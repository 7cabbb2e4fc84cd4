/**
 * Reads the `vectors/` folder that LangChain's `HNSWLib.save` writes (the same files
 * `HNSWLib.load` reads), checking each file so that an error names the one that is damaged.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { SynchronousInMemoryDocstore } from '@langchain/community/stores/doc/in_memory';
import { Document } from '@langchain/core/documents';
import type { Embeddings } from '@langchain/core/embeddings';
import { damagedIndexFile, isObject, readIndexJson } from './json-files.js';
import { EF_SEARCH } from './vector-store.js';

interface VectorArgs {
  space: string;
  numDimensions: number;
}

type SavedDocument = [string, { pageContent: string; metadata: Record<string, unknown> }];

/**
 * Loads the vector store in `directory`, expecting `count` vectors of `dimensions` numbers.
 * Any missing, truncated or inconsistent file is a `CorpusNotIndexedError` naming it.
 */
export async function readVectorStore(directory: string, embeddings: Embeddings, count: number, dimensions: number): Promise<HNSWLib> {
  const args = await readIndexJson<VectorArgs>(
    directory,
    'args.json',
    (value) => isObject(value) && value.space === 'cosine' && value.numDimensions === dimensions,
  );
  const saved = await readIndexJson<SavedDocument[]>(directory, 'docstore.json', (value) => Array.isArray(value) && value.length === count);
  const indexFile = path.join(directory, 'hnswlib.index');
  const { HierarchicalNSW } = await HNSWLib.imports();
  const index = new HierarchicalNSW('cosine', args.numDimensions);
  try {
    await fs.access(indexFile);
  } catch {
    throw damagedIndexFile(indexFile, 'không tồn tại');
  }
  try {
    await index.readIndex(indexFile);
  } catch (error) {
    throw damagedIndexFile(indexFile, error instanceof Error ? error.message : 'không đọc được');
  }
  if (index.getCurrentCount() !== count) throw damagedIndexFile(indexFile, `${index.getCurrentCount()} vector cho ${count} đoạn`);
  index.setEf(EF_SEARCH);
  const documents = new Map(saved.map(([label, doc]) => [label, new Document({ pageContent: doc.pageContent, metadata: doc.metadata })]));
  const store = new HNSWLib(embeddings, { space: 'cosine', numDimensions: args.numDimensions });
  store._index = index;
  store.docstore = new SynchronousInMemoryDocstore(documents);
  return store;
}
