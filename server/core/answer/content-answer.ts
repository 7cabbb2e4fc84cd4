/**
 * Stage "compose" for general questions: the sentences the read stage ranked best, quoted with
 * the address they stand at. Also the wording of an abstention, which names what the corpus
 * does cover.
 */
import type { Chunk, CorpusDocument, Registry } from '../../../ingest/types.js';
import type { Lexicon } from '../query/lexicon.js';
import type { ParsedQuery } from '../query/understand.js';
import { enclosingHeadings, passageTerms, topicCoverage } from '../retrieval/support.js';
import { documentLabel, placeLabel, shortTitle } from './format.js';
import { splitSentences, type Sentence } from '../read/sentences.js';
import { answerNeed, namesActor } from '../read/spans.js';
import { asksForList, type ScoredSentence } from '../read/rank.js';
import type { ComposeContext } from './task-answers.js';
import { documentById, sectionAt } from '../registry-lookup.js';
import { articleOf, introducingLine, pointLeadIn } from './lead-ins.js';

/**
 * The best sentence, and a second one when it adds topic words the first lacks (a question
 * spanning two clauses of one item).
 */
export function composeContentAnswer(context: ComposeContext, query: ParsedQuery, ranked: readonly ScoredSentence[], lexicon: Lexicon): string {
  const [top, ...rest] = ranked;
  if (!top) return '';
  // "… gồm những gì?" answered by one item of a list: the list's lead-in and all its items answer it.
  const lead = asksForList(query) && !/:\s*$/.test(top.sentence.text) ? leadInBefore(top) : null;
  const best = lead ?? withClauseBefore(top);
  // "Người đứng đầu … thuộc xã." alone is a line of a list; its lead-in ("b) Xếp ngạch chuyên viên chính … đối với:") says what of it.
  const intro = lead ? null : introducingLine(best);
  const chosen = intro ? [intro, best] : [best];
  const document = documentById(context.registry.documents, best.chunk.documentId);
  // A second sentence of the same passage, not of another point in it ("a) … cơ quan sử dụng …" is not "b) … cấp phó …").
  const bestPlace = document ? innermostAddress(document, best.chunk.address, best.sentence.start, best.sentence.end) : null;
  const samePlace = (item: ScoredSentence): boolean => !document || innermostAddress(document, item.chunk.address, item.sentence.start, item.sentence.end) === bestPlace;
  const second = lead ? undefined : rest.find((item) => item.chunk.id === best.chunk.id && item.coverage >= best.coverage * 0.6 && samePlace(item));
  if (second) {
    const both = passageTerms(`${enclosingHeadings(best.chunk)}\n${best.sentence.text} ${second.sentence.text}`);
    if (topicCoverage(query.topic, query.topicPairs, both, lexicon) > best.coverage + 0.05) chosen.push(second);
  }
  chosen.sort((a, b) => a.sentence.start - b.sentence.start);
  const label = document ? documentLabel(document) : 'văn bản';
  const task = context.registry.tasks.find((item) => item.documentId === best.chunk.documentId && (best.chunk.address === item.address || best.chunk.address.startsWith(`${item.address}.`)));
  const last = chosen[chosen.length - 1];
  const items = listItems(last);
  // The place is the innermost section holding every quoted word ("điểm a khoản 2 Điều 8", not the whole khoản the passage is).
  const end = items.length > 0 ? items[items.length - 1].end : Math.max(...chosen.map((item) => item.sentence.end));
  const address = document && !task ? innermostAddress(document, best.chunk.address, chosen[0].sentence.start, end) : best.chunk.address;
  const where = task ? `${placeLabel(best.chunk.address)} (nhiệm vụ “${shortTitle(task, 10)}”)` : `${placeLabel(address)}${headingNote(context, best.chunk, answerNeed(query.key) === 'who')}`;
  if (items.length > 0) {
    // "… gồm các mức sau:": the lead-in says nothing by itself; the items it introduces are the answer.
    const quote = last.chunk.text.slice(last.sentence.start - last.chunk.span.start, end - last.chunk.span.start);
    const marker = context.citations.cite(last.chunk.documentId, address, quote);
    // An item that is a point of its own ("d) Báo cáo Hội đồng nhân dân …") is cited at that point.
    const listed = items.map((item) => {
      const own = document ? innermostAddress(document, address, item.start, item.end) : address;
      return own === address ? `- ${item.text}` : `- ${item.text} ${context.citations.cite(last.chunk.documentId, own, item.text)}`;
    });
    return [`Theo ${label}, ${where}: “${last.sentence.text}” ${marker}`, ...listed].join('\n');
  }
  // "d) Công chức đang tham gia học tập dài hạn …;" alone does not say what is done with it; its khoản's lead-in does ("Các trường hợp không thực hiện điều động").
  const leadIn = document && !task && !intro ? pointLeadIn(document, address, chosen[0]) : null;
  const quotes = leadIn && document ? [`“${leadIn.text}” ${context.citations.cite(document.id, leadIn.address, leadIn.text)} …`] : [];
  for (const item of chosen) quotes.push(`“${item.sentence.text}” ${context.citations.cite(item.chunk.documentId, address, item.sentence.text)}`);
  return `Theo ${label}, ${where}: ${quotes.join(' ')}`;
}

