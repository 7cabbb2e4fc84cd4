/**
 * Intent detection: from the cues, slots and topic of a parsed question (and the previous
 * turn, for follow-ups) to what the question asks. Pure and synchronous; the order of the
 * checks is the priority of the intents.
 */
import type { TimelineKind, TaskRole } from '../../../ingest/types.js';
import { hasPhrase, type ParsedQuery } from '../query/understand.js';
import type { DocumentFact, Intent, TaskAspect, TaskListFilter } from './types.js';

/** Canonical cue phrases of `query-synonyms.json`, folded. */
export const CUES = {
  lead: 'chu tri',
  coordinating: 'phoi hop',
  deadline: 'thoi han',
  content: 'noi dung',
  duty: 'lam gi',
  list: 'liet ke',
  whichTasks: 'nhung nhiem vu nao',
  recurring: 'thuong xuyen',
  signer: 'nguoi ky',
  issuer: 'co quan ban hanh',
  date: 'ngay ban hanh',
  number: 'so hieu',
  recipients: 'noi nhan',
  bases: 'can cu',
  cited: 'dan chieu',
  title: 'ten goi',
  province: 'tinh nao',
  structure: 'bo cuc',
  validity: 'hieu luc',
} as const;

/** Words that ask about a cited document's identity (not its content): date, issuer, subject, where cited. */
const REFERENCE_META_WORDS = new Set(
  ('ban hanh ngay thang nam van de viec trich yeu chu de linh vuc co quan nguoi ky so hieu nap toan van he thong ' +
    'o dau phan dan chieu can cu nhac trich cap noi dung gia tri hieu luc tai lieu loai ten goi tinh trang hien ' +
    'chi thi nghi quyet thong bao quyet dinh what who when where which date issued issuer subject about title loaded text cited status document')
    .split(' '),
);

/**
 * "nói về gì", "nói gì", "về vấn đề gì", "trích yếu", "what is it about": the subject, which the plan's
 * citation states ("… về nâng cao chất lượng …"), not the content beyond it.
 */
const SUBJECT_QUESTION = /\b(?:noi ve (?:gi|cai gi|van de gi|viec gi)|noi gi|ve (?:van de|viec|linh vuc) gi|trich yeu|chu de|about|subject)\b/;

/** "ở đâu", "phần nào", "mục nào": where a document is cited, not what it says. */
const LOCATION_QUESTION = /\b(?:o dau|cho nao|phan nao|muc nao|nhung phan|nhung muc|where)\b/;

/** "ai …", "đơn vị nào …", "who …": asks for a unit, most often the one that leads. */
const WHO_QUESTION = /(?:^|\s)(?:ai|don vi nao|co quan nao|who|which (?:unit|department|agency|body))(?:\s|$)/;

/** "ở đâu", "where": where a document is cited ("mục nào" is left out: folded, it is also "mức nào"). */
const CITED_WHERE = /\b(?:o dau|cho nao|where)\b/;

/** Most words of matter beside a document's name in a question about the document itself. */
const MAX_FACT_TOPIC_WORDS = 4;

/** "thay thế", "bãi bỏ", "hết hiệu lực … nào", "replaces", "repeals": asks what a document ends. */
const REPLACES_QUESTION = /\b(?:thay the|bai bo|het hieu luc)\b.*\b(?:nao|gi)\b|\b(?:replace|replaces|repeal|repeals|supersede|supersedes)\b/;

/** What the previous turn of a conversation asked, for follow-ups. */
export interface PreviousTurn {
  intent: Intent;
  unitId: string | null;
  /** Whether the previous answer was about some task(s) a follow-up can refer to. */
  hasTasks: boolean;
}

