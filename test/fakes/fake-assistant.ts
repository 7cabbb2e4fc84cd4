/**
 * A FAKE PlanAssistant for HTTP tests that need behaviour the real core cannot be made to show
 * (an unknown internal error, a missing index, a slow stream). Its one document is a synthetic
 * test fixture, not a real document. Tests of what users see run against the real assistant.
 */
import { CorpusNotIndexedError, NotFoundError } from '../../common/errors.js';
import type { AskEvent, AskResponse, PlanAssistant, TaskDetail, TaskView } from '../../server/core/types.js';
import type { CorpusDocument, Section, Unit } from '../../ingest/types.js';
import { addressLabel } from '../../ingest/parse/labels.js';

const TEXT =
  'TÀI LIỆU GIẢ LẬP ĐỂ KIỂM THỬ — synthetic test fixture, not a real document\n\n' +
  'II. NHIỆM VỤ GIẢ LẬP\n\n1. Nhiệm vụ thử nghiệm.\n\n- Đơn vị chủ trì thực hiện: Đơn vị A.';

const UNIT: Unit = { id: 'don-vi-a', name: 'Đơn vị A', aliases: ['DVA', 'don vi a'], level: 'tỉnh' };

function section(address: string, kind: Section['kind'], text: string, parent: string | null): Section {
  const start = TEXT.indexOf(text);
  return { address, label: addressLabel(address), kind, heading: null, text, span: { start, end: start + text.length }, parent, path: [] };
}

const DOCUMENT: CorpusDocument = {
  id: 'fake-plan',
  type: 'ke-hoach',
  file: 'fake-plan.txt',
  format: 'txt',
  hash: '0'.repeat(64),
  header: {
    issuer: null,
    number: null,
    numberText: null,
    place: null,
    issuedDate: null,
    dateText: null,
    year: 2026,
    typeText: null,
    title: 'Kế hoạch giả lập',
  },
  title: 'Kế hoạch giả lập (synthetic)',
  signer: null,
  recipients: [],
  text: TEXT,
  sections: [
    section('II', 'part', TEXT.slice(TEXT.indexOf('II.')), null),
    section('II.1', 'item', '1. Nhiệm vụ thử nghiệm.\n\n- Đơn vị chủ trì thực hiện: Đơn vị A.', 'II'),
  ],
  fixture: true,
};

const TASK: TaskView = {
  documentId: DOCUMENT.id,
  address: 'II.1',
  number: 1,
  title: 'Nhiệm vụ thử nghiệm.',
  lead: [{ name: UNIT.name, aliases: UNIT.aliases, level: UNIT.level }],
  coordinating: [],
  timeline: { text: 'Hoàn thành trong tháng 6/2026.', kind: 'deadline', due: '2026-06-30' },
};

export interface FakeAssistantOptions {
  /** Every method throws this (to exercise the error mapper). */
  failWith?: Error;
  /** askStream fails with this after the first delta (a fault mid-stream). */
  failMidStream?: Error;
  /** Pause between streamed events, to keep a request in flight. */
  streamDelayMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds the fake. Clearly not the product: answers are canned. */
export function createFakeAssistant(
  options: FakeAssistantOptions = {},
): PlanAssistant & { asked: string[]; progress: { deltas: number; finished: number } } {
  const asked: string[] = [];
  const progress = { deltas: 0, finished: 0 };
  const guard = () => {
    if (options.failWith) throw options.failWith;
  };
  const answer = (question: string, conversationId?: string): AskResponse => ({
    answer: 'Theo Kế hoạch giả lập, mục II.1, đơn vị chủ trì là Đơn vị A [1].',
    citations: [{ documentId: DOCUMENT.id, documentTitle: DOCUMENT.title, section: 'II.1', quote: 'Đơn vị A' }],
    abstained: question.includes('lương'),
    conversationId: conversationId ?? 'fake-conversation',
    mode: 'extractive',
  });
  return {
    asked,
    progress,
    async ask(request) {
      guard();
      asked.push(request.question);
      return answer(request.question, request.conversationId);
    },
    async *askStream(request, streamOptions): AsyncIterable<AskEvent> {
      guard();
      asked.push(request.question);
      const response = answer(request.question, request.conversationId);
      yield { type: 'citations', citations: response.citations };
      for (const word of response.answer.split(/(?<= )/)) {
        if (options.streamDelayMs) await sleep(options.streamDelayMs);
        if (streamOptions?.signal?.aborted) return;
        progress.deltas += 1;
        yield { type: 'delta', text: word };
        if (options.failMidStream) throw options.failMidStream;
      }
      progress.finished += 1;
      yield { type: 'done', response };
    },
    async search(query) {
      guard();
      return [{ documentId: DOCUMENT.id, documentTitle: DOCUMENT.title, address: 'II.1', text: query, score: 1 }];
    },
    listTasks() {
      guard();
      return [TASK];
    },
    getTask(addressOrNumber): TaskDetail {
      guard();
      if (addressOrNumber !== 'II.1' && addressOrNumber !== '1') throw new NotFoundError('Không có nhiệm vụ này.');
      return { ...TASK, text: TASK.title, assignments: [], sources: { title: { section: 'II.1', quote: TASK.title }, lead: null, coordinating: null, timeline: null }, footnotes: [] };
    },
    listUnits() {
      guard();
      return [UNIT];
    },
    listDocuments() {
      guard();
      return { documents: [], expected: [] };
    },
    getDocument(id) {
      guard();
      if (id !== DOCUMENT.id) throw new NotFoundError('Không có văn bản này.');
      return DOCUMENT;
    },
    getSection(documentId, address) {
      const found = this.getDocument(documentId).sections.find((candidate) => candidate.address === address);
      if (!found) throw new NotFoundError('Không có mục này.');
      return found;
    },
    listReferences() {
      guard();
      return [];
    },
    stats() {
      guard();
      return { documents: 1, sections: 2, tasks: 1, chunks: 1, builtAt: '2026-01-01T00:00:00.000Z', embedder: 'fake' };
    },
  };
}

/** A fake whose index is missing, as the real server sees it before ingest. */
export const missingIndexError = () => new CorpusNotIndexedError('Chưa có chỉ mục; hãy chạy `npm run ingest`.');