/**
 * The innermost section under `address` (itself included) whose span holds [start, end): a
 * passage is a whole khoản when it fits, but the sentence quoted may stand in one of its điểm.
 */
export function innermostAddress(document: CorpusDocument, address: string, start: number, end: number): string {
  let found = address;
  let width = Number.POSITIVE_INFINITY;
  for (const section of document.sections) {
    if (section.address !== address && !section.address.startsWith(`${address}.`)) continue;
    if (section.span.start > start || section.span.end < end) continue;
    const size = section.span.end - section.span.start;
    if (size < width) {
      found = section.address;
      width = size;
    }
  }
  return found;
}

/**
 * A clause that begins in lower case after a ";" of its line ("…; trường hợp vụ việc có tình
 * tiết phức tạp … không quá 150 ngày.") is quoted with the clause before it ("Thời hạn xử lý
 * kỷ luật không quá 90 ngày;"): alone it reads as half a rule.
 */
function withClauseBefore(item: ScoredSentence): ScoredSentence {
  const { chunk, sentence } = item;
  if (!/^\p{Ll}/u.test(sentence.text)) return item;
  const local = sentence.start - chunk.span.start;
  const before = chunk.text.slice(0, local);
  if (!/;\s*$/.test(before)) return item;
  const lineStart = before.lastIndexOf('\n') + 1;
  const previous = splitSentences(chunk.text.slice(lineStart, local), chunk.span.start + lineStart).pop();
  if (!previous) return item;
  const text = chunk.text.slice(previous.start - chunk.span.start, sentence.end - chunk.span.start);
  return { ...item, sentence: { text, start: previous.start, end: sentence.end } };
}

/** The sentence ending in ":" that introduces the list `item` belongs to, in the same passage; null when none. */
function leadInBefore(item: ScoredSentence): ScoredSentence | null {
  const before = splitSentences(item.chunk.text, item.chunk.span.start).filter((sentence) => sentence.start < item.sentence.start);
  for (let index = before.length - 1; index >= 0; index -= 1) {
    if (/:\s*$/.test(before[index].text)) return { ...item, sentence: before[index] };
  }
  return null;
}

/** Most items of a list quoted after its lead-in. */
const LIST_ITEMS = 12;

/**
 * The items a sentence ending in ":" introduces: the lines after it in its passage, up to the
 * next heading-like line; none when the sentence introduces nothing.
 */
function listItems(lead: ScoredSentence): Sentence[] {
  if (!/:\s*$/.test(lead.sentence.text)) return [];
  const { chunk } = lead;
  const rest = chunk.text.slice(lead.sentence.end - chunk.span.start);
  const lines: Sentence[] = [];
  let offset = lead.sentence.end;
  for (const line of rest.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const text = line.trim();
    if (text === '') continue;
    if (/^(?:Điều|Chương|Mục)\s+\d/u.test(text) || lines.length >= LIST_ITEMS) break;
    const lead = start + line.indexOf(text);
    lines.push({ text, start: lead, end: lead + text.length });
  }
  return lines;
}

