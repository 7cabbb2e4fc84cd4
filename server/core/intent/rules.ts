/**
 * The intent rules, in order: the first rule that matches a question decides its intent, so a
 * rule earlier in the table wins over a later one that also matches (a cited number over a
 * document fact, a list over a task aspect, a unit's duties over a task aspect).
 */
import { foldedTokens } from '../../../common/text-key.js';
import { hasPhrase } from '../query/understand.js';
import type { IntentContext, PreviousTurn } from './context.js';
import { CUES, WHO_WORDS } from './cues.js';
import { asksCitedByIssuer, asksForContent, citedDocuments } from './reference.js';
import type { Intent } from './types.js';

/** One named rule of the table. */
export interface IntentRule {
  /** Kebab-case name, recorded with the answer. */
  name: string;
  /** Why the rule exists, in one line. */
  why: string;
  /** The intent of a question this rule decides, or null to let the next rule try. */
  match(context: IntentContext): Intent | null;
}

/** Name reported when no rule of the table matched: the question is answered from passages. */
export const FALLBACK_RULE = 'general-content';

/** "ai …", "đơn vị nào …", "who …": asks for a unit, most often the one that leads. */
const WHO_QUESTION = new RegExp(`(?:^|\\s)(?:${WHO_WORDS})(?:\\s|$)`);

/** A question word ("gì", "ai", "nào", "what", …) after a unit that opens the question. */
const QUESTION_WORD = /\b(?:gi|ai|nao|dau|what|who|whom|where)\b/;

/** Most words of matter beside a document's name in a question about the document itself. */
const MAX_FACT_TOPIC_WORDS = 4;

const onlyContent = ({ aspects }: IntentContext): boolean => aspects.every((aspect) => aspect === 'content');
const taskShaped = ({ aspects, listCue }: IntentContext): boolean => aspects.length > 0 || listCue;
/** A unit and nothing else: no task named, no topic ("Sở Nội vụ làm gì?", "Thế còn UBND xã?"). */
const unitAlone = ({ unitId, hasTaskRef, query }: IntentContext): boolean => unitId !== null && !hasTaskRef && query.topic.length === 0;
const asksList = ({ hasTaskRef, listCue, datedList }: IntentContext): boolean => !hasTaskRef && (listCue || datedList);

