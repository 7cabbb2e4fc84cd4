/**
 * Answers about one or more tasks, written from the registry: who leads, who coordinates, the
 * timeline, the content, and what a given unit does in the task. Every sentence cites the
 * field line it comes from ("Theo Kế hoạch, mục II.4, đơn vị chủ trì là Sở Nội vụ [1].").
 */
import { foldForMatch } from '../../../ingest/normalize/index.js';
import type { CorpusDocument, FieldSource, Registry, Task } from '../../../ingest/types.js';
import type { TaskAspect } from '../intent/types.js';
import type { CitationList } from './citations.js';
import { capitalize, documentLabel, fieldValue, joinVi, placeLabel, timelineNote, timelineWords, unitNames } from './format.js';
import { documentById } from '../registry-lookup.js';

export interface ComposeContext {
  registry: Registry;
  citations: CitationList;
}

/** Composes the answer for the aspects asked, task by task. */
export function composeTaskAnswer(context: ComposeContext, tasks: readonly Task[], aspects: readonly TaskAspect[], unitId: string | null): string {
  return tasks.map((task) => taskParagraph(context, task, aspects, unitId)).join('\n\n');
}

function taskParagraph(context: ComposeContext, task: Task, aspects: readonly TaskAspect[], unitId: string | null): string {
  const document = documentOf(context.registry, task);
  const lines: string[] = [];
  for (const aspect of aspects) {
    if (aspect === 'lead' && unitId) lines.push(roleOfUnit(context, task, unitId));
    if (aspect === 'lead') lines.push(leadSentence(context, document, task));
    if (aspect === 'coordinating') lines.push(...coordinatingSentences(context, document, task));
    // "Xã phối hợp với sở nào?": the unit asked about coordinates, so its partner is the lead.
    if (aspect === 'coordinating' && unitId && task.coordinating.includes(unitId) && !aspects.includes('lead')) lines.push(leadSentence(context, document, task));
    if (aspect === 'deadline') lines.push(deadlineSentence(context, document, task));
    if (aspect === 'content') lines.push(...contentSentences(context, document, task));
    if (aspect === 'unit-duty') lines.push(...unitDutySentences(context, document, task, unitId));
  }
  return lines.filter(Boolean).join(' ');
}

/** The document a task belongs to. */
export function documentOf(registry: Registry, task: Task): CorpusDocument {
  const document = documentById(registry.documents, task.documentId);
  if (!document) throw new Error(`task ${task.address} names an unknown document ${task.documentId}`);
  return document;
}

/**
 * Cites a field of a task at the task's own address ("II.6" for a "+" bullet of II.6): the
 * quote lies inside the item, and the item is what a reader looks up.
 */
function cite(context: ComposeContext, task: Task, source: FieldSource | null): string {
  const field = source ?? task.sources.title;
  return context.citations.cite(task.documentId, task.address, field.text);
}

function opening(document: CorpusDocument, task: Task): string {
  return `Theo ${documentLabel(document)}, ${placeLabel(task.address)}`;
}

/** "…, đơn vị chủ trì là Sở Nội vụ [1]." plus the field's wording when it says more than the names. */
function leadSentence(context: ComposeContext, document: CorpusDocument, task: Task): string {
  const source = task.sources.lead;
  const marker = cite(context, task, source);
  const names = unitNames(context.registry, task.lead);
  const label = source && /đơn vị thực hiện/i.test(source.text) && !/chủ trì/i.test(source.text) ? 'đơn vị thực hiện (chủ trì)' : 'đơn vị chủ trì';
  if (names.length === 0) return `${opening(document, task)} không ghi đơn vị chủ trì ${marker}.`;
  const main = `${opening(document, task)}, ${label} là ${joinVi(names)} ${marker}.`;
  return main + wordingIfRicher(source, names, marker);
}

/** The coordinating units, each unit's duty when the field gives one, and a "phối hợp với" in the lead line. */
function coordinatingSentences(context: ComposeContext, document: CorpusDocument, task: Task): string[] {
  const sentences: string[] = [];
  const names = unitNames(context.registry, task.coordinating);
  const bullets = task.assignments.filter((assignment) => assignment.role === 'coordinating' && /^\s*\+/.test(assignment.source.text));
  if (names.length === 0) {
    const leads = joinVi(unitNames(context.registry, task.lead));
    sentences.push(`${opening(document, task)} không ghi đơn vị phối hợp; đơn vị thực hiện là ${leads} ${cite(context, task, task.sources.lead)}.`);
  } else if (bullets.length > 0) {
    sentences.push(`${opening(document, task)}, đơn vị phối hợp là ${joinVi(names)}:`);
    for (const text of new Set(bullets.map((assignment) => assignment.source.text))) {
      const marker = context.citations.cite(task.documentId, task.address, text);
      sentences.push(`${capitalize(fieldValue(text))} ${marker}.`);
    }
  } else {
    const marker = cite(context, task, task.sources.coordinating);
    sentences.push(`${opening(document, task)}, đơn vị phối hợp là ${joinVi(names)} ${marker}.` + wordingIfRicher(task.sources.coordinating, names, marker));
  }
  const lead = task.sources.lead;
  if (lead && /phối hợp/i.test(fieldValue(lead.text))) {
    sentences.push(`Ngoài ra, dòng đơn vị chủ trì ghi: “${fieldValue(lead.text)}” ${cite(context, task, lead)}.`);
  }
  return sentences;
}

