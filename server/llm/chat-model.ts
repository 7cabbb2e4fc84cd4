/**
 * The one interface the answer core knows for language models. The OpenAI-compatible client
 * is one implementation (`openai-chat-model.ts`); a second backend is one new file.
 */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatOptions {
  signal?: AbortSignal;
}

export interface ChatModel {
  /** Model name, for diagnostics. */
  readonly id: string;
  /** The whole reply. Throws on transport errors, time-outs and malformed replies. */
  complete(messages: ChatMessage[], options?: ChatOptions): Promise<string>;
  /** The reply as text pieces in order; optional. Throws like `complete`. */
  stream?(messages: ChatMessage[], options?: ChatOptions): AsyncIterable<string>;
}