/** The table, in priority order. */
export const INTENT_RULES: readonly IntentRule[] = [
  {
    name: 'cited-document',
    why: 'A cited or expected document named by number (or by alias, when no task cue claims the question) is described from the corpus.',
    match(context) {
      if (context.hasTaskRef) return null;
      const documents = citedDocuments(context.query, taskShaped(context));
      if (documents.length === 0) return null;
      const unloaded = documents.some((document) => document.loadedAs === null);
      // "Nghị định 170 có tác động gì đến Nghị định 33/2023?": a loaded document named beside it says what it does to it, where it cites it.
      const besideLoaded = context.query.documents.some((mention) => mention.document.loadedAs !== null && !documents.includes(mention.document));
      // "Chế độ hỗ trợ theo Nghị quyết 197 … ở Bắc Ninh thực hiện từ ngày nào, ai phối hợp?": a task of the loaded plan that carries it out is asked.
      const taskOfLoaded = (besideLoaded || context.query.namesLoadedPlace) && context.aspects.some((aspect) => aspect !== 'content');
      if (unloaded && taskOfLoaded) return null;
      return { kind: 'reference', documents, content: unloaded && asksForContent(context.query) && !besideLoaded, issuerUnitId: null };
    },
  },
  {
    name: 'cited-by-issuer',
    why: '"Căn cứ văn bản nào của Bộ Nội vụ?": a citation cue and a unit ask for the documents that unit issued.',
    match(context) {
      const issuerUnitId = context.query.units[0]?.unit.id ?? null;
      // "<document> của <its issuer> … thực hiện những văn bản nào?": the unit issued the loaded document named, whose bases are asked.
      const [first] = context.query.units;
      // The unit as the question wrote it ("HĐND thành phố Hà Nội"), and its canonical name.
      const unitNames = first ? [context.query.expanded.slice(first.start, first.end).join(' '), first.unit.name] : [];
      const issuedNamed = context.query.documents.some((mention) => unitNames.some((name) => issuerNames(mention.document.document?.header.issuer ?? null, name)));
      if (context.hasTaskRef || issuedNamed || !asksCitedByIssuer(context.query) || !issuerUnitId || taskShaped(context)) return null;
      return { kind: 'reference', documents: [], content: false, issuerUnitId };
    },
  },
  {
    name: 'document-fact',
    why: 'A fact of the document (signer, date, number, validity, …) asked with few other words and no task cue beyond content or deadline.',
    match({ facts, query, hasTaskRef, aspects }) {
      // "Thời hạn giữ chức vụ lãnh đạo cho mỗi lần bổ nhiệm …" speaks of an office, not of the signer: a
      // fact's cue among many words of matter is not a question about the document.
      const aboutDocument = query.topicBesideTitles.length <= MAX_FACT_TOPIC_WORDS;
      const taskCue = aspects.some((aspect) => aspect !== 'content' && aspect !== 'deadline');
      return facts.length > 0 && aboutDocument && !hasTaskRef && !taskCue ? { kind: 'document-fact', facts } : null;
    },
  },
  {
    name: 'task-list',
    why: 'A list cue or a dated list with a filter (unit, role, dates, kind), or with no topic, lists the tasks that match.',
    match: (context) => (asksList(context) && (context.hasFilter || context.query.topic.length === 0) ? { kind: 'task-list', filter: context.filter } : null),
  },
  {
    name: 'list-on-topic',
    why: '"Những nhiệm vụ nào về chuyển đổi số?": a list cue with only a topic finds the tasks on that topic.',
    match: (context) => (asksList(context) ? { kind: 'task', aspects: context.aspects.length > 0 ? context.aspects : ['content'], unitId: null } : null),
  },
  {
    name: 'unit-timeline-kind',
    why: '"Nhiệm vụ thường xuyên của UBND xã": a timeline kind narrows a unit\'s tasks.',
    match: (context) =>
      unitAlone(context) && context.filter.kind !== null && context.filter.kind !== 'deadline' ? { kind: 'task-list', filter: context.filter } : null,
  },
  {
    name: 'unit-duties',
    why: '"Sở Nội vụ làm gì?", "Thế còn Sở Tài chính?": a unit alone asks for its duties, or repeats the last question with it.',
    match(context) {
      const { aspects, unitId, query, previous } = context;
      if (!unitAlone(context) || unitId === null) return null;
      if (!aspects.every((aspect) => aspect === 'unit-duty' || aspect === 'content')) return null;
      // A question that names its own unit is a new question ("Sở Tài chính làm gì?" after a list of June's
      // tasks asks for all its duties); only one that points back ("trong các nhiệm vụ đó") stays on the last tasks.
      return followUnit(previous, unitId, aspects.length > 0 && query.refersBack);
    },
  },
  {
    name: 'unit-role-list',
    why: '"Sở Nội vụ chủ trì gì?": a unit alone with a lead or coordinating cue lists the tasks it has in that role.',
    match: (context) =>
      unitAlone(context) && (context.aspects.includes('lead') || context.aspects.includes('coordinating')) ? { kind: 'task-list', filter: context.filter } : null,
  },
  {
    name: 'unit-duty',
    why: '"Sở Nội vụ làm gì trong nhiệm vụ 4?": a duty cue with a unit asks what that unit does.',
    match: ({ aspects, unitId }) => (aspects.includes('unit-duty') && unitId ? { kind: 'task', aspects: ['unit-duty'], unitId } : null),
  },
  {
    name: 'unit-subject-question',
    why: '"Sở Khoa học và Công nghệ hướng dẫn gì?": a unit opening a question asks what it does (not a unit that only qualifies a noun).',
    match({ query, unitId, aspects, hasTaskRef }) {
      const subject = query.units[0] !== undefined && query.units[0].start <= 1;
      if (!unitId || !subject || aspects.length > 0 || hasTaskRef || !QUESTION_WORD.test(query.key)) return null;
      return { kind: 'task', aspects: ['unit-duty'], unitId };
    },
  },
  {
    name: 'unit-in-task',
    why: '"Trong nhiệm vụ 9, Sở Nội vụ chú trọng kiểm tra điều gì?": a unit named in full within a named task asks its part in it.',
    match(context) {
      const namedUnit = context.query.units.some((mention) => mention.end - mention.start >= 2);
      if (!context.hasTaskRef || !context.unitId || !namedUnit || !onlyContent(context)) return null;
      return { kind: 'task', aspects: ['unit-duty'], unitId: context.unitId };
    },
  },
  {
    name: 'task-by-subject',
    why: '"Nhiệm vụ về chuyển đổi số": a task named by its subject is answered by a task item, else by passages (weak).',
    match(context) {
      const { query, hasTaskRef } = context;
      if (hasTaskRef || query.topic.length === 0 || !onlyContent(context) || !hasPhrase(query, 'nhiem vu') || query.cues.has(CUES.validity)) return null;
      return { kind: 'task', aspects: ['content'], unitId: null, weak: true };
    },
  },
  {
    name: 'content-on-topic',
    why: '"Văn bản nói gì về cập nhật cơ sở dữ liệu?": a content cue with a topic asks for the passage, not a task summary.',
    match: ({ aspects, hasTaskRef, query }) => (isContentOnly(aspects) && !hasTaskRef && query.topic.length > 0 ? { kind: 'content' } : null),
  },
  {
    name: 'document-overview',
    why: '"Văn bản này nói về gì?": a content cue with no topic, no task and no tasks in the last answer asks for an overview.',
    match: ({ aspects, hasTaskRef, query, previous }) =>
      isContentOnly(aspects) && !hasTaskRef && query.topic.length === 0 && !previous?.hasTasks ? { kind: 'document-fact', facts: ['overview'] } : null,
  },
  {
    name: 'task-aspect',
    why: '"Ai chủ trì nhiệm vụ 4?", "Hạn chót …?": a task cue asks those facts of the task named or found by topic.',
    match: ({ aspects, unitId }) => (aspects.length > 0 ? { kind: 'task', aspects, unitId } : null),
  },
  {
    name: 'who-on-topic',
    why: '"Ai tổng hợp, báo cáo …?": a who-question on a topic most often asks the lead (weak: passages answer if no task fits).',
    match: ({ hasTaskRef, query, unitId }) =>
      !hasTaskRef && query.topic.length > 0 && WHO_QUESTION.test(query.key) ? { kind: 'task', aspects: ['lead'], unitId, weak: true } : null,
  },
  {
    name: 'task-reference',
    why: '"Còn nhiệm vụ 5?": a task named with no cue asks what the last question asked, else its content.',
    match({ hasTaskRef, previous, unitId }) {
      if (!hasTaskRef) return null;
      const again = previous?.intent.kind === 'task' ? previous.intent.aspects : ['content' as const];
      return { kind: 'task', aspects: again, unitId: again.includes('unit-duty') ? (unitId ?? previous?.unitId ?? null) : unitId };
    },
  },
];

