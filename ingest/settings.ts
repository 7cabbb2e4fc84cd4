/**
 * What ingest needs to know to build or read an index: where the corpus and the index are, and
 * which embedder to use. Named here so that ingest depends on no module of the server or of the
 * entries' configuration; the fields keep the names of the environment variables they come
 * from, so the application's configuration (`AppConfig`) satisfies these types as it is.
 */

/** The embedder settings: `EMBEDDINGS=local|openai` and what each kind needs. */
export interface EmbedderSettings {
  EMBEDDINGS: 'local' | 'openai';
  /** Model of an OpenAI-compatible endpoint. */
  EMBEDDING_MODEL: string;
  /** Dimensions asked of that model; undefined lets the model decide. */
  EMBEDDING_DIMENSIONS?: number;
  /** Dimensions of the built-in local embedder. */
  LOCAL_EMBEDDING_DIMENSIONS: number;
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  /** A remote call's time limit; embedding requests get at least 30 s. */
  LLM_TIMEOUT_MS: number;
}

/** A build: the corpus folder, the index folder (absolute paths) and the embedder. */
export interface IngestSettings extends EmbedderSettings {
  corpusPath: string;
  indexPath: string;
}