/** " (Sở Nội vụ)" for a section headed by a short title, so that the reader sees whose duty the quote is. */
function headingNote(context: ComposeContext, chunk: Chunk, actorWanted = false): string {
  const document = documentById(context.registry.documents, chunk.documentId);
  const section = document ? sectionAt(document, chunk.address) : undefined;
  const heading = section?.heading?.trim();
  if (!heading) return '';
  // "Ai phải …?" answered under a heading that names whom the section addresses ("1. Thủ trưởng các sở, …"): the heading says who.
  if (actorWanted && namesActor(heading) && heading.split(/\s+/).length <= ACTOR_HEADING_WORDS) return ` (${heading})`;
  // "Cơ quan nào hướng dẫn …?" answered by a khoản of "Điều 10. Thẩm quyền, trách nhiệm của Bộ Nội vụ": the article says who.
  const article = actorWanted && document && section ? articleOf(document, section) : null;
  const title = article?.heading?.trim();
  if (article && title && namesActor(title) && title.split(/\s+/).length <= ACTOR_HEADING_WORDS) return ` (${article.label}. ${title})`;
  if (heading.split(/\s+/).length > 12 || chunk.kind !== 'item') return '';
  return ` (${heading})`;
}

/** Longest heading quoted as the actor a section addresses. */
const ACTOR_HEADING_WORDS = 24;

/** Most documents an abstention names one by one; beyond it they are counted by type. */
const LISTED_DOCUMENTS = 4;

/**
 * The abstention: the loaded documents do not say, and what they do cover — built from the
 * registry (each document by name, and whether it sets tasks or clauses of duties), never
 * from fixed examples.
 */
export function abstentionAnswer(registry: Registry): string {
  let answer = abstentions.get(registry);
  if (answer === undefined) abstentions.set(registry, (answer = composeAbstention(registry)));
  return answer;
}

/** The abstention of each registry, written once: it depends on the registry alone, and many questions abstain. */
const abstentions = new WeakMap<Registry, string>();

function composeAbstention(registry: Registry): string {
  const lead = 'Các văn bản đã nạp không đề cập đến nội dung này, nên trợ lý không trả lời để tránh đưa thông tin không có căn cứ.';
  if (registry.documents.length === 0) return `${lead} Chưa có văn bản nào được nạp.`;
  const counts = countsByDocument(registry);
  const covered = registry.documents.slice(0, LISTED_DOCUMENTS).map((document) => {
    const tasks = counts.tasks.get(document.id) ?? 0;
    const duties = counts.duties.get(document.id) ?? 0;
    const what = tasks > 0 ? `${tasks} nhiệm vụ với đơn vị chủ trì, phối hợp và thời hạn` : duties > 0 ? `${duties} quy định về trách nhiệm của các cơ quan, đơn vị` : `${document.sections.length} mục`;
    return `${documentLabel(document)} “${shortText(document.header.title ?? document.title)}” (${what})`;
  });
  const more = registry.documents.length - covered.length;
  const rest = more > 0 ? ` và ${more} văn bản khác (xem danh sách văn bản)` : '';
  return `${lead} Trợ lý trả lời dựa trên: ${covered.join('; ')}${rest}.`;
}

/**
 * Tasks and obligations per document, counted once per registry: an abstention names what each
 * document covers, and filtering every task per abstention cost ~200 ms at 100k chunks.
 */
const countsCache = new WeakMap<Registry, { tasks: Map<string, number>; duties: Map<string, number> }>();

function countsByDocument(registry: Registry): { tasks: Map<string, number>; duties: Map<string, number> } {
  let counts = countsCache.get(registry);
  if (!counts) {
    counts = { tasks: new Map(), duties: new Map() };
    for (const task of registry.tasks) counts.tasks.set(task.documentId, (counts.tasks.get(task.documentId) ?? 0) + 1);
    for (const obligation of registry.obligations) counts.duties.set(obligation.documentId, (counts.duties.get(obligation.documentId) ?? 0) + 1);
    countsCache.set(registry, counts);
  }
  return counts;
}

function shortText(text: string, words = 14): string {
  const parts = text.replace(/\s+/g, ' ').trim().split(' ');
  return parts.length <= words ? parts.join(' ') : `${parts.slice(0, words).join(' ')} …`;
}