function isContentOnly(aspects: IntentContext['aspects']): boolean {
  return aspects.length === 1 && aspects[0] === 'content';
}

/**
 * A unit with no task named: "Thế còn Sở Tài chính?" repeats the previous question's shape
 * with the new unit; "Sở Tài chính làm gì trong nhiệm vụ này?" (`inPreviousTask`) asks about
 * the previous turn's task; otherwise the unit's duties across the document.
 */
function followUnit(previous: PreviousTurn | null, unitId: string, inPreviousTask: boolean): Intent {
  if (previous?.intent.kind === 'task-list' && previous.intent.filter.unitId) {
    return { kind: 'task-list', filter: { ...previous.intent.filter, unitId } };
  }
  if (previous?.intent.kind === 'task' && previous.intent.aspects.includes('unit-duty')) {
    return { kind: 'task', aspects: ['unit-duty'], unitId };
  }
  if (inPreviousTask && previous?.hasTasks) return { kind: 'task', aspects: ['unit-duty'], unitId };
  return { kind: 'unit-duties', unitId };
}

/** Whether a document's issuer line names the unit ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH" names "Ủy ban nhân dân tỉnh"). */
function issuerNames(issuer: string | null, unitName: string): boolean {
  if (!issuer || !unitName) return false;
  return ` ${foldedTokens(issuer).join(' ')} `.includes(` ${foldedTokens(unitName).join(' ')} `);
}
