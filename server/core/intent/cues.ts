/**
 * What a parsed question's cues ask for: the task facts (lead, deadline, …) and the document
 * facts (signer, date, …). Pure functions of the parsed question; the rule table reads them.
 */
import { hasPhrase, type ParsedQuery } from '../query/understand.js';
import type { DocumentFact, TaskAspect } from './types.js';

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

/** "thay thế", "thay cho", "bãi bỏ", "hết hiệu lực … nào", "replaces", "repeals": asks what a document ends. */
const REPLACES_QUESTION = /\b(?:thay the|(?<!ky )thay cho|bai bo|het hieu luc)\b.*\b(?:nao|gi)\b|\b(?:replace|replaces|repeal|repeals|supersede|supersedes)\b/;

/** "từ ngày nào", "khi nào", "from when": a time asked beside another fact. */
const ASKS_DATE = /\b(?:ngay nao|khi nao|luc nao|bao gio|thoi diem nao|from when|when)\b/;

/** Words of a duty's deadline: "chậm nhất", "hạn chót", "phải … ", "must", "no later than". */
const DUTY_DEADLINE = /\b(?:cham nhat|han chot|han cuoi|phai|must|no later than)\b/;

/**
 * "ngày nào" asks for the issue date only when the question speaks of issuing or signing, or
 * of the document itself; otherwise ("phải xong ngày nào?") it asks for a deadline.
 */
function asksIssueDate(query: ParsedQuery): boolean {
  if (!query.cues.has(CUES.date)) return false;
  // "UBND tỉnh phải ban hành tiêu chí … chậm nhất ngày nào?" asks the deadline of a duty to issue, not the document's date.
  if (DUTY_DEADLINE.test(query.key)) return false;
  const issuing = /\b(?:ban hanh|ky|issued|signed|dated)\b/.test(query.key);
  return issuing || (query.topic.length === 0 && !query.cues.has(CUES.deadline));
}

/** "ở đâu", "tại đâu", "where": asks for a place. */
export function asksPlace(query: ParsedQuery): boolean {
  return /\b(?:o dau|tai dau|cho nao|noi nao|where)\b/.test(query.key);
}

/**
 * "căn cứ" asks for the plan's legal bases only when nothing else is asked: "Căn cứ (vào đâu)
 * để đánh giá cán bộ?" asks what the assessment rests on, a content question about its topic.
 */
function asksBases(query: ParsedQuery): boolean {
  if (!query.cues.has(CUES.bases)) return false;
  // "… được dùng làm căn cứ cho những việc gì?": what something is a basis for, not the document's bases.
  if (/\bcan cu cho\b/.test(query.text)) return false;
  return !/\bcan cu(?:\s+(?:vao|theo))?(?:\s+(?:dau|gi|nao))?\s+(?:de|ma)\s+\S/.test(query.text);
}

/** "ai …", "đơn vị nào …", "who …": who does it, not "phối hợp với ai" (whom a unit works with). */
/** The words that ask who, folded: "ai", "đơn vị nào", "cơ quan nào", "who", "which unit". */
export const WHO_WORDS = 'ai|don vi nao|co quan nao|who|which (?:unit|department|agency|body)';
const WHO_DOES = new RegExp(`(?:^|[\\s,])(?<!voi )(?:${WHO_WORDS})(?:\\s|$)`);

function asksWhoDoes(query: ParsedQuery): boolean {
  return WHO_DOES.test(query.key) && !/\b(?:voi|cung) (?:ai|don vi nao|co quan nao)\b/.test(query.key);
}

/** The task facts a question asks for, in a stable order. */
export function taskAspects(query: ParsedQuery): TaskAspect[] {
  const aspects: TaskAspect[] = [];
  // "Ai tham mưu …, và trong thời gian nào?": the asker of "who" wants the lead beside the other fact.
  // "Ai phối hợp?" asks who coordinates: only a "who" beside a time, and no role named, asks for the lead.
  const whoAndWhen = asksWhoDoes(query) && query.cues.has(CUES.deadline) && !query.cues.has(CUES.coordinating);
  if (query.cues.has(CUES.lead) || whoAndWhen) aspects.push('lead');
  if (query.cues.has(CUES.coordinating)) aspects.push('coordinating');
  if (query.cues.has(CUES.deadline) || (query.cues.has(CUES.date) && !asksIssueDate(query))) aspects.push('deadline');
  if (query.cues.has(CUES.duty)) aspects.push('unit-duty');
  if (query.cues.has(CUES.content) && aspects.length === 0) aspects.push('content');
  return aspects;
}

/** The document facts a question asks for, in a stable order (what a document replaces, or its validity, alone). */
export function documentFacts(query: ParsedQuery): DocumentFact[] {
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
  // "… có hiệu lực từ ngày nào và bãi bỏ quy định của nghị định nào?" asks both.
  if (REPLACES_QUESTION.test(query.key)) return query.cues.has(CUES.validity) && ASKS_DATE.test(query.key) ? ['effective', 'replaces'] : ['replaces'];
  // "có hiệu lực từ ngày nào": the validity is a fact of the document, where a clause states it.
  if (query.cues.has(CUES.validity)) return ['effective'];
  if (hasPhrase(query, 'loai van ban') || hasPhrase(query, 'hinh thuc van ban') || /\b(?:document type|type of document)\b/.test(query.key)) {
    facts.push('type');
  }
  return facts;
}

/**
 * The unit the question is about: the first one named outside a "sau khi …" condition
 * ("Nhiệm vụ nào thực hiện sau khi UBND tỉnh phê duyệt …" is not about the province's tasks).
 */
export function subjectUnit(query: ParsedQuery): string | null {
  const condition = query.expanded.findIndex((token, index) => token === 'sau' && query.expanded[index + 1] === 'khi');
  const mention = query.units.find((item) => condition < 0 || item.start < condition);
  return mention?.unit.id ?? null;
}
