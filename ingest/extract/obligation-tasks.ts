/**
 * Obligations from tasks: a plan item's field lines, whatever their labels ("Đơn vị chủ trì
 * thực hiện", "Đơn vị chủ trì tham mưu thực hiện", "Đơn vị thực hiện", "Cơ quan phối hợp" …),
 * one activity at a time (an item may hold several activities, each followed by its own
 * fields); and the rows of task tables (lead and coordinating cells).
 */
import type { CorpusDocument, FieldSource, Section, Task, Unit } from '../types.js';
import { readFieldLine, readItemFields, sectionBlocks, type ItemField, type TextLine } from './fields.js';
import { ObligationList, sourceOf, withoutMarker } from './obligation-make.js';
import { subjectUnits } from './subjects.js';
import { parseTimeline } from './timeline.js';
import type { ExtractVocabulary } from './vocabulary.js';

/** An activity of an item: its text and the fields written under it. */
interface Activity {
  action: TextLine;
  fields: ItemField[];
}

const PLUS = /^\s*\+\s/;

/** The item's activities: a non-field block opens one; the field blocks after it belong to it. */
function activitiesOf(item: Section, vocabulary: ExtractVocabulary): Activity[] {
  const fieldsByStart = new Map(readItemFields(item, vocabulary.labels).map((field) => [field.line.span.start, field]));
  const activities: Activity[] = [];
  let current: Activity | null = null;
  let inFields = false;
  for (const block of sectionBlocks(item)) {
    const field = fieldsByStart.get(block.span.start);
    if (field) {
      if (current) current.fields.push(field);
      inFields = true;
    } else if (readFieldLine(block.text, vocabulary.labels) === null && !(inFields && PLUS.test(block.text))) {
      // A block after the fields opens the next activity; before them it replaces the title.
      if (!current || current.fields.length > 0) {
        current = { action: block, fields: [] };
        activities.push(current);
      } else {
        current.action = block;
      }
      inFields = false;
    }
  }
  return activities.filter((activity) => activity.fields.length > 0);
}

function fieldSource(address: string, line: TextLine): FieldSource {
  return { address, text: line.text, span: { ...line.span } };
}

/** Units a field names: its value's subjects and its "+" bullets'. */
function fieldActors(field: ItemField, units: Unit[], vocabulary: ExtractVocabulary): string[] {
  const bullets = field.bullets.flatMap((bullet) => subjectUnits(bullet.text.replace(/^\s*\+\s+/, ''), units, vocabulary.labels));
  return [...new Set([...subjectUnits(field.value, units, vocabulary.labels), ...bullets])];
}

/**
 * Obligations (lead, coordinating) of the activities of a plan's task items; returns the
 * addresses of the items read so (an item without field lines is left to be read as prose).
 */
export function itemObligations(doc: CorpusDocument, items: Section[], units: Unit[], vocabulary: ExtractVocabulary, list: ObligationList): Set<string> {
  const read = new Set<string>();
  for (const item of items) {
    const activities = activitiesOf(item, vocabulary);
    if (activities.length > 0) read.add(item.address);
    for (const activity of activities) {
      const action = withoutMarker(doc, item.address, activity.action.span.start, activity.action.span.end);
      const timelineField = activity.fields.find((field) => field.name === 'timeline');
      const timeline = timelineField ? parseTimeline(timelineField.value, vocabulary.labels) : { text: '', kind: 'unspecified' as const };
      for (const field of activity.fields) {
        if (field.name === 'timeline') continue;
        const last = field.bullets[field.bullets.length - 1];
        list.add({
          address: item.address,
          actors: fieldActors(field, units, vocabulary),
          role: field.name,
          actor: last ? sourceOf(doc, item.address, field.line.span.start, last.span.end) : fieldSource(item.address, field.line),
          action,
          timeline,
          timelineSource: timelineField ? fieldSource(item.address, timelineField.line) : null,
          taskAddress: item.address,
        });
      }
    }
  }
  return read;
}

/** Obligations of task-table rows (tasks whose address is a table row). */
export function tableObligations(tasks: Task[], list: ObligationList): void {
  for (const task of tasks) {
    for (const role of ['lead', 'coordinating'] as const) {
      const actor = task.sources[role];
      if (!actor) continue;
      list.add({
        address: task.address,
        actors: task[role],
        role,
        actor,
        action: task.sources.title,
        timeline: task.timeline,
        timelineSource: task.sources.timeline,
        taskAddress: task.address,
      });
    }
  }
}
