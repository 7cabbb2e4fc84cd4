/**
 * Who must do what, by when, from any document (SPEC: Obligation): the fields of a plan's
 * task items, the rows of task tables, and the prose of directives, decrees and laws
 * (addressee blocks, "X có trách nhiệm …", "Giao X chủ trì …", "… do X phê duyệt").
 */
import type { CorpusDocument, Obligation, Task, Unit } from '../types.js';
import { proseObligations } from './obligation-clauses.js';
import { ObligationList } from './obligation-make.js';
import { itemObligations, tableObligations } from './obligation-tasks.js';
import type { ExtractVocabulary } from './vocabulary.js';

/**
 * The obligations of one document. `tasks` are the document's tasks (items and table rows):
 * items are read activity by activity from their fields, rows from their cells; the rest of
 * the document (task items without field lines included) is read as prose.
 *
 * Roles: `lead` and `coordinating` as a task's fields say, or "X chủ trì, phối hợp với Y";
 * `responsible` for a duty given to X (addressee blocks, "X có trách nhiệm …", "Giao X …",
 * "… yêu cầu X …", the clauses of "Trách nhiệm của X"); `approves` for "X phê duyệt/quyết
 * định", "… do X phê duyệt"; `implements` for "X quy định chi tiết/hướng dẫn/thực hiện …";
 * `reports-to` for "X báo cáo …" — the actors are always who must act (X), the action names
 * the rest verbatim.
 */
export function extractObligations(doc: CorpusDocument, tasks: Task[], units: Unit[], vocabulary: ExtractVocabulary): Obligation[] {
  const list = new ObligationList(doc);
  const own = tasks.filter((task) => task.documentId === doc.id);
  const kinds = new Map(doc.sections.map((section) => [section.address, section.kind]));
  const rows = own.filter((task) => kinds.get(task.address) === 'table-row');
  const itemAddresses = new Set(own.filter((task) => kinds.get(task.address) !== 'table-row').map((task) => task.address));
  const items = doc.sections.filter((section) => itemAddresses.has(section.address));
  const readAsFields = itemObligations(doc, items, units, vocabulary, list);
  tableObligations(rows, list);
  proseObligations(doc, new Set([...readAsFields, ...rows.map((row) => row.address)]), units, vocabulary, list);
  return list.items;
}
