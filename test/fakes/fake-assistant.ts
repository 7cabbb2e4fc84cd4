/**
 * The one FAKE PlanAssistant of the tests (HTTP and MCP): one synthetic document (its first
 * line says so), two invented units, two tasks. It filters, resolves aliases and throws the
 * core's domain errors the way the real core does, so a face's mapping can be tested fast and
 * in isolation; options make it show what the real core cannot be made to (an internal error
 * everywhere, a missing index, a fault mid-stream, a slow stream). Tests of what users see run
 * against the real assistant over the shipped corpus.
 */
import { CorpusNotIndexedError, InvalidInputError, NotFoundError } from '../../common/errors.js';
import { toDocumentSummary } from '../../server/core/catalog/views.js';
import type { AskEvent, AskResponse, ObligationView, PlanAssistant, TaskDetail, TaskFilter, TaskView, UnitView } from '../../server/core/types.js';
import type { CorpusDocument, Section, Unit } from '../../ingest/types.js';
import { addressLabel } from '../../ingest/parse/labels.js';
import { foldForMatch } from '../../ingest/normalize/index.js';

export const FAKE_DOCUMENT_ID = 'gia-lap-ke-hoach';
export const FAKE_EXPECTED_MISSING_ID = 'gia-lap-chi-thi';
/** A search query that makes the fake throw a plain Error, to test the generic error path. */
export const FAKE_CRASH_QUERY = 'crash-now';

const LINES = [
  'TÀI LIỆU GIẢ LẬP ĐỂ KIỂM THỬ — synthetic test fixture, not a real document',
  'I. NHIỆM VỤ GIẢ LẬP',
  '1. Lập danh sách thiết bị thử nghiệm.',
  '- Đơn vị chủ trì thực hiện: Phòng Thử nghiệm.',
  '- Thời gian thực hiện: Hoàn thành trong tháng 3/2030.',
  '2. Kiểm tra định kỳ bộ dữ liệu mẫu.',
  '- Đơn vị chủ trì thực hiện: Tổ Giả lập.',
  '- Đơn vị phối hợp thực hiện: Phòng Thử nghiệm.',
  '- Thời gian thực hiện: Thường xuyên hàng năm.',
];
const TEXT = LINES.join('\n');

function span(line: number, through = line): { start: number; end: number } {
  const start = LINES.slice(0, line).join('\n').length + (line > 0 ? 1 : 0);
  const end = LINES.slice(0, through + 1).join('\n').length;
  return { start, end };
}

function section(address: string, kind: Section['kind'], parent: string | null, from: number, to: number): Section {
  const range = span(from, to);
  return { address, label: addressLabel(address), kind, heading: LINES[from], text: TEXT.slice(range.start, range.end), span: range, parent, path: [] };
}

const SECTIONS: Section[] = [
  section('header', 'header', null, 0, 0),
  section('I', 'part', null, 1, 8),
  section('I.1', 'item', 'I', 2, 4),
  section('I.2', 'item', 'I', 5, 8),
];

const DOCUMENT: CorpusDocument = {
  id: FAKE_DOCUMENT_ID,
  type: 'ke-hoach',
  file: 'gia-lap.txt',
  format: 'txt',
  hash: 'fake',
  header: { issuer: null, number: null, numberText: null, place: null, issuedDate: null, dateText: null, year: 2030, typeText: null, title: 'Kế hoạch giả lập' },
  title: 'Kế hoạch giả lập để kiểm thử',
  signer: null,
  recipients: [],
  text: TEXT,
  sections: SECTIONS,
  fixture: true,
};

const UNITS: Unit[] = [
  { id: 'phong-thu-nghiem', name: 'Phòng Thử nghiệm', aliases: ['PTN', 'phong thu nghiem'], level: 'tỉnh' },
  { id: 'to-gia-lap', name: 'Tổ Giả lập', aliases: ['TGL', 'to gia lap'], level: 'xã' },
];
const view = (unit: Unit): UnitView => ({ name: unit.name, aliases: [...unit.aliases], level: unit.level });

