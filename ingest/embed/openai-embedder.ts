/**
 * Embeddings from any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, llama.cpp server),
 * through the `openai` package, behind LangChain's `Embeddings` interface.
 */
import { Embeddings } from '@langchain/core/embeddings';
import OpenAI from 'openai';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** Inputs per request: well under the API's limit, small enough to keep one request short. */
export const DEFAULT_EMBEDDING_BATCH = 64;

export interface OpenAICompatibleEmbeddingsOptions {
  model: string;
  /** Omit for a local server that needs none. */
  apiKey?: string;
  baseURL?: string;
  /** Requested vector size (models that support it); otherwise learned from the first response. */
  dimensions?: number;
  timeoutMs?: number;
  batchSize?: number;
}

/** The id recorded in a manifest for an OpenAI-compatible model. */
export function openAIEmbedderId(model: string): string {
  return `openai:${model}`;
}

/** Embeddings over HTTP, batched; errors name the endpoint and model, never the key. */
export class OpenAICompatibleEmbeddings extends Embeddings {
  readonly id: string;
  readonly model: string;
  readonly endpoint: string;
  /** Known from the options, or from the first response; 0 until then. */
  dimensions: number;
  private readonly requestDimensions: number | undefined;
  private readonly batchSize: number;
  private readonly client: OpenAI;
  private readonly apiKey: string | undefined;

  constructor(options: OpenAICompatibleEmbeddingsOptions) {
    super({});
    this.model = options.model;
    this.id = openAIEmbedderId(options.model);
    this.endpoint = options.baseURL ?? OPENAI_DEFAULT_BASE_URL;
    this.requestDimensions = options.dimensions;
    this.dimensions = options.dimensions ?? 0;
    this.batchSize = Math.max(1, options.batchSize ?? DEFAULT_EMBEDDING_BATCH);
    this.apiKey = options.apiKey;
    this.client = new OpenAI({
      // Local servers accept any key; the client insists on one, and must not read the environment.
      apiKey: options.apiKey ?? 'not-needed',
      baseURL: this.endpoint,
      timeout: options.timeoutMs ?? 60_000,
      maxRetries: 1,
    });
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      vectors.push(...(await this.request(texts.slice(start, start + this.batchSize))));
    }
    return vectors;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.request([text]);
    return vector;
  }

  private async request(input: string[]): Promise<number[][]> {
    let response: OpenAI.CreateEmbeddingResponse;
    try {
      response = await this.client.embeddings.create({
        model: this.model,
        input,
        // Floats, not the SDK's default base64: some compatible servers only speak floats.
        encoding_format: 'float',
        ...(this.requestDimensions ? { dimensions: this.requestDimensions } : {}),
      });
    } catch (error) {
      throw this.describe(error instanceof Error ? error.message : String(error));
    }
    const data = Array.isArray(response?.data) ? [...response.data].sort((a, b) => a.index - b.index) : [];
    if (data.length !== input.length || data.some((item) => !Array.isArray(item.embedding))) {
      throw this.describe(`trả về ${data.length} vector cho ${input.length} đoạn văn`);
    }
    const vectors = data.map((item) => item.embedding as number[]);
    if (this.dimensions === 0) this.dimensions = vectors[0].length;
    if (vectors.some((vector) => vector.length !== this.dimensions)) {
      throw this.describe(`số chiều vector khác ${this.dimensions}`);
    }
    return vectors;
  }

  /** A Vietnamese error naming the endpoint and model; any echo of the key is masked. */
  private describe(detail: string): Error {
    const safe = this.apiKey ? detail.split(this.apiKey).join('***') : detail;
    return new Error(`Không lấy được embedding từ ${this.endpoint} (mô hình ${this.model}): ${safe}`);
  }
}
