/**
 * From a question to an extractive answer: understand, detect the intent, resolve what it is
 * about (tasks, a unit, a document), compose with citations, or abstain. The model path and
 * streaming build on the `Reply` this returns.
 */
import { resolveUnit } from '../../../ingest/extract/index.js';
import type { CorpusDocument, Task } from '../../../ingest/types.js';
import type { AnswerEnvironment } from '../environment.js';
import { CUES, detectIntentWithRule, type PreviousTurn } from '../intent/detect.js';
import type { DocumentFact, Intent, TaskAspect, TaskListFilter } from '../intent/types.js';
import { understandQuery, type ParsedQuery } from '../query/understand.js';
import { hybridSearch } from '../retrieval/hybrid.js';
import { decideContent, articleMayAnswer } from '../decide/content.js';
import { CONTENT_PASSAGES, SPAN_PASSAGES, clauseCovers, clauseHits, clauseStates } from './clauses.js';
import { passageTerms, topicCoverage } from '../retrieval/support.js';
import { besideDocumentTitle, besideNamedTitle, taskTerms } from '../retrieval/task-finder.js';
import { selectTasks, taskKey } from '../catalog/task-filter.js';
import type { AskBackChoice, Citation } from '../types.js';
import { foreignReason, unsupportedReason, writesPairs } from '../decide/support.js';
import { unnamedUnit } from './unnamed-unit.js';
import { foldedWords } from '../read/shared-run.js';
import { CitationList } from './citations.js';
import { abstentionAnswer, composeContentAnswer } from './content-answer.js';
import { preferAnswering, rankSentences } from '../read/rank.js';
import { answerNeed, answerSpan, countedNoun } from '../read/spans.js';
import { activityForTopic } from '../read/activities.js';
import { definitionTerms, findDefinitions } from '../read/definitions.js';
import { composeDefinitions } from './definition-answer.js';
import { answerCitedInPassage, askedDocumentType } from './cited-in-passage.js';
import { askedPlace } from './place-answer.js';
import { continuesTopic, namedDocumentLabel, questionParts, quotesWhatIsNew, respondInParts } from './multi-part.js';
import { composeDocumentFacts, replacingClauses } from './document-answers.js';
import { documentLabel } from './format.js';
import { composeTaskList, composeUnitDuties } from './list-answers.js';
import { appendixNotLoadedAnswer, composeReferences, unloadedContentAnswer } from './reference-answers.js';
import { appendixNotLoaded } from '../decide/missing-appendix.js';
import { articleForTopic, composePartAnswer, partsForTopic } from './part-answers.js';
import { resolveTasks } from './resolve-tasks.js';
import { citedDocuments, documentsToRemember, withRememberedDocuments } from './document-followup.js';
import { numberKey, type KnownDocument } from '../query/document-mentions.js';
import { unknownTitledDocument } from '../query/titled-mentions.js';
import { composeTaskAnswer, type ComposeContext } from './task-answers.js';
import { dutiesForTopic, tasksForTopic, topicalDuties, unitDuties } from './unit-duties.js';
import { dutyForTopic } from './who-does.js';
import { resolveScope, type Scope, type ScopeMemory } from '../scope/scope.js';
import { scopedEnvironment } from '../scope/scoped-environment.js';

/** What the conversation remembers of a turn. */
export interface TurnMemory extends ScopeMemory {
  intent: Intent;
  /** `${documentId}#${address}` of the tasks the answer was about. */
  taskKeys: string[];
  unitId: string | null;
  /** Ids of the known documents the conversation last referred to, for "chỉ thị đó". */
  documentIds?: string[];
  /** Per task key, where the one activity the answer was about starts (see `read/activities.ts`). */
  activities?: Record<string, number>;
  /** The topic words of the question answered, for a follow-up that says only what changes. */
  topic?: string;
}

export interface Reply {
  answer: string;
  citations: Citation[];
  abstained: boolean;
  intent: Intent;
  /** What the next turn may refer back to. */
  memory: TurnMemory;
  /** The parsed question, for the model path. */
  query: ParsedQuery;
  /** The places an ask-back offers, when the reply asks which document was meant. */
  choices?: AskBackChoice[];
  /** Why the reply abstains (a code: "foreign-words", "no-span", …), for the response and the log. */
  abstainReason?: string;
  /** The intent rule that fired (`INTENT_RULES`), for the log. */
  intentRule?: string;
}