const TASKS: TaskView[] = [
  {
    documentId: FAKE_DOCUMENT_ID,
    address: 'I.1',
    number: 1,
    title: LINES[2].slice('1. '.length),
    lead: [view(UNITS[0])],
    coordinating: [],
    timeline: { text: 'Hoàn thành trong tháng 3/2030.', kind: 'deadline', due: '2030-03-31' },
  },
  {
    documentId: FAKE_DOCUMENT_ID,
    address: 'I.2',
    number: 2,
    title: LINES[5].slice('2. '.length),
    lead: [view(UNITS[1])],
    coordinating: [view(UNITS[0])],
    timeline: { text: 'Thường xuyên hàng năm.', kind: 'recurring', frequency: 'yearly' },
  },
];

function unitOf(alias: string): Unit {
  const key = foldForMatch(alias.trim());
  const unit = UNITS.find((item) => [item.name, ...item.aliases].some((name) => foldForMatch(name) === key));
  if (!unit) throw new InvalidInputError(`Không nhận ra đơn vị “${alias}”.`);
  return unit;
}

function matchesFilter(task: TaskView, filter: TaskFilter): boolean {
  if (filter.unit) {
    const name = unitOf(filter.unit).name;
    const lead = task.lead.some((unit) => unit.name === name);
    const coordinating = task.coordinating.some((unit) => unit.name === name);
    const role = filter.role ?? 'any';
    if (role === 'lead' ? !lead : role === 'coordinating' ? !coordinating : !lead && !coordinating) return false;
  }
  const due = task.timeline.due;
  if ((filter.dueBefore || filter.dueAfter) && !due) return false;
  if (filter.dueBefore && due! > filter.dueBefore) return false;
  if (filter.dueAfter && due! < filter.dueAfter) return false;
  if (filter.kind && task.timeline.kind !== filter.kind) return false;
  return !filter.documentId || task.documentId === filter.documentId;
}

function detail(task: TaskView): TaskDetail {
  const sectionText = SECTIONS.find((item) => item.address === task.address)!.text;
  const lines = sectionText.split('\n');
  const quote = (prefix: string) => {
    const line = lines.find((item) => item.startsWith(prefix));
    return line ? { section: task.address, quote: line } : null;
  };
  return {
    ...task,
    text: sectionText,
    assignments: task.lead.map((unit) => ({ unit, role: 'lead', duty: unit.name, quote: quote('- Đơn vị chủ trì')!.quote, section: task.address })),
    sources: {
      title: { section: task.address, quote: lines[0] },
      lead: quote('- Đơn vị chủ trì'),
      coordinating: quote('- Đơn vị phối hợp'),
      timeline: quote('- Thời gian'),
    },
    footnotes: [],
  };
}

