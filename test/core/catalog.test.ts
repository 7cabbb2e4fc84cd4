/**
 * The lookup side: the task table and its filters, a task by address or number, documents,
 * sections, references, search and statistics, with their domain errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanAssistant } from '../../server/core/assistant.js';
import { InvalidInputError, NotFoundError } from '../../common/errors.js';
import type { PlanAssistant } from '../../server/core/types.js';
import { buildShippedIndex, type ShippedIndex } from './shipped-index.js';

let shipped: ShippedIndex;
let assistant: PlanAssistant;
const PLAN = 'ke-hoach-cbcc-cap-xa-2026';

beforeAll(async () => {
  shipped = await buildShippedIndex();
  assistant = createPlanAssistant({ index: shipped.index, config: shipped.config });
});
afterAll(() => shipped.cleanup());

const addresses = (tasks: Array<{ address: string }>): string[] => tasks.map((task) => task.address);

describe('listTasks', () => {
  it('lists every task with units spelled out and the timeline', () => {
    const tasks = assistant.listTasks();
    expect(addresses(tasks)).toEqual(['II.1', 'II.2', 'II.3', 'II.4', 'II.5', 'II.6', 'II.7', 'II.8', 'II.9', 'II.10']);
    expect(tasks[3].lead).toEqual([expect.objectContaining({ name: 'Sở Nội vụ', level: 'tỉnh' })]);
    expect(tasks[3].timeline).toMatchObject({ kind: 'deadline', due: '2026-06-30' });
  });

  it('filters by any alias of a unit, with or without diacritics, and by role', () => {
    const lead = ['II.4', 'II.5', 'II.6', 'II.8'];
    for (const unit of ['Sở Nội vụ', 'so noi vu', 'SNV', 'Department of Home Affairs']) {
      expect(addresses(assistant.listTasks({ unit, role: 'lead' }))).toEqual(lead);
    }
    expect(addresses(assistant.listTasks({ unit: 'SNV', role: 'coordinating' }))).toEqual(['II.7', 'II.9', 'II.10']);
    expect(addresses(assistant.listTasks({ unit: 'stc' }))).toEqual(['II.10']);
  });

  it('filters by due dates (inclusive) and by timeline kind', () => {
    expect(addresses(assistant.listTasks({ dueBefore: '2026-06-30' }))).toEqual(['II.2', 'II.3', 'II.4']);
    expect(addresses(assistant.listTasks({ dueBefore: '2026-06-29' }))).toEqual([]);
    expect(addresses(assistant.listTasks({ dueAfter: '2026-06-30' }))).toEqual(['II.2', 'II.3', 'II.4']);
    expect(addresses(assistant.listTasks({ kind: 'recurring' }))).toEqual(['II.1', 'II.9', 'II.10']);
    expect(addresses(assistant.listTasks({ kind: 'conditional', unit: 'ubnd xa', role: 'coordinating' }))).toEqual(['II.6', 'II.8']);
  });

  it('refuses an unknown unit with the known units, and a bad date', () => {
    expect(() => assistant.listTasks({ unit: 'Sở Y tế' })).toThrow(InvalidInputError);
    expect(() => assistant.listTasks({ unit: 'Sở Y tế' })).toThrow(/Sở Nội vụ/);
    expect(() => assistant.listTasks({ dueBefore: '30/6/2026' })).toThrow(InvalidInputError);
  });
});

describe('getTask', () => {
  it('finds a task by address, number or task phrase', () => {
    for (const key of ['II.4', '4', 'nv4', 'nhiệm vụ 4', 'ii.4']) expect(assistant.getTask(key).address).toBe('II.4');
  });

  it('gives the verbatim source of each field and the footnotes', () => {
    const task = assistant.getTask('II.4');
    expect(task.sources.lead).toEqual({ section: 'II.4', label: 'mục II.4', quote: '- Đơn vị chủ trì thực hiện: Sở Nội vụ.' });
    expect(task.footnotes.map((note) => note.section)).toEqual(['footnote.1', 'footnote.2']);
    const text = shipped.index.registry.documents[0].text;
    for (const assignment of assistant.getTask('6').assignments) expect(text).toContain(assignment.quote);
  });

  it('throws NotFoundError for an unknown task', () => {
    expect(() => assistant.getTask('II.12')).toThrow(NotFoundError);
    expect(() => assistant.getTask('12')).toThrow(/II\.1/);
  });
});

describe('documents, sections, references, search, stats', () => {
  it('lists documents and expected documents with their presence', () => {
    const { documents, expected } = assistant.listDocuments();
    // Every registry entry with a file is loaded (the plan and the shipped regulations), and only those.
    const withFile = expected.filter((doc) => doc.file !== null).map((doc) => doc.id);
    expect(withFile).toContain(PLAN);
    expect(documents.map((doc) => doc.id).sort()).toEqual([...withFile].sort());
    expect(expected.filter((doc) => doc.file !== null).every((doc) => doc.present)).toBe(true);
    expect(expected.filter((doc) => !doc.present).map((doc) => doc.id)).toEqual(
      expect.arrayContaining(['chi-thi-18-ct-ttg-2026', 'nghi-quyet-17-nq-tu-2026', 'khung-nang-luc-vtvl-cap-xa']),
    );
  });

  it('returns a section and throws NotFoundError for unknown ids and addresses', () => {
    expect(assistant.getSection(PLAN, 'III.2').text).toContain('Theo dõi, đôn đốc');
    expect(() => assistant.getSection(PLAN, 'IX.9')).toThrow(NotFoundError);
    expect(() => assistant.getDocument('chi-thi-18-ct-ttg-2026')).toThrow(/chưa được nạp/);
  });

  it('lists the references with where they are cited', () => {
    const numbers = assistant.listReferences().map((reference) => reference.number);
    expect(numbers).toEqual(expect.arrayContaining(['18/CT-TTg', '17-NQ/TU', '21-TB/VPTW', '533-CV/BTCTW', '4614/BNV-CVCC']));
  });

  it('searches passages with the hybrid ranking, optionally within a document', async () => {
    // Within the plan, its recruitment task first; over every document, three passages (the
    // recruitment decree may rank above the plan there).
    const inPlan = await assistant.search('tuyen dung cong chuc', { k: 3, documentId: PLAN });
    expect(inPlan[0].address).toBe('II.8');
    expect(inPlan.every((hit) => hit.documentId === PLAN)).toBe(true);
    expect(await assistant.search('tuyen dung cong chuc', { k: 3 })).toHaveLength(3);
    expect(await assistant.search('tuyển dụng', { k: 2, documentId: 'khong-co' })).toEqual([]);
  });

  it('reports counts', () => {
    const { registry } = shipped.index;
    expect(assistant.stats()).toMatchObject({ documents: registry.documents.length, tasks: 10, chunks: shipped.index.chunks.length });
    expect(registry.documents.length).toBe(registry.expected.filter((doc) => doc.file !== null).length);
  });
});