/** Detects the intent of a parsed question; `previous` lets "Thế còn Sở Tài chính?" reuse the last question's shape. */
export function detectIntent(query: ParsedQuery, previous: PreviousTurn | null): Intent {
  const has = (cue: string): boolean => query.cues.has(cue);
  const hasTaskRef = query.taskRefs.numbers.length > 0 || query.taskRefs.addresses.length > 0;
  const aspects = taskAspects(query);
  // "Những nhiệm vụ đó có hạn khi nào?" asks about the tasks just listed, not for a new list.
  const listCue = (has(CUES.list) || has(CUES.whichTasks)) && !(query.refersBack && previous?.hasTasks);
  const unitId = subjectUnit(query);

  const reference = referenceIntent(query, hasTaskRef, aspects.length > 0 || listCue);
  if (reference) return reference;

  const facts = documentFacts(query);
  // "Thời hạn giữ chức vụ lãnh đạo cho mỗi lần bổ nhiệm …" speaks of an office, not of the signer: a fact's cue
  // among many words of matter is not a question about the document.
  const aboutDocument = query.topicBesideTitles.length <= MAX_FACT_TOPIC_WORDS;
  if (facts.length > 0 && aboutDocument && !hasTaskRef && !aspects.some((aspect) => aspect !== 'content' && aspect !== 'deadline')) {
    return { kind: 'document-fact', facts };
  }

  const filter = listFilter(query, unitId);
  const hasFilter =
    filter.unitId !== null ||
    filter.dueAfter !== null ||
    filter.dueBefore !== null ||
    filter.dueMonths !== undefined ||
    filter.kind !== null ||
    filter.undated === true ||
    filter.withoutCoordinating === true;
  // "Lớp học tháng 7 tổ chức ở đâu?": a month that dates an event asked about by place is not a deadline filter.
  const datedList = (filter.dueAfter || filter.dueBefore || filter.dueMonths) && !(asksPlace(query) && !has(CUES.deadline));
  if (!hasTaskRef && (listCue || datedList)) {
    if (hasFilter || query.topic.length === 0) return { kind: 'task-list', filter };
    return { kind: 'task', aspects: aspects.length > 0 ? aspects : ['content'], unitId: null };
  }

  if (unitId && !hasTaskRef && query.topic.length === 0) {
    // "nhiệm vụ thường xuyên của UBND xã": a timeline kind narrows the unit's tasks.
    if (filter.kind !== null && filter.kind !== 'deadline') return { kind: 'task-list', filter };
    if (aspects.length === 0 || aspects.every((aspect) => aspect === 'unit-duty' || aspect === 'content')) {
      // A question that names its own unit is a new question ("Sở Tài chính làm gì?" after a list of June's
      // tasks asks for all its duties); only one that points back ("trong các nhiệm vụ đó") stays on the last tasks.
      return followUnit(previous, unitId, aspects.length > 0 && query.refersBack);
    }
    if (aspects.includes('lead') || aspects.includes('coordinating')) return { kind: 'task-list', filter };
  }
  if (aspects.includes('unit-duty') && unitId) return { kind: 'task', aspects: ['unit-duty'], unitId };
  // "Sở Khoa học và Công nghệ hướng dẫn gì?": what a unit, as the subject, does about a topic
  // (not "Tiêu chuẩn chức danh chủ tịch UBND xã là gì?", where the unit only qualifies a noun).
  const subject = query.units[0] !== undefined && query.units[0].start <= 1;
  if (unitId && subject && aspects.length === 0 && !hasTaskRef && /\b(?:gi|ai|nao|dau|what|who|whom|where)\b/.test(query.key)) {
    return { kind: 'task', aspects: ['unit-duty'], unitId };
  }
  // "Trong nhiệm vụ 9, Sở Nội vụ chú trọng kiểm tra điều gì?": what a unit named in full does in that task.
  const namedUnit = query.units.some((mention) => mention.end - mention.start >= 2);
  if (hasTaskRef && unitId && namedUnit && aspects.every((aspect) => aspect === 'content')) return { kind: 'task', aspects: ['unit-duty'], unitId };
  // "Nhiệm vụ về chuyển đổi số": the question names a task by its subject, so a task item answers
  // it; when none fits, the passages do (weak).
  if (!hasTaskRef && query.topic.length > 0 && aspects.every((aspect) => aspect === 'content') && hasPhrase(query, 'nhiem vu') && !has(CUES.validity)) {
    return { kind: 'task', aspects: ['content'], unitId: null, weak: true };
  }
  // "Kế hoạch nói gì về cập nhật cơ sở dữ liệu?" asks for the passage, not for a task's summary.
  if (aspects.length === 1 && aspects[0] === 'content' && !hasTaskRef) {
    if (query.topic.length > 0) return { kind: 'content' };
    if (!previous?.hasTasks) return { kind: 'document-fact', facts: ['overview'] };
  }
  if (aspects.length > 0) return { kind: 'task', aspects, unitId };
  if (!hasTaskRef && query.topic.length > 0 && WHO_QUESTION.test(query.key)) return { kind: 'task', aspects: ['lead'], unitId, weak: true };
  if (hasTaskRef) {
    const again = previous?.intent.kind === 'task' ? previous.intent.aspects : ['content' as const];
    return { kind: 'task', aspects: again, unitId: again.includes('unit-duty') ? (unitId ?? previous?.unitId ?? null) : unitId };
  }
  if (has(CUES.content) && query.topic.length === 0) return { kind: 'document-fact', facts: ['overview'] };
  return { kind: 'content' };
}

/**
 * "ngày nào" asks for the issue date only when the question speaks of issuing or signing, or
 * of the document itself; otherwise ("phải xong ngày nào?") it asks for a deadline.
 */
