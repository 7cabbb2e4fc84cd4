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
 * the document is read as prose.
 */
export function extractObligations(doc: CorpusDocument, tasks: Task[], units: Unit[], vocabulary: ExtractVocabulary): Obligation[] {
  const list = new ObligationList(doc);
  const own = tasks.filter((task) => task.documentId === doc.id);
  const rowKinds = new Map(doc.sections.map((section) => [section.address, section.kind]));
  const itemAddresses = new Set(own.filter((task) => rowKinds.get(task.address) !== 'table-row').map((task) => task.address));
  const items = doc.sections.filter((section) => itemAddresses.has(section.address));
  itemObligations(doc, items, units, vocabulary, list);
  tableObligations(own.filter((task) => !itemAddresses.has(task.address)), list);
  const rows = new Set(own.filter((task) => !itemAddresses.has(task.address)).map((task) => task.address));
  proseObligations(doc, new Set([...itemAddresses, ...rows]), units, vocabulary, list);
  return list.items;
}
