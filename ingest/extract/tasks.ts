/**
 * Tasks of a plan: the numbered items of its "NHIỆM VỤ, GIẢI PHÁP" part (or, when no part is
 * titled so, every item that carries field lines), each with lead and coordinating units, a
 * timeline, and the verbatim source of every field.
 */
import { foldVietnamese } from '../normalize/index.js';
import type { CorpusDocument, FieldSource, Section, Task, TaskAssignment, TaskRole, Unit } from '../types.js';
import { readItemFields, type ItemField, type TextLine } from './fields.js';
import { subjectUnits, uniqueAssignments } from './subjects.js';
import { extractTableTasks } from './table-tasks.js';
import { parseTimeline } from './timeline.js';
import { loadFieldLabels, type FieldLabels } from './vocabulary.js';

const ITEM_MARKER = /^\s*\d{1,3}[.)]\s+/;
const NEXT_BLOCK = /\n(?:\n|[-–•+]\s|\d{1,2}[.)]\s|[a-zđ]\)\s)/u;
const BULLET = /^\+\s+/;

function headingKey(text: string): string {
  return foldVietnamese(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The part whose heading names tasks ("NHIỆM VỤ, GIẢI PHÁP", "NHIỆM VỤ CỤ THỂ" …). */
export function findTaskPart(doc: CorpusDocument, vocabulary: FieldLabels): Section | undefined {
  const labels = vocabulary.taskPartHeadings.map(headingKey);
  return doc.sections.find((section) => {
    if (section.kind !== 'part' || !section.heading) return false;
    const key = headingKey(section.heading);
    return labels.some((label) => key === label || key.startsWith(`${label} `));
  });
}

function source(address: string, doc: CorpusDocument, start: number, end: number): FieldSource {
  return { address, text: doc.text.slice(start, end), span: { start, end } };
}

function lineSource(address: string, line: TextLine): FieldSource {
  return { address, text: line.text, span: { ...line.span } };
}

/** The item's first paragraph after "N. ", verbatim, with its source. */
function titleOf(doc: CorpusDocument, item: Section): FieldSource {
  const marker = ITEM_MARKER.exec(item.text)?.[0].length ?? 0;
  const rest = item.text.slice(marker);
  const cut = rest.search(NEXT_BLOCK);
  const end = marker + (cut >= 0 ? cut : rest.length);
  return source(item.address, doc, item.span.start + marker, item.span.start + end);
}

/** Assignments of one field: its value's subjects, then each "+" bullet's subjects. */
function assignmentsOf(field: ItemField, role: TaskRole, item: Section, doc: CorpusDocument, units: Unit[], labels: FieldLabels): TaskAssignment[] {
  const assignments: TaskAssignment[] = [];
  for (const unitId of subjectUnits(field.value, units, labels)) {
    assignments.push({ unitId, role, duty: field.value, source: lineSource(item.address, field.line) });
  }
  for (const bullet of field.bullets) {
    const subitem = doc.sections.find((section) => section.span.start === bullet.span.start && section.kind === 'subitem');
    const duty = bullet.text.replace(BULLET, '');
    for (const unitId of subjectUnits(duty, units, labels)) {
      assignments.push({ unitId, role, duty, source: lineSource(subitem?.address ?? item.address, bullet) });
    }
  }
  return assignments;
}

/** Footnotes cited by the item or any of its sub-items. */
function footnotesOf(doc: CorpusDocument, item: Section): string[] {
  const inside = doc.sections.filter((section) => section === item || section.address.startsWith(`${item.address}.`));
  return [...new Set(inside.flatMap((section) => section.footnotes ?? []))];
}

/**
 * One task from one plan item. An item may hold several activities, each with its own fields
 * ("- Tổ chức tập huấn …" then "Đơn vị chủ trì: …"): the task's units are those of all its
 * fields; its sources and timeline are its first fields' (the obligations keep each activity).
 */
export function taskFromItem(doc: CorpusDocument, item: Section, units: Unit[], labels: FieldLabels = loadFieldLabels()): Task {
  const fields = readItemFields(item, labels);
  const lead = fields.find((field) => field.name === 'lead');
  const coordinating = fields.find((field) => field.name === 'coordinating');
  const timeline = fields.find((field) => field.name === 'timeline');
  const assignments = uniqueAssignments([
    ...fields.filter((field) => field.name === 'lead').flatMap((field) => assignmentsOf(field, 'lead', item, doc, units, labels)),
    ...fields.filter((field) => field.name === 'coordinating').flatMap((field) => assignmentsOf(field, 'coordinating', item, doc, units, labels)),
  ]);
  const last = coordinating?.bullets[coordinating.bullets.length - 1];
  return {
    documentId: doc.id,
    address: item.address,
    number: Number(/(\d+)(?:_\d+)?$/.exec(item.address)?.[1] ?? 0),
    title: titleOf(doc, item).text,
    text: item.text,
    lead: assignments.filter((assignment) => assignment.role === 'lead').map((assignment) => assignment.unitId),
    coordinating: assignments.filter((assignment) => assignment.role === 'coordinating').map((assignment) => assignment.unitId),
    assignments,
    timeline: timeline ? parseTimeline(timeline.value, labels) : { text: '', kind: 'unspecified' },
    sources: {
      title: titleOf(doc, item),
      lead: lead ? lineSource(item.address, lead.line) : null,
      coordinating: coordinating
        ? source(item.address, doc, coordinating.line.span.start, (last ?? coordinating.line).span.end)
        : null,
      timeline: timeline ? lineSource(item.address, timeline.line) : null,
    },
    footnotes: footnotesOf(doc, item),
  };
}

/**
 * Tasks of a document: items of its task part, or items with field lines when no part is titled
 * so; plus the rows of task tables (Nhiệm vụ | Chủ trì | Phối hợp | Thời gian).
 */
export function extractTasks(doc: CorpusDocument, units: Unit[], labels: FieldLabels = loadFieldLabels()): Task[] {
  return [...taskItems(doc, labels).map((item) => taskFromItem(doc, item, units, labels)), ...extractTableTasks(doc, units, labels)];
}

/** The items that are tasks: those of the task part, or every item with field lines when no part is titled so. */
export function taskItems(doc: CorpusDocument, labels: FieldLabels): Section[] {
  const part = findTaskPart(doc, labels);
  return part
    ? doc.sections.filter((section) => section.kind === 'item' && section.parent === part.address)
    : doc.sections.filter((section) => section.kind === 'item' && readItemFields(section, labels).length > 0);
}