/**
 * Answers a question extractively; `previous` is the conversation's last turn, if any. A
 * question asking several things that one pass does not answer from a task ("… trong bao lâu
 * và phải trả lời đúng bao nhiêu …?") is answered part by part when two or more parts are.
 */
export async function respond(whole: AnswerEnvironment, question: string, previous: TurnMemory | null): Promise<Reply> {
  const first = await respondOnce(whole, question, previous);
  // "Còn nếu công chức tự viết đơn thì sao?": a follow-up that says only what changes is read with the last question's topic.
  const carried = first.abstained && previous?.topic && continuesTopic(question) ? await respondOnce(whole, `${question} ${previous.topic}`, previous) : null;
  // Read with the last topic, the answer must still quote what this question adds, not the last answer's matter again.
  const reply = carried && !carried.abstained && quotesWhatIsNew(carried, first.query.topic, previous?.topic ?? '') ? carried : first;
  if (reply.choices || reply.memory.taskKeys.length > 0) return reply;
  const parts = questionParts(question);
  if (!parts) return reply;
  const joined = await respondInParts(parts, previous, (part, before) => respondOnce(whole, part, before), (first) => namedDocumentLabel(whole, first.query));
  // Two parts answered, or one where the whole question found nothing: the parts' answers stand.
  return joined && joined.reply.answer !== reply.answer && (reply.abstained || joined.answered >= 2) ? joined.reply : reply;
}

