/**
 * The model path's two checks around a call: the messages (numbered sources as data, the
 * extractive draft as a hint), and the reply's markers. A sentence of the reply stays only
 * when it cites at least one source and every marker it has names a given source; the rest is
 * dropped, so nothing the model adds without a source reaches the user.
 */
import type { Citation } from '../core/types.js';
import type { ChatMessage } from './chat-model.js';
import { fenced, fillTemplate, formatSource, type PromptTemplates } from './prompts.js';

/** A numbered source: the citation it becomes and the text the model reads. */
export interface ModelSource {
  citation: Citation;
  /** "Kế hoạch … — mục II.4" */
  heading: string;
  /** The passage (a verbatim quote or the section text). */
  text: string;
}

/**
 * The system and user messages of one answer. The draft quotes the documents too, so it goes
 * into a fenced block like the sources: no document text ever stands as prompt text.
 */
export function buildMessages(templates: PromptTemplates, question: string, sources: readonly ModelSource[], draft: string): ChatMessage[] {
  const blocks = sources.map((source, index) => formatSource(index + 1, source.heading, source.text)).join('\n\n');
  return [
    { role: 'system', content: templates.system },
    { role: 'user', content: fillTemplate(templates.user, { question, sources: blocks, draft: fenced(draft) }) },
  ];
}

const MARKER = /\[(\d+)\]/g;
const SENTENCE_END = /(?<=[.!?…])\s+|\n+/;

/** Whether a sentence cites a source and only given ones. */
export function sentenceIsCited(sentence: string, sourceCount: number): boolean {
  const markers = [...sentence.matchAll(MARKER)].map((match) => Number(match[1]));
  return markers.length > 0 && markers.every((marker) => marker >= 1 && marker <= sourceCount);
}

/** The reply with uncited or wrongly cited sentences removed, or null when none remains. */
export function checkReply(reply: string, sourceCount: number): string | null {
  const kept = reply
    .split(SENTENCE_END)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0 && sentenceIsCited(sentence, sourceCount));
  return kept.length > 0 ? kept.join(' ') : null;
}

/**
 * Checks a streamed reply sentence by sentence: `push` returns the sentences completed by a
 * piece that pass the check; `flush` the last one.
 */
export class SentenceGate {
  private buffer = '';

  constructor(private readonly sourceCount: number) {}

  push(piece: string): string[] {
    this.buffer += piece;
    const parts = this.buffer.split(SENTENCE_END);
    this.buffer = parts.pop() ?? '';
    return this.accept(parts);
  }

  flush(): string[] {
    const rest = this.buffer;
    this.buffer = '';
    return this.accept([rest]);
  }

  private accept(parts: string[]): string[] {
    return parts.map((part) => part.trim()).filter((part) => part.length > 0 && sentenceIsCited(part, this.sourceCount));
  }
}
