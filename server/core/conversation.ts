/**
 * Conversation memory: what the last turn of each conversation was about (intent, tasks,
 * unit), so that "Ai chủ trì?" or "còn thời hạn?" resolve against it. Bounded by count (least
 * recently used goes first) and by age. Kept apart from the assistant so that it survives an
 * index swap: the server makes one store and hands it to every assistant it builds.
 */
import { randomUUID } from 'node:crypto';
import type { TurnMemory } from './answer/respond.js';

export interface ConversationStoreOptions {
  /** Most conversations kept; the least recently used is dropped beyond it. */
  maxConversations: number;
  /** Idle time after which a conversation is forgotten, in minutes. */
  ttlMinutes: number;
  /** Clock, for tests. */
  now?: () => Date;
}

interface Entry {
  memory: TurnMemory;
  touchedAt: number;
}

/** LRU + TTL store of the last turn of each conversation. */
export class ConversationStore {
  private readonly entries = new Map<string, Entry>();
  /** Milliseconds now: the test clock's, else `Date.now()` (no Date object per question). */
  private readonly time: () => number;

  constructor(private readonly options: ConversationStoreOptions) {
    const clock = options.now;
    this.time = clock ? () => clock().getTime() : Date.now;
  }

  /** A fresh conversation id. */
  newId(): string {
    return randomUUID();
  }

  /** The last turn of a conversation, or null when unknown or expired. Reading refreshes its place. */
  get(id: string): TurnMemory | null {
    const entry = this.entries.get(id);
    if (!entry) return null;
    if (this.expired(entry)) {
      this.entries.delete(id);
      return null;
    }
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.memory;
  }

  /** Records the last turn of a conversation, dropping expired and least recently used ones. */
  set(id: string, memory: TurnMemory): void {
    this.entries.delete(id);
    this.entries.set(id, { memory, touchedAt: this.time() });
    this.prune();
  }

  /** Number of conversations held. */
  get size(): number {
    return this.entries.size;
  }

  private expired(entry: Entry): boolean {
    return this.time() - entry.touchedAt > this.options.ttlMinutes * 60_000;
  }

  private prune(): void {
    // Entries are in least-recently-touched order, so the expired ones lead.
    for (const [id, entry] of this.entries) {
      if (!this.expired(entry)) break;
      this.entries.delete(id);
    }
    while (this.entries.size > this.options.maxConversations) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
