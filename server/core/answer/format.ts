/**
 * Vietnamese wording shared by the answer composers: dates, lists, unit names, how a
 * document and a place in it are named ("Theo Kế hoạch, mục II.4, …").
 */
import type { CorpusDocument, Registry, Task, Timeline } from '../../../ingest/types.js';
import { DOCUMENT_TYPE_NAMES } from '../../../ingest/document-types.js';
import { addressLabel } from '../../../ingest/parse/labels.js';
import { formatDate } from '../../../common/dates.js';

/** The one date formatter of every face (common/dates.ts): "08/5/2026", "05/01/2026", "30/6/2026". */
export { formatDate, formatOptionalDate } from '../../../common/dates.js';

/** "A", "A và B", "A, B và C". */
export function joinVi(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

/** Canonical names of unit ids, in order; an unknown id is shown as is. */
export function unitNames(registry: Registry, ids: readonly string[]): string[] {
  return ids.map((id) => registry.units.find((unit) => unit.id === id)?.name ?? id);
}

/** How a document is named in a sentence: "Kế hoạch", "Chỉ thị 18/CT-TTg" … */
export function documentLabel(document: CorpusDocument): string {
  let label = documentLabels.get(document);
  if (label === undefined) documentLabels.set(document, (label = composeDocumentLabel(document)));
  return label;
}

/** Labels written so far: every answer and abstention names its documents, always the same way. */
const documentLabels = new WeakMap<CorpusDocument, string>();

function composeDocumentLabel(document: CorpusDocument): string {
  const kind = (document.header.typeText ?? '').trim();
  const typeWord = kind ? kind.charAt(0).toUpperCase() + kind.slice(1).toLowerCase() : DOCUMENT_TYPE_NAMES[document.type];
  return document.header.number ? `${typeWord} số ${document.header.number}` : typeWord;
}

/**
 * How answers name a place: the one display label of an address ("mục II.4", "phần I",
 * "Điều 18 khoản 1", "Phụ lục I, dòng 4"), the same the parser stores in Section.label.
 */
export function placeLabel(address: string): string {
  return addressLabel(address);
}

/** Short titles made so far, by task and word count: lists write the same tasks' titles on every question. */
const shortTitles = new WeakMap<Task, Map<number, string>>();

/** The first words of a task's title, for lists ("Rà soát hoàn thiện tiêu chuẩn, tiêu chí …"). */
export function shortTitle(task: Task, words = 14): string {
  let byWords = shortTitles.get(task);
  if (!byWords) shortTitles.set(task, (byWords = new Map()));
  let short = byWords.get(words);
  if (short === undefined) {
    const clean = task.title.replace(/\s+/g, ' ').trim().replace(/[.;:]$/, '');
    const parts = clean.split(' ');
    short = parts.length <= words ? clean : `${parts.slice(0, words).join(' ')} …`;
    byWords.set(words, short);
  }
  return short;
}

/** The timeline as written plus, for a dated deadline, the due date: "Hoàn thành trong tháng 6/2026 (hạn 30/6/2026)". */
export function timelineWords(timeline: Timeline): string {
  const text = timeline.text.trim().replace(/\.$/, '');
  if (timeline.kind === 'deadline' && timeline.due) return `${text} (hạn ${formatDate(timeline.due)})`;
  return text;
}

/** A sentence explaining a timeline's kind, or '' when the text says it all. */
export function timelineNote(timeline: Timeline): string {
  switch (timeline.kind) {
    case 'recurring':
      return 'Đây là nhiệm vụ thực hiện thường xuyên, không có một hạn hoàn thành cố định.';
    case 'conditional':
      return 'Văn bản không ghi ngày cụ thể: nhiệm vụ bắt đầu khi điều kiện nêu trên xảy ra.';
    case 'per-authority':
      return 'Văn bản không ghi ngày cụ thể: thời gian do cấp có thẩm quyền quy định.';
    default:
      return '';
  }
}

/** Uppercase first letter (for a sentence that starts with a field's value). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Text after the label of a field line ("- Đơn vị chủ trì thực hiện: Sở Nội vụ." → "Sở Nội vụ"). */
export function fieldValue(line: string): string {
  const colon = line.indexOf(':');
  const value = colon >= 0 ? line.slice(colon + 1) : line;
  return value.trim().replace(/^[-+]\s*/, '').replace(/[.;]$/, '').trim();
}