/** One pass over a question: understand, scope, gather, read, decide, compose. */
async function respondOnce(whole: AnswerEnvironment, question: string, previous: TurnMemory | null): Promise<Reply> {
  const remembered = previous?.documentIds ?? [];
  const query = withRememberedDocuments(understandQuery(question, whole.query), remembered, whole.query.documents);
  const scope = resolveScope(whole, query, previous);
  const environment = scopedEnvironment(whole, scope);
  const previousTurn: PreviousTurn | null = previous ? { intent: previous.intent, unitId: previous.unitId, hasTasks: previous.taskKeys.length > 0 } : null;
  const { intent, rule: intentRule } = detectIntentWithRule(query, previousTurn);
  const citations = new CitationList(environment.registry);
  const context: ComposeContext = { registry: environment.registry, citations };
  let answeredDocuments: readonly KnownDocument[] = [];
  const done = (answer: string, tasks: readonly Task[], unitId: string | null, abstained = false, reason?: string): Reply => ({
    answer,
    citations: abstained ? [] : citations.toArray(),
    abstained,
    intent,
    memory: {
      intent,
      taskKeys: tasks.map(taskKey),
      topic: query.topic.join(' '),
      unitId,
      documentIds: documentsToRemember(answeredDocuments, remembered),
      ...activitiesOf(tasks, environment.registry.tasks),
      ...scopeMemory(scope),
    },
    query,
    intentRule,
    ...(abstained ? { abstainReason: reason ?? 'unsupported' } : {}),
  });
  const abstain = (answer = abstentionAnswer(environment.registry), reason?: string): Reply => done(answer, [], null, true, reason);

  // Off-corpus words sink a question about tasks, lists or passages. Not checked: documents
  // named by number and document facts (their own words frame the fact: "giữ chức vụ gì"),
  // and tasks named by number.
  // "Ai ký Nghị định 999/2025/NĐ-CP?": a number no known document has is not answered from another.
  const unknown = unknownNumber(question, whole.query.documents);
  if (unknown) return abstain(`${unknown} không có trong các văn bản đã nạp, cũng không được văn bản nào dẫn chiếu. ${abstentionAnswer(whole.registry)}`, 'unknown-number');
  const named = query.taskRefs.numbers.length > 0 || query.taskRefs.addresses.length > 0;
  const foreign = intent.kind !== 'reference' && intent.kind !== 'document-fact' && !named ? foreignReason(query, environment.query.lexicon) : null;
  if (foreign) return abstain(undefined, foreign);
  // "… có hiệu lực đến năm nào?": only a clause that states the validity answers; a passage found otherwise would be beside the point.
  if (query.cues.has(CUES.validity) && intent.kind !== 'reference' && !environment.registry.documents.some((document) => document.header.effectiveSource)) {
    return abstain(undefined, 'no-validity-clause');
  }

  // "Phụ lục V của Nghị định 361 liệt kê những gì?" when the loaded copy has no appendix: its content is not here.
  const withoutAppendix = intent.kind === 'reference' || intent.kind === 'document-fact' ? [] : appendixNotLoaded(query, environment.registry.documents);
  if (withoutAppendix.length > 0) return abstain(appendixNotLoadedAnswer(withoutAppendix), 'appendix-not-loaded');
  // "Sở Y tế có nhiệm vụ gì?": an organ no document in scope names has no tasks here to give.
  const unnamed = intent.kind !== 'reference' && intent.kind !== 'document-fact' ? unnamedUnit(environment, question) : null;
  if (unnamed) return abstain(`${unnamed} không được nêu trong các văn bản đang xét. ${abstentionAnswer(environment.registry)}`, 'unit-not-named');
  // "How many communes …?", "Có bao nhiêu xã …?": the unit is what is counted, not whose duties are asked.
  if (countsUnits(query)) return abstain(undefined, 'counts-units');
  // "Chủ tịch UBND tỉnh hiện nay là ai?" asks for a person holding an office, which no duty of the office answers.
  if (asksWhoHolds(query, intent)) return abstain(undefined, 'person-holding-office');

  // "Điều 19 Luật … quy định gì?": the place named answers, quoted whole.
  const place = intent.kind === 'document-fact' || intent.kind === 'content' ? askedPlace(environment, query) : null;
  if (place) return done(composePartAnswer(context, place.document, place.section), [], null);
  // "… căn cứ nghị định nào?" over a passage on a topic: the document that passage cites.
  const asked = intent.kind !== 'document-fact' && query.topic.length >= 2 ? askedDocumentType(query) : null;
  if (asked) {
    const cited = await answerCitedInPassage(environment, query, asked, context);
    if ('answer' in cited) return done(cited.answer, [], null);
    if (intent.kind !== 'reference') return abstain(undefined, cited.reason);
  }

  switch (intent.kind) {
    case 'reference': {
      const documents =
        intent.documents.length > 0
          ? intent.documents
          : environment.query.documents.filter((document) => issuedBy(environment, document.reference?.issuer ?? document.expected?.issuer ?? null, intent.issuerUnitId));
      if (documents.length === 0) return abstain(undefined, 'no-document');
      answeredDocuments = documents;
      if (intent.content) return abstain(unloadedContentAnswer(documents), 'unloaded-document');
      return done(composeReferences(context, documents), [], null);
    }
    case 'document-fact': {
      // "Luật Viên chức có hiệu lực từ ngày nào?": a document no known one is, not the loaded law of another subject.
      const unknownTitle = unknownTitledDocument(query, whole.query.documents);
      if (unknownTitle) return abstain(`${unknownTitle} không có trong các văn bản đã nạp. ${abstentionAnswer(whole.registry)}`, 'unknown-document');
      const documents = environment.registry.documents;
      if (documents.length === 0) return abstain(undefined, 'no-document');
      const stating = intent.facts.includes('effective') ? documents.filter((document) => document.header.effectiveSource) : documents;
      if (stating.length === 0) return abstain(undefined, 'no-validity-clause');
      if (stating.length > MAX_FACT_DOCUMENTS) return done(askWhichDocument(stating), [], null);
      answeredDocuments = stating.flatMap((document) => citedDocuments(environment, document.id, intent.facts));
      const answer = stating.map((document) => composeDocumentFacts(context, document, intent.facts)).join('\n\n');
      // "Ai ký Nghị định 170?" where the source has no signature block: the gap is said, and nothing is claimed.
      const given = stating.some((document) => intent.facts.some((fact) => factGiven(document, fact)));
      return given ? done(answer, [], null) : abstain(answer, 'fact-not-in-source');
    }
    case 'task-list': {
      // Documents that set no tasks (a decree) answer a list question from their clauses, or a unit's duties.
      if (environment.registry.tasks.length === 0) {
        const duties = intent.filter.unitId ? unitDuties(environment, intent.filter.unitId) : [];
        if (duties.length > 0) return done(composeUnitDuties(context, intent.filter.unitId as string, topicalDuties(environment, query, duties)), [], intent.filter.unitId);
        return answerContent(environment, query, context, done, abstain);
      }
      const tasks = narrowByTimelineTopic(environment, query, intent.filter, selectTasks(environment.registry.tasks, intent.filter));
      const unitId = intent.filter.unitId;
      if (tasks.length === 0 && unitId) {
        const broader = { ...intent.filter, role: 'any' as const };
        const others = selectTasks(environment.registry.tasks, broader);
        // "Bộ Nội vụ chủ trì đề xuất việc gì khi …?" where no plan gives the unit a task: its duties in the regulations answer.
        const duties = others.length === 0 && query.topic.length > 0 ? unitDuties(environment, unitId) : [];
        if (duties.length > 0) {
          const found = dutiesForTopic(environment, query, duties);
          if (!unsupportedReason(query, found.coverage, environment.query.lexicon)) return done(composeUnitDuties(context, unitId, found.duties), [], unitId);
        }
        if (intent.filter.role !== 'any') {
          // "Sở Tài chính chủ trì gì?" — none; say so, and list where it does take part.
          const answer = [composeTaskList(context, tasks, intent.filter), others.length > 0 ? composeTaskList(context, others, broader) : ''].filter(Boolean).join('\n\n');
          return done(answer, others, unitId);
        }
      }
      const topical = unitId && query.topic.length > 0 ? tasksForTopic(environment, query, unitId, tasks) : null;
      if (topical) return done(composeUnitDuties(context, unitId as string, topical.duties), topical.tasks, unitId);
      return done(composeTaskList(context, tasks, intent.filter), tasks, intent.filter.unitId);
    }
    case 'unit-duties': {
      const duties = unitDuties(environment, intent.unitId);
      // A unit the plan gives no duty ("UBND tỉnh phê duyệt gì?") may still be written about.
      if (duties.length === 0 && query.topic.length > 0) return answerContent(environment, query, context, done, abstain);
      const tasks = duties.flatMap((duty) => (duty.kind === 'assignment' ? [duty.task] : []));
      return done(composeUnitDuties(context, intent.unitId, duties), tasks, intent.unitId);
    }
    case 'task':
      return answerTask(environment, query, intent, previous, context, done, abstain);
    case 'content':
      return answerContent(environment, query, context, done, abstain);
  }
}

