/**
 * `ChatModel` over the `openai` package (v6): any OpenAI-compatible endpoint (OpenAI, Ollama,
 * vLLM, llama.cpp). No retries: a failed or slow call falls back to the extractive answer
 * at once, which is better for a user than waiting for a second try.
 */
import OpenAI from 'openai';
import type { AppConfig } from '../../common/config.js';
import type { ChatMessage, ChatModel, ChatOptions } from './chat-model.js';

type ModelConfig = Pick<AppConfig, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'CHAT_MODEL' | 'LLM_TIMEOUT_MS'>;

/** Creates the OpenAI-compatible chat model described by the configuration. */
export function createOpenAIChatModel(config: ModelConfig): ChatModel {
  const client = new OpenAI({
    apiKey: config.OPENAI_API_KEY ?? 'not-needed',
    baseURL: config.OPENAI_BASE_URL,
    timeout: config.LLM_TIMEOUT_MS,
    maxRetries: 0,
  });
  const model = config.CHAT_MODEL;
  return {
    id: model,
    async complete(messages: ChatMessage[], options: ChatOptions = {}): Promise<string> {
      const completion = await client.chat.completions.create({ model, messages, temperature: 0 }, { signal: options.signal });
      const content = completion?.choices?.[0]?.message?.content;
      if (typeof content !== 'string') throw new Error('phản hồi của mô hình không có nội dung');
      return content;
    },
    async *stream(messages: ChatMessage[], options: ChatOptions = {}): AsyncIterable<string> {
      const stream = await client.chat.completions.create({ model, messages, temperature: 0, stream: true }, { signal: options.signal });
      for await (const chunk of stream) {
        const piece = chunk.choices?.[0]?.delta?.content;
        if (piece) yield piece;
      }
    },
  };
}