export interface FakeAssistantOptions {
  /** Every method throws this (to exercise the error mapper). */
  failWith?: Error;
  /** askStream fails with this after the first delta (a fault mid-stream). */
  failMidStream?: Error;
  /** Pause between streamed events, to keep a request in flight. */
  streamDelayMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function cannedAnswer(conversationId: string | undefined): AskResponse {
  return {
    answer: 'Theo Kế hoạch giả lập, mục I.1, Phòng Thử nghiệm chủ trì [1].',
    citations: [{ documentId: FAKE_DOCUMENT_ID, documentTitle: DOCUMENT.title, section: 'I.1', quote: LINES[3] }],
    abstained: false,
    conversationId: conversationId ?? 'fake-conversation-1',
    mode: 'extractive',
  };
}

export type FakeAssistant = PlanAssistant & {
  /** The questions asked (ask and askStream), to check that arguments pass through. */
  questions: Array<{ question: string; conversationId?: string }>;
  /** How far streams got: deltas sent, streams finished. */
  progress: { deltas: number; finished: number };
};

/** Builds the fake. Clearly not the product: answers are canned. */
export function createFakeAssistant(options: FakeAssistantOptions = {}): FakeAssistant {
  const questions: FakeAssistant['questions'] = [];
  const progress = { deltas: 0, finished: 0 };
  const guard = () => {
    if (options.failWith) throw options.failWith;
  };
  return {
    questions,
    progress,
    async ask(request) {
      guard();
      questions.push({ ...request });
      return cannedAnswer(request.conversationId);
    },
    async *askStream(request, streamOptions): AsyncIterable<AskEvent> {
      guard();
      questions.push({ ...request });
      const response = cannedAnswer(request.conversationId);
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
    async search(query, searchOptions = {}) {
      guard();
      if (query === FAKE_CRASH_QUERY) throw new Error('secret internal detail /etc/passwd');
      if (searchOptions.documentId && searchOptions.documentId !== FAKE_DOCUMENT_ID) throw new NotFoundError(`Không tìm thấy văn bản “${searchOptions.documentId}”.`);
      const words = foldForMatch(query).split(/\s+/);
      return SECTIONS.filter((item) => item.kind === 'item' && words.some((word) => foldForMatch(item.text).includes(word)))
        .slice(0, searchOptions.k ?? 5)
        .map((item, rank) => ({ documentId: FAKE_DOCUMENT_ID, documentTitle: DOCUMENT.title, address: item.address, text: item.text, score: 1 / (rank + 1) }));
    },
    listTasks(filter = {}) {
      guard();
      for (const value of [filter.dueBefore, filter.dueAfter]) {
        if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidInputError(`Ngày không hợp lệ: “${value}”.`);
      }
      return TASKS.filter((task) => matchesFilter(task, filter));
    },
    getTask(addressOrNumber) {
      guard();
      const task = TASKS.find((item) => item.address === addressOrNumber || String(item.number) === addressOrNumber);
      if (!task) throw new NotFoundError(`Không tìm thấy nhiệm vụ “${addressOrNumber}”.`);
      return detail(task);
    },
    listUnits() {
      guard();
      return UNITS.map((unit) => ({ ...unit, aliases: [...unit.aliases] }));
    },
    listObligations(filter = {}) {
      guard();
      if (filter.documentId && filter.documentId !== FAKE_DOCUMENT_ID) throw new NotFoundError(`Không tìm thấy văn bản “${filter.documentId}”.`);
      return fakeObligations().filter((item) => (!filter.unit || item.units.some((unit) => unit.name === unitOf(filter.unit!).name)) && (!filter.role || item.role === filter.role));
    },
    listDocuments() {
      guard();
      return {
        documents: [toDocumentSummary(DOCUMENT)],
        expected: [
          { id: FAKE_DOCUMENT_ID, type: 'ke-hoach', number: null, date: null, issuer: null, title: DOCUMENT.title, file: DOCUMENT.file, present: true },
          { id: FAKE_EXPECTED_MISSING_ID, type: 'chi-thi', number: '99/CT-GL', date: '2030-01-02', issuer: 'Cơ quan giả lập', title: 'Chỉ thị giả lập', file: null, present: false },
        ],
      };
    },
    getDocument(id) {
      guard();
      if (id !== FAKE_DOCUMENT_ID) throw new NotFoundError(`Không tìm thấy văn bản “${id}”.`);
      return DOCUMENT;
    },
    getSection(documentId, address) {
      const found = this.getDocument(documentId).sections.find((item) => item.address === address);
      if (!found) throw new NotFoundError(`Văn bản “${documentId}” không có mục “${address}”.`);
      return found;
    },
    listReferences() {
      guard();
      return [];
    },
    stats() {
      guard();
      return { documents: 1, sections: SECTIONS.length, tasks: TASKS.length, chunks: 2, builtAt: '2030-01-01T00:00:00.000Z', embedder: 'fake' };
    },
  };
}

/** The tasks' lead and coordinating fields as obligations, the way the real core shows them. */
function fakeObligations(): ObligationView[] {
  return TASKS.flatMap((task) =>
    (['lead', 'coordinating'] as const).flatMap((role) => {
      const units = role === 'lead' ? task.lead : task.coordinating;
      if (units.length === 0) return [];
      const source = { section: task.address, label: addressLabel(task.address), quote: detail(task).title };
      return [{
        id: `${FAKE_DOCUMENT_ID}#${task.address}#${role}`,
        documentId: FAKE_DOCUMENT_ID,
        documentShortName: 'Kế hoạch',
        documentTitle: DOCUMENT.title,
        address: task.address,
        label: addressLabel(task.address),
        role,
        action: task.title,
        timeline: { ...task.timeline },
        units,
        taskAddress: task.address,
        sources: { actor: source, action: source, timeline: null },
      }];
    }),
  );
}

/** The error of a missing index, as the real server sees it before ingest. */
export const missingIndexError = () => new CorpusNotIndexedError('Chưa có chỉ mục; hãy chạy `npm run ingest`.');
