/**
 * The lookup side of the assistant: the task table with filters, a task by address or
 * number, units, documents, sections, references and index statistics. Errors are domain
 * errors with Vietnamese messages, for the faces to map.
 */
import { resolveUnit } from '../../../ingest/extract/index.js';
import type { CorpusDocument, Section, TimelineKind } from '../../../ingest/types.js';
import type { AnswerEnvironment } from '../environment.js';
import { InvalidInputError, NotFoundError } from '../../../common/errors.js';
import { readTaskRefs } from '../query/task-refs.js';
import { matchKey } from '../../../common/text-key.js';
import type { DocumentSummary, IndexStats, TaskDetail, TaskFilter, TaskView } from '../types.js';
import type { ExpectedDocumentStatus, Reference } from '../../../ingest/types.js';
import { selectTasks } from './task-filter.js';
import { toDocumentSummary, toTaskDetail, toTaskView } from './views.js';
import { documentById, sectionAt } from '../registry-lookup.js';

const TIMELINE_KINDS: readonly TimelineKind[] = ['deadline', 'recurring', 'conditional', 'per-authority', 'unspecified'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The task table, filtered; throws `InvalidInputError` for an unknown unit, a bad date or kind. */
export function listTasks(environment: AnswerEnvironment, filter: TaskFilter = {}): TaskView[] {
  const { registry } = environment;
  let unitId: string | null = null;
  if (filter.unit !== undefined && filter.unit.trim() !== '') {
    const unit = resolveUnit(filter.unit, registry.units);
    if (!unit) {
      const known = registry.units.map((item) => item.name).join('; ');
      throw new InvalidInputError(`Không nhận ra đơn vị “${filter.unit}”. Các đơn vị đã biết: ${known}.`);
    }
    unitId = unit.id;
  }
  for (const [name, value] of [['dueBefore', filter.dueBefore], ['dueAfter', filter.dueAfter]] as const) {
    if (value !== undefined && !(ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)))) {
      throw new InvalidInputError(`${name} phải là ngày dạng YYYY-MM-DD (nhận được “${value}”).`);
    }
  }
  if (filter.kind !== undefined && !TIMELINE_KINDS.includes(filter.kind)) {
    throw new InvalidInputError(`kind phải là một trong: ${TIMELINE_KINDS.join(', ')}.`);
  }
  const tasks = selectTasks(registry.tasks, {
    unitId,
    role: filter.role ?? 'any',
    dueAfter: filter.dueAfter ?? null,
    dueBefore: filter.dueBefore ?? null,
    kind: filter.kind ?? null,
    documentId: filter.documentId ?? null,
  });
  return tasks.map((task) => toTaskView(registry, task));
}

/** A task by address ("II.4"), number ("4") or a task phrase ("nv4", "nhiệm vụ 4"); throws `NotFoundError`. */
export function getTask(environment: AnswerEnvironment, addressOrNumber: string, documentId?: string): TaskDetail {
  const { registry } = environment;
  const value = addressOrNumber.trim();
  const pool = registry.tasks.filter((task) => !documentId || task.documentId === documentId);
  const refs = /^\d{1,3}$/.test(value) ? { numbers: [Number(value)], addresses: [] } : readTaskRefs(matchKey(value));
  const byAddress = pool.find((task) => task.address.toLowerCase() === value.toLowerCase() || refs.addresses.includes(task.address));
  const preferred = pool.filter((task) => task.documentId === (documentId ?? environment.defaultDocumentId));
  const byNumber = [...preferred, ...pool].find((task) => refs.numbers.includes(task.number));
  const task = byAddress ?? byNumber;
  if (!task) {
    const known = pool.map((item) => item.address).join(', ');
    throw new NotFoundError(`Không tìm thấy nhiệm vụ “${addressOrNumber}”.${known ? ` Các nhiệm vụ hiện có: ${known}.` : ''}`);
  }
  return toTaskDetail(registry, task);
}

/** Documents in the corpus and the expected documents with their presence. */
export function listDocuments(environment: AnswerEnvironment): { documents: DocumentSummary[]; expected: ExpectedDocumentStatus[] } {
  const { registry } = environment;
  return { documents: registry.documents.map(toDocumentSummary), expected: registry.expected.map((item) => ({ ...item })) };
}

/** A document by id; throws `NotFoundError`. */
export function getDocument(environment: AnswerEnvironment, id: string): CorpusDocument {
  const document = documentById(environment.registry.documents, id);
  if (!document) {
    const expected = environment.registry.expected.find((item) => item.id === id && !item.present);
    const why = expected ? ` Văn bản “${expected.title}” được dự kiến nhưng chưa được nạp vào kho văn bản.` : '';
    throw new NotFoundError(`Không tìm thấy văn bản “${id}”.${why}`);
  }
  return document;
}

/** A section of a document by address; throws `NotFoundError`. */
export function getSection(environment: AnswerEnvironment, documentId: string, address: string): Section {
  const document = getDocument(environment, documentId);
  const section = sectionAt(document, address);
  if (!section) throw new NotFoundError(`Văn bản “${documentId}” không có mục “${address}”.`);
  return section;
}

/** The documents the corpus cites. */
export function listReferences(environment: AnswerEnvironment): Reference[] {
  return environment.registry.references.map((reference) => ({ ...reference, citedIn: reference.citedIn.map((place) => ({ ...place })) }));
}

/** Counts and how the index was built. */
export function stats(environment: AnswerEnvironment): IndexStats {
  const { manifest } = environment.index;
  return {
    documents: environment.registry.documents.length,
    sections: environment.registry.documents.reduce((sum, doc) => sum + doc.sections.length, 0),
    tasks: environment.registry.tasks.length,
    chunks: environment.index.chunks.length,
    builtAt: manifest.createdAt,
    embedder: manifest.embedder.id,
  };
}