/** "…, thời gian thực hiện: Hoàn thành trong tháng 6/2026 (hạn 30/6/2026) [1]." */
function deadlineSentence(context: ComposeContext, document: CorpusDocument, task: Task): string {
  const marker = cite(context, task, task.sources.timeline);
  if (!task.sources.timeline && task.timeline.kind === 'unspecified') {
    return `${opening(document, task)} không ghi thời gian thực hiện ${marker}.`;
  }
  const note = timelineNote(task.timeline);
  return `${opening(document, task)}, thời gian thực hiện: ${timelineWords(task.timeline)} ${marker}.${note ? ` ${note}` : ''}`;
}

/** The task's own words, then who leads and when, in short. */
function contentSentences(context: ComposeContext, document: CorpusDocument, task: Task): string[] {
  const title = task.title.trim().replace(/[.;:]$/, '');
  const sentences = [`${capitalize(placeLabel(task.address))} của ${documentLabel(document)}: ${title} ${cite(context, task, task.sources.title)}.`];
  const leads = unitNames(context.registry, task.lead);
  if (leads.length > 0) sentences.push(`Đơn vị chủ trì: ${joinVi(leads)} ${cite(context, task, task.sources.lead)}.`);
  const partners = unitNames(context.registry, task.coordinating);
  if (partners.length > 0) sentences.push(`Đơn vị phối hợp: ${joinVi(partners)} ${cite(context, task, task.sources.coordinating ?? task.sources.lead)}.`);
  if (task.sources.timeline) sentences.push(`Thời gian thực hiện: ${timelineWords(task.timeline)} ${cite(context, task, task.sources.timeline)}.`);
  return sentences;
}

/** What one unit is asked to do in the task, with its role; or that it has no part in it. */
function unitDutySentences(context: ComposeContext, document: CorpusDocument, task: Task, unitId: string | null): string[] {
  if (!unitId) return contentSentences(context, document, task);
  const [name] = unitNames(context.registry, [unitId]);
  const assignments = task.assignments.filter((assignment) => assignment.unitId === unitId);
  if (assignments.length === 0) {
    return [
      `${opening(document, task)} không giao việc cho ${name}.`,
      leadSentence(context, document, task),
      ...(task.coordinating.length > 0 ? coordinatingSentences(context, document, task) : []),
    ];
  }
  return assignments.map((assignment) => {
    const role = assignment.role === 'lead' ? 'đơn vị chủ trì' : 'đơn vị phối hợp';
    const marker = context.citations.cite(task.documentId, task.address, assignment.source.text);
    const duty = assignment.duty.trim().replace(/[.;]$/, '');
    return `${opening(document, task)}, ${name} là ${role}: “${duty}” ${marker}.`;
  });
}

/**
 * "Sở Nội vụ có phải chủ trì nhiệm vụ 7 không?": the unit's own role in the task, first.
 * Empty when the unit is the lead (the lead sentence says it) or has no part in the task.
 */
function roleOfUnit(context: ComposeContext, task: Task, unitId: string): string {
  if (task.lead.includes(unitId)) return '';
  const [name] = unitNames(context.registry, [unitId]);
  if (task.coordinating.includes(unitId)) {
    return `${name} không chủ trì mà là đơn vị phối hợp của ${placeLabel(task.address)} ${cite(context, task, task.sources.coordinating)}.`;
  }
  return `${name} không được giao trong ${placeLabel(task.address)}.`;
}

/** The field's own words when they say more than the unit names ("… tham mưu Ủy ban nhân dân tỉnh …"). */
function wordingIfRicher(source: FieldSource | null, names: readonly string[], marker: string): string {
  if (!source) return '';
  const value = fieldValue(source.text);
  const words = (text: string): number => text.split(/[\s,;]+/).filter(Boolean).length;
  const nameWords = names.reduce((sum, name) => sum + words(name), 0);
  // The field's own wording is shown when it says more, or names a unit otherwise than the registry ("Văn phòng UBND tỉnh").
  const folded = foldForMatch(value);
  const writtenOtherwise = names.some((name) => !folded.includes(foldForMatch(name)));
  return words(value) > nameWords + 3 || writtenOtherwise ? ` Cụ thể: “${value}” ${marker}.` : '';
}