/** A document number as written in a question: "999/2025/NĐ-CP", "012/CT-UBND", "17-NQ/TU". */
const DOCUMENT_NUMBER = /\b\d{1,4}(?:\/\d{4})?[/-]\p{L}[\p{L}\p{N}]{0,9}(?:[/-]\p{L}[\p{L}\p{N}]{0,9})*/gu;

/** The first document number in the question that no known document (loaded, cited or expected) has, or null. */
function unknownNumber(question: string, known: readonly KnownDocument[]): string | null {
  // Most questions name no number: the known numbers are only gathered for one that does.
  let keys: Set<string | null> | null = null;
  for (const match of question.matchAll(DOCUMENT_NUMBER)) {
    if (!/\p{L}/u.test(match[0]) || !/[/-]\p{L}/u.test(match[0])) continue;
    keys ??= new Set(known.map((document) => numberKey(document.reference?.number ?? document.expected?.number ?? document.document?.header.number ?? null)));
    if (!keys.has(numberKey(match[0]))) return `Văn bản số ${match[0]}`;
  }
  return null;
}

/**
 * Whether the document says something of the fact: a line left blank ("Số: /KH-UBND", "ngày
 * tháng năm 2026") is quoted as an answer; a block the source lacks (no signature) is a gap.
 */
function factGiven(document: CorpusDocument, fact: DocumentFact): boolean {
  switch (fact) {
    case 'signer':
      return document.signer !== null;
    case 'date':
      return document.header.issuedDate !== null || document.header.dateText !== null;
    case 'number':
      return document.header.number !== null || document.header.numberText !== null;
    case 'recipients':
      return document.recipients.length > 0;
    case 'effective':
      return Boolean(document.header.effectiveSource);
    case 'replaces':
      return replacingClauses(document).length > 0;
    default:
      return true;
  }
}