function asksIssueDate(query: ParsedQuery): boolean {
  if (!query.cues.has(CUES.date)) return false;
  const issuing = /\b(?:ban hanh|ky|issued|signed|dated)\b/.test(query.key);
  return issuing || (query.topic.length === 0 && !query.cues.has(CUES.deadline));
}

/** "ở đâu", "tại đâu", "where": asks for a place. */
function asksPlace(query: ParsedQuery): boolean {
  return /\b(?:o dau|tai dau|cho nao|noi nao|where)\b/.test(query.key);
}

/**
 * "căn cứ" asks for the plan's legal bases only when nothing else is asked: "Căn cứ (vào đâu)
 * để đánh giá cán bộ?" asks what the assessment rests on, a content question about its topic.
 */
function asksBases(query: ParsedQuery): boolean {
  if (!query.cues.has(CUES.bases)) return false;
  return !/\bcan cu(?:\s+(?:vao|theo))?(?:\s+(?:dau|gi|nao))?\s+(?:de|ma)\s+\S/.test(query.text);
}

/** The task facts a question asks for, in a stable order. */
function taskAspects(query: ParsedQuery): TaskAspect[] {
  const aspects: TaskAspect[] = [];
  if (query.cues.has(CUES.lead)) aspects.push('lead');
  if (query.cues.has(CUES.coordinating)) aspects.push('coordinating');
  if (query.cues.has(CUES.deadline) || (query.cues.has(CUES.date) && !asksIssueDate(query))) aspects.push('deadline');
  if (query.cues.has(CUES.duty)) aspects.push('unit-duty');
  if (query.cues.has(CUES.content) && aspects.length === 0) aspects.push('content');
  return aspects;
}

/**
 * A question about a cited or expected document. A number ("17-NQ/TU", "Chỉ thị 18") makes it
 * one whatever else is asked; an alias alone ("khung năng lực") only when no task cue claims
 * the question ("Ai chủ trì rà soát khung năng lực?" is about task II.4).
 */
function referenceIntent(query: ParsedQuery, hasTaskRef: boolean, taskShaped: boolean): Intent | null {
  if (hasTaskRef) return null;
  // A loaded document named in the question is the scope of the answer, not a citation to describe,
  // unless the question asks where it is cited.
  const cited = CITED_WHERE.test(query.key) || query.cues.has(CUES.cited);
  const loaded = query.documents.filter((mention) => mention.document.loadedAs !== null);
  // "Luật Cán bộ, công chức" names the loaded law, not an unnumbered citation of the same words.
  const overlapsLoaded = (mention: (typeof loaded)[number]): boolean =>
    loaded.some((other) => other.start >= 0 && mention.start >= 0 && other.start < mention.end && mention.start < other.end);
  const mentions = query.documents.filter((mention) => (mention.document.loadedAs === null && !overlapsLoaded(mention)) || cited);
  const numbered = mentions.filter((mention) => (mention.document.reference?.number ?? mention.document.expected?.number) != null);
  const chosen = numbered.length > 0 ? numbered : taskShaped ? [] : mentions;
  if (chosen.length > 0) {
    const documents = chosen.map((mention) => mention.document);
    const unloaded = documents.some((document) => document.loadedAs === null);
    return { kind: 'reference', documents, content: unloaded && asksForContent(query), issuerUnitId: null };
  }
  const citedCue = query.cues.has(CUES.cited) || query.cues.has(CUES.bases);
  const unitId = query.units[0]?.unit.id ?? null;
  if (citedCue && unitId && !taskShaped) return { kind: 'reference', documents: [], content: false, issuerUnitId: unitId };
  return null;
}

/**
 * Whether the question asks what a document's text says, beyond its identity: words remain
 * after removing the document's name, identity words and the plan's name.
 */
function asksForContent(query: ParsedQuery): boolean {
  if (LOCATION_QUESTION.test(query.key)) return false;
  if (hasPhrase(query, 'ke hoach') && (query.cues.has(CUES.content) || query.cues.has(CUES.cited))) return false;
  // "Nghị quyết 17 có những giải pháp gì?": a kind of content is content, even without a topic.
  const beyondIdentity = query.frames.length > 0 || query.topicBesideDocuments.some((word) => !REFERENCE_META_WORDS.has(word));
  // Its subject is part of the citation; "quy định gì về luân chuyển" still asks beyond it.
  if (SUBJECT_QUESTION.test(query.key)) return beyondIdentity;
  if (query.cues.has(CUES.content) && query.topicBesideDocuments.length === 0) return true;
  return beyondIdentity;
}

