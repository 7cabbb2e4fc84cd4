/**
 * Plans written as a table: one task per row of a table whose header names the task column and
 * at least a lead or a timeline column (Nhiệm vụ | Chủ trì | Phối hợp | Thời gian).
 */
import { foldVietnamese } from '../normalize/index.js';
import { cellSpan } from '../parse/index.js';
import type { CorpusDocument, FieldSource, Section, Task, TaskAssignment, TaskRole, Unit } from '../types.js';
import { subjectUnits, uniqueAssignments } from './subjects.js';
import { parseTimeline } from './timeline.js';
import type { FieldLabels } from './vocabulary.js';

type Column = keyof FieldLabels['tableColumns'];

function key(text: string): string {
  return foldVietnamese(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Which column holds what, from the header cells; longest label first. */
export function columnsOf(header: string[], fieldLabels: FieldLabels): Partial<Record<Column, number>> {
  const vocabulary = fieldLabels.tableColumns;
  const labels = (Object.keys(vocabulary) as Column[])
    .flatMap((column) => vocabulary[column].map((label) => ({ column, label: key(label) })))
    .sort((a, b) => b.label.length - a.label.length);
  const columns: Partial<Record<Column, number>> = {};
  header.forEach((cell, index) => {
    const cellKey = key(cell);
    // Whole words anywhere in the cell: "Cơ quan, đơn vị chủ trì" holds "chủ trì".
    const found = labels.find(({ label }) => ` ${cellKey} `.includes(` ${label} `));
    if (found && columns[found.column] === undefined) columns[found.column] = index;
  });
  return columns;
}

function cellSource(row: Section, index: number | undefined): FieldSource | null {
  if (index === undefined) return null;
  const span = cellSpan(row.text, index);
  if (!span || span.start === span.end) return null;
  const start = row.span.start + span.start;
  return { address: row.address, text: row.text.slice(span.start, span.end), span: { start, end: row.span.start + span.end } };
}

function assignmentsOf(field: FieldSource | null, role: TaskRole, units: Unit[], labels: FieldLabels): TaskAssignment[] {
  if (!field) return [];
  return subjectUnits(field.text, units, labels).map((unitId) => ({ unitId, role, duty: field.text, source: field }));
}

function taskFromRow(doc: CorpusDocument, row: Section, rowIndex: number, columns: Partial<Record<Column, number>>, units: Unit[], labels: FieldLabels): Task | null {
  const title = cellSource(row, columns.task);
  if (!title) return null;
  const lead = cellSource(row, columns.lead);
  const coordinating = cellSource(row, columns.coordinating);
  const timeline = cellSource(row, columns.timeline);
  // A group row ("I | NHÓM NHIỆM VỤ …" with the other cells empty) is a heading, not a task.
  if (!lead && !coordinating && !timeline) return null;
  const numberCell = columns.number === undefined ? undefined : row.cells?.[columns.number];
  const assignments = uniqueAssignments([...assignmentsOf(lead, 'lead', units, labels), ...assignmentsOf(coordinating, 'coordinating', units, labels)]);
  return {
    documentId: doc.id,
    address: row.address,
    number: numberCell && /^\d+$/.test(numberCell) ? Number(numberCell) : rowIndex + 1,
    title: title.text,
    text: row.text,
    lead: assignments.filter((assignment) => assignment.role === 'lead').map((assignment) => assignment.unitId),
    coordinating: assignments.filter((assignment) => assignment.role === 'coordinating').map((assignment) => assignment.unitId),
    assignments,
    timeline: timeline ? parseTimeline(timeline.text, labels) : { text: '', kind: 'unspecified' },
    sources: { title, lead, coordinating, timeline },
    footnotes: row.footnotes ?? [],
  };
}

/** Tasks from the rows of every task table of the document. */
export function extractTableTasks(doc: CorpusDocument, units: Unit[], labels: FieldLabels): Task[] {
  const tasks: Task[] = [];
  for (const table of doc.sections.filter((section) => section.kind === 'table')) {
    const rows = doc.sections.filter((section) => section.parent === table.address && section.kind === 'table-row');
    const found = taskHeader(rows, labels);
    if (!found) continue;
    rows.slice(found.first).forEach((row, index) => {
      const task = taskFromRow(doc, row, index, found.columns, units, labels);
      if (task) tasks.push(task);
    });
  }
  return tasks;
}

const isTaskTable = (columns: Partial<Record<Column, number>>) =>
  columns.task !== undefined && (columns.lead !== undefined || columns.timeline !== undefined);

/**
 * The columns of a task table and its first task row: from the table header, or, when the
 * header is a title row across all columns ("DANH MỤC NHIỆM VỤ …"), from one of the first rows.
 */
function taskHeader(rows: Section[], labels: FieldLabels): { columns: Partial<Record<Column, number>>; first: number } | null {
  const columns = columnsOf(rows[0]?.tableHeader ?? [], labels);
  if (isTaskTable(columns)) return { columns, first: 0 };
  for (const [index, row] of rows.slice(0, 3).entries()) {
    const inRow = columnsOf(row.cells ?? [], labels);
    if (isTaskTable(inRow)) return { columns: inRow, first: index + 1 };
  }
  return null;
}