/** "… là ai?", "tên là gì", "who is …": a person's name. */
const PERSON_NAME_QUESTION = /\b(?:la ai|ten (?:la )?gi|who is|who are)\b/;

/** Whether the question asks who holds an office the question names (a unit's duties cannot say). */
function asksWhoHolds(query: ParsedQuery, intent: Intent): boolean {
  const aboutUnit = intent.kind === 'unit-duties' || (intent.kind === 'task' && intent.aspects.length === 1 && intent.aspects[0] === 'unit-duty');
  return aboutUnit && PERSON_NAME_QUESTION.test(query.key);
}

/** Most documents whose facts one answer gives side by side; beyond it the answer asks which. */
const MAX_FACT_DOCUMENTS = 3;

/** "Bạn hỏi về văn bản nào?" with the documents in play, each by its name. */
function askWhichDocument(documents: readonly CorpusDocument[]): string {
  const lines = documents.map((document) => `- ${documentLabel(document)}: ${document.title}`);
  return [`Có ${documents.length} văn bản đã nạp; bạn hỏi về văn bản nào?`, ...lines].join('\n');
}

/** Where the activities of narrowed tasks start (a task narrowed to one activity is not the registry's own object). */
function activitiesOf(tasks: readonly Task[], registered: readonly Task[]): { activities?: Record<string, number> } {
  const narrowed = tasks.filter((task) => !registered.includes(task));
  return narrowed.length > 0 ? { activities: Object.fromEntries(narrowed.map((task) => [taskKey(task), task.sources.title.span.start])) } : {};
}

/** What the next turn keeps of this turn's scope: the documents, unless it was every one. */
function scopeMemory(scope: Scope): ScopeMemory {
  return { scopeIds: scope.documentIds, scopeSource: scope.source };
}

/** A list filter that keeps every task. */
const ALL_TASKS: TaskListFilter = { unitId: null, role: 'any', dueAfter: null, dueBefore: null, kind: null };

type Done = (answer: string, tasks: readonly Task[], unitId: string | null, abstained?: boolean) => Reply;
type Abstain = (answer?: string, reason?: string) => Reply;