function documentFacts(query: ParsedQuery): DocumentFact[] {
  const facts: DocumentFact[] = [];
  const push = (cue: string, fact: DocumentFact): void => {
    if (query.cues.has(cue)) facts.push(fact);
  };
  push(CUES.signer, 'signer');
  push(CUES.issuer, 'issuer');
  if (asksIssueDate(query)) facts.push('date');
  push(CUES.number, 'number');
  push(CUES.recipients, 'recipients');
  if (asksBases(query)) facts.push('bases');
  push(CUES.cited, 'references');
  push(CUES.title, 'title');
  push(CUES.province, 'province');
  push(CUES.structure, 'structure');
  // "thay thế luật nào", "làm hết hiệu lực … nghị định nào": what the document replaces or repeals.
  if (REPLACES_QUESTION.test(query.key)) return ['replaces'];
  // "có hiệu lực từ ngày nào": the validity is a fact of the document, where a clause states it.
  if (query.cues.has(CUES.validity)) return ['effective'];
  if (hasPhrase(query, 'loai van ban') || hasPhrase(query, 'hinh thuc van ban') || /\b(?:document type|type of document)\b/.test(query.key)) {
    facts.push('type');
  }
  return facts;
}

function listFilter(query: ParsedQuery, unitId: string | null): TaskListFilter {
  const role: TaskRole | 'any' =
    query.cues.has(CUES.lead) && !query.cues.has(CUES.coordinating) ? 'lead' : query.cues.has(CUES.coordinating) && !query.cues.has(CUES.lead) ? 'coordinating' : 'any';
  const { months, dueBefore, dueAfter, year } = query.dates;
  let after = dueAfter;
  let before = dueBefore;
  // "trong tháng 6" without a year: the month in any year.
  const dueMonths = months.filter((month) => month.year === null && year === null).map((month) => month.month);
  const dated = months.filter((month) => month.year !== null || year !== null);
  if (dated.length > 0) {
    const ordered = [...dated].sort((a, b) => (a.year ?? year ?? 0) - (b.year ?? year ?? 0) || a.month - b.month);
    const first = ordered[0];
    const last = ordered[ordered.length - 1];
    after = after ?? `${first.year ?? year}-${String(first.month).padStart(2, '0')}-01`;
    before = before ?? lastDay((last.year ?? year) as number, last.month);
  } else if (year && (query.cues.has(CUES.list) || query.cues.has(CUES.whichTasks))) {
    after = after ?? `${year}-01-01`;
    before = before ?? `${year}-12-31`;
  }
  // "chưa có thời hạn cụ thể", "không có hạn": the tasks without a date.
  const undated = /\b(?:chua|khong|ko)\s+(?:co\s+)?(?:thoi han|han|ngay)\b/.test(query.text) || /\b(?:without|no) (?:deadline|due date)\b/.test(query.key);
  if (undated) return { unitId, role, dueAfter: null, dueBefore: null, kind: null, undated: true };
  // "Nhiệm vụ nào không có đơn vị phối hợp?"
  if (/\b(?:chua|khong|ko)\s+(?:co\s+)?(?:don vi\s+)?phoi hop\b/.test(query.text)) {
    return { unitId, role: 'any', dueAfter: after, dueBefore: before, kind: null, withoutCoordinating: true };
  }
  const filter: TaskListFilter = { unitId, role, dueAfter: after, dueBefore: before, kind: timelineKind(query, after !== null || before !== null || dueMonths.length > 0) };
  return dueMonths.length > 0 ? { ...filter, dueMonths } : filter;
}

function lastDay(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
}

function timelineKind(query: ParsedQuery, dated: boolean): TimelineKind | null {
  if (query.cues.has(CUES.recurring)) return 'recurring';
  if (hasPhrase(query, 'sau khi') || /\b(?:conditional|after approval)\b/.test(query.key)) return 'conditional';
  if (hasPhrase(query, 'cap co tham quyen') || hasPhrase(query, 'theo quy dinh')) return 'per-authority';
  if (dated) return 'deadline';
  if (hasPhrase(query, 'co thoi han') || hasPhrase(query, 'han cu the') || hasPhrase(query, 'thoi han cu the')) return 'deadline';
  return null;
}

/**
 * A unit with no task named: "Thế còn Sở Tài chính?" repeats the previous question's shape
 * with the new unit; "Sở Tài chính làm gì trong nhiệm vụ này?" (`inPreviousTask`) asks about
 * the previous turn's task; otherwise the unit's duties across the plan.
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

/**
 * The unit the question is about: the first one named outside a "sau khi …" condition
 * ("Nhiệm vụ nào thực hiện sau khi UBND tỉnh phê duyệt …" is not about the province's tasks).
 */
function subjectUnit(query: ParsedQuery): string | null {
  const condition = query.expanded.findIndex((token, index) => token === 'sau' && query.expanded[index + 1] === 'khi');
  const mention = query.units.find((item) => condition < 0 || item.start < condition);
  return mention?.unit.id ?? null;
}