async function answerTask(
  environment: AnswerEnvironment,
  query: ParsedQuery,
  intent: Extract<Intent, { kind: 'task' }>,
  previous: TurnMemory | null,
  context: ComposeContext,
  done: Done,
  abstain: Abstain,
): Promise<Reply> {
  const hasRef = query.taskRefs.numbers.length > 0 || query.taskRefs.addresses.length > 0;
  if (intent.unitId && intent.aspects.includes('unit-duty') && !hasRef && query.topic.length > 0) {
    const all = unitDuties(environment, intent.unitId);
    if (all.length === 0) return answerContent(environment, query, context, done, abstain);
    const { duties, coverage } = dutiesForTopic(environment, query, all);
    const unsupported = unsupportedReason(query, coverage, environment.query.lexicon);
    if (unsupported) return abstain(undefined, unsupported);
    const tasks = duties.flatMap((duty) => (duty.kind === 'assignment' ? [duty.task] : []));
    return done(composeUnitDuties(context, intent.unitId, duties), tasks, intent.unitId);
  }
  if (intent.unitId && !hasRef && query.topic.length > 0 && environment.registry.tasks.length === 0 && !intent.aspects.includes('deadline')) {
    // "Sở Nội vụ phối hợp với ai để …?" over documents without a task table: the unit's duty on the topic says it.
    const found = dutiesForTopic(environment, query, unitDuties(environment, intent.unitId));
    const narrowed = found.duties.length > 0 && !unsupportedReason(query, found.coverage, environment.query.lexicon);
    if (narrowed && found.coverage >= DUTY_ANSWER_COVERAGE) return done(composeUnitDuties(context, intent.unitId, found.duties), [], intent.unitId);
  }
  if (intent.weak && intent.aspects.includes('lead')) {
    // "Đơn vị nào đề xuất nhu cầu đào tạo?": the unit whose duty says so, in its role.
    const found = dutyForTopic(environment, query);
    // Over several documents, the duty must also write the question's rarer word pairs ("cấp sổ đỏ" is not "cấp" and "số").
    const match = found && (environment.registry.documents.length === 1 || writesPairs(query, found.terms, environment.query.lexicon)) ? found : null;
    // A clause outside the tasks that says it better ("Ai ra quyết định tuyển dụng?" in a decree) wins.
    if (match && (await clauseCovers(environment, query, match.coverage))) return answerContent(environment, query, context, done, abstain, true);
    if (match) {
      const { task, assignment } = match;
      const aspects: TaskAspect[] = assignment.role === 'lead' ? ['lead'] : ['unit-duty', 'lead'];
      return done(composeTaskAnswer(context, [task], aspects, assignment.unitId), [task], assignment.unitId);
    }
  }
  const resolved = await resolveTasks(environment, query, previous);
  if (resolved.kind === 'missing') return abstain(resolved.message, 'no-such-task');
  if (resolved.kind === 'ambiguous') return { ...done(resolved.message, [], null), choices: resolved.choices };
  // No task fits: a passage outside the tasks may still say it (a decree's clause: "trước ngày 15 tháng 12 hằng năm").
  if (resolved.kind === 'unsupported') return answerContent(environment, query, context, done, abstain, !intent.weak);
  if (resolved.kind === 'none') {
    // "Ai chủ trì?" with nothing to refer to: the whole table answers it.
    return done(composeTaskList(context, environment.registry.tasks, ALL_TASKS), environment.registry.tasks, null);
  }
  // "… trong thời hạn bao lâu?" found a task by its matter, but its timeline states no length: a clause that does answers.
  const lengthless = answerNeed(query.key) === 'how-long' && resolved.tasks.every((task) => answerSpan('how-long', task.timeline.text) === null);
  if (resolved.coverage !== undefined && ((lengthless && (await clauseStates(environment, query, 'how-long'))) || (await clauseAnswersBetter(environment, query, resolved.tasks[0], resolved.coverage)))) {
    return answerContent(environment, query, context, done, abstain, true);
  }
  const unitId = intent.unitId ?? (intent.aspects.includes('unit-duty') ? (previous?.unitId ?? null) : null);
  // A task found by its description answers from the one activity of its item that the question describes.
  if (resolved.coverage !== undefined) resolved.tasks = resolved.tasks.map((task) => activityForTopic(environment, query, task));
  if (resolved.tasks.length > 1 && intent.aspects.length === 1 && intent.aspects[0] === 'content') {
    // "Nhiệm vụ nào liên quan đến tuyển dụng?": the matching tasks as a list, not each in full.
    return done(composeTaskList(context, resolved.tasks, ALL_TASKS), resolved.tasks, null);
  }
  return done(composeTaskAnswer(context, resolved.tasks, intent.aspects, unitId), resolved.tasks, unitId);
}

/**
 * Whether a clause outside the tasks covers the question better than the task found. A clause
 * of the task's own document is weighed on the words beside that document's title, which all
 * its passages share ("… ra mắt AI pháp luật" in a plan on "… xây dựng chính sách, pháp luật").
 */
async function clauseAnswersBetter(environment: AnswerEnvironment, query: ParsedQuery, task: Task, coverage: number): Promise<boolean> {
  const beside = besideDocumentTitle(environment, query, task.documentId);
  if (beside === query) return clauseCovers(environment, query, coverage);
  const own = topicCoverage(beside.topic, beside.topicPairs, taskTerms(environment, task), environment.query.lexicon);
  return (
    (await clauseCovers(environment, query, coverage, (chunk) => chunk.documentId !== task.documentId)) ||
    (await clauseCovers(environment, beside, own, (chunk) => chunk.documentId === task.documentId))
  );
}

/** Answers from the passages that match the topic; `outside` keeps to passages outside the tasks (a clause answers instead of a task). */
async function answerContent(
  environment: AnswerEnvironment,
  query: ParsedQuery,
  context: ComposeContext,
  done: Done,
  abstain: Abstain,
  outside = false,
): Promise<Reply> {
  // "Luân chuyển là gì?": the clause defining the term answers whole ("biệt phái" is written with function words).
  const definitions = outside ? [] : findDefinitions(environment.registry.documents, definitionTerms(query, undefined, (word) => environment.query.lexicon.documentFrequency.has(word)));
  if (definitions.length > 0) return done(composeDefinitions(context, definitions), [], null);
  if (query.topic.length === 0) return abstain(undefined, 'no-topic');
  const need = answerNeed(query.key);
  const parts = outside ? [] : partsForTopic(environment, query);
  if (parts.length > 0) return done(parts.map(({ document, part }) => composePartAnswer(context, document, part)).join('\n\n'), [], null);
  // Over the one document the question names, the words of its title ("… thu nhập tăng thêm") are
  // in every passage: they tell no article, passage or sentence apart.
  const read = environment.registry.documents.length === 1 ? besideNamedTitle(environment, query) : query;
  // "… bằng những hình thức nào?": the article whose heading is the question lists the answer.
  // A title's words may still tell articles apart ("… đối với công chức" under a law on "cán bộ, công chức"); only when none answers are they left out.
  const article = !outside && articleMayAnswer(query, need) ? (articleForTopic(environment, query) ?? (read === query ? null : articleForTopic(environment, read))) : null;
  if (article) return done(composePartAnswer(context, article.document, article.part), [], null);
  // Gather: a question for a time, a length or a figure reads more passages (many cover the topic, few hold the span).
  const k = need === 'what' ? CONTENT_PASSAGES : SPAN_PASSAGES;
  // Outside the tasks: the passages the clause checks gathered, when they ran.
  const hits = outside ? await clauseHits(environment, query, k) : await hybridSearch(environment.index, query.terms.join(' '), { k });
  // Read: the sentences that cover the topic, the one holding the span asked for first.
  const counted = need === 'how-many' ? countedNoun(query.key) : null;
  const ranked = preferAnswering(need, rankSentences(read, hits, environment.query.lexicon), foldedWords(query.key), counted);
  // Decide.
  const decision = decideContent(environment, query, hits, ranked, need, counted);
  if (decision.kind === 'abstain') return abstain(decision.owners ? unloadedContentAnswer(decision.owners) : undefined, decision.reason);
  // Compose: the best sentence, and another document's when it answers as well (SPEC).
  const task = environment.taskByChunkId.get(ranked[0].chunk.id);
  const answers = [ranked, ...(decision.second ? [decision.second] : [])].map((list) => composeContentAnswer(context, query, list, environment.query.lexicon));
  return done(answers.join('\n\n'), task ? [task] : [], null);
}

/**
 * "Nhiệm vụ nào thực hiện sau khi UBND tỉnh phê duyệt vị trí việc làm?": among conditional
 * tasks, those whose condition covers the question's topic; all of them when none does.
 */
function narrowByTimelineTopic(environment: AnswerEnvironment, query: ParsedQuery, filter: TaskListFilter, tasks: Task[]): Task[] {
  if (filter.kind !== 'conditional' || query.topic.length === 0) return tasks;
  const { lexicon } = environment.query;
  const matching = tasks.filter((task) => topicCoverage(query.topic, query.topicPairs, passageTerms(task.timeline.text), lexicon) >= 0.6);
  return matching.length > 0 ? matching : tasks;
}

/** Least coverage of the topic by a unit's duty for it to answer a lead or coordination question outside a task table. */
const DUTY_ANSWER_COVERAGE = 0.6;


/** Whether a document's issuer names the unit ("Bộ Nội vụ" for the unit Bộ Nội vụ). */
function issuedBy(environment: AnswerEnvironment, issuer: string | null, unitId: string | null): boolean {
  return issuer !== null && unitId !== null && resolveUnit(issuer, environment.registry.units)?.id === unitId;
}

/** Words asking for a count, folded, one or two tokens: "bao nhiêu", "mấy", "how many". */
const COUNT_WORDS: readonly string[][] = [['bao', 'nhieu'], ['may'], ['how', 'many']];

/** Whether the question counts a unit it names ("how many communes"): the count word comes right before it. */
function countsUnits(query: ParsedQuery): boolean {
  return query.units.some((mention) =>
    COUNT_WORDS.some((words) => words.every((word, offset) => query.expanded[mention.start - words.length + offset] === word)),
  );
}
