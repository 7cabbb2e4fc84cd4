/**
 * Questions that ask two things at once: "Vòng 1 thi trong bao lâu và phải trả lời đúng bao
 * nhiêu thì được vào vòng 2?", "Luật … có hiệu lực khi nào, phần đánh giá thì áp dụng từ lúc
 * nào?". One pass reads one need (a length, a count, a date) and quotes one place; the parts are
 * asked one after the other, the later ones as follow-ups of the first (its documents and scope),
 * and their answers are joined, citations renumbered. Also here: the reading of a follow-up
 * that goes on from the last question ("Còn nếu … thì sao?").
 */
import { matchKey, wordTokens } from '../../../common/text-key.js';
import type { Reply, TurnMemory } from './respond.js';
import type { AnswerEnvironment } from '../environment.js';
import type { ParsedQuery } from '../query/understand.js';
import { namedLoadedIds } from '../query/document-mentions.js';
import { documentById } from '../registry-lookup.js';
import { documentLabel } from './format.js';
import { QUESTION_WORDS, type QuestionWords } from '../query/question-words.js';

/** Where a question may be cut into parts: ", và", "và", ",", ";". */
const SEPARATOR = /\s*(?:[,;]\s*(?:và\s+|còn\s+)?|\s+và\s+)/gu;
/** Words left before a way of asking in the first part ("trong bao lâu", "từ khi nào"), dropped from its subject. */
const DANGLING = QUESTION_WORDS.leftBeforeAsk;

/**
 * The parts of a question that asks several things, in order; null when it asks one. The
 * question is cut at a separator when what comes before it asks something and the words up to
 * the next separator do too: "Ai ký Luật Cán bộ, công chức 2025 và … kỳ họp nào" is not cut at
 * the comma inside the law's name, since "công chức 2025" asks nothing. The ways of asking are
 * `parts.asks` of the question words.
 */
export function questionParts(question: string, questionWords: QuestionWords = QUESTION_WORDS): string[] | null {
  const text = question.trim().replace(/[?？]+$/u, '');
  const cuts = [...text.matchAll(SEPARATOR)].map((match) => ({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length }));
  const parts: string[] = [];
  let start = 0;
  cuts.forEach((cut, index) => {
    const next = text.slice(cut.end, cuts[index + 1]?.start ?? text.length);
    const before = text.slice(start, cut.start);
    if (questionWords.partAsks.test(matchKey(before)) && questionWords.partAsks.test(matchKey(next))) {
      parts.push(before.trim());
      start = cut.end;
    }
  });
  if (parts.length === 0) return null;
  parts.push(text.slice(start).trim());
  return parts.map((part) => `${part}?`);
}

/** The first part's subject, without its way of asking: "Vòng 1 … trắc nghiệm trong bao lâu" → "Vòng 1 … trắc nghiệm". */
export function subjectOf(part: string): string {
  const key = matchKey(part);
  const at = QUESTION_WORDS.partAsks.exec(key)?.index ?? key.length;
  return part.slice(0, at).replace(/[?,;\s]+$/u, '').replace(DANGLING, '').trim();
}

/**
 * Replies to each part, the later ones asked after the first: with the first part's subject
 * ("Vòng 1 thi tuyển …, thi bao lâu"), else within the one document it names (`named` gives its
 * label, "Luật số 80/2025/QH15"). A later part is answered by passages, not by a list of tasks;
 * when the places the earlier parts quoted already answer it, it adds nothing. The replies that
 * add their own places are joined, with how many there are.
 */
export async function respondInParts(
  parts: readonly string[],
  previous: TurnMemory | null,
  ask: (question: string, previous: TurnMemory | null) => Promise<Reply>,
  named: (reply: Reply) => string | null,
): Promise<{ reply: Reply; answered: number } | null> {
  const first = await ask(parts[0], previous);
  const answered = answers(first) ? [first] : [];
  const subject = subjectOf(parts[0]);
  const label = named(first);
  const after = first.abstained ? previous : first.memory;
  for (const part of parts.slice(1)) {
    const asked = [subject ? `${subject}, ${part}` : null, label ? `Theo ${label}, ${part.charAt(0).toLowerCase()}${part.slice(1)}` : part];
    for (const question of asked) {
      if (!question) continue;
      const reply = await ask(question, after);
      // With the subject, the passages on it were found but hold nothing of the kind asked: another wording would find other matters.
      if (reply.abstainReason === 'no-span') break;
      if (!answers(reply)) continue;
      // A part the passages already quoted answer ("… bị xử lý thế nào và bị cấm trong bao lâu?") adds nothing.
      if (quotesAnew(reply, answered)) answered.push(reply);
      break;
    }
  }
  return answered.length === 0 ? null : { reply: joinReplies(answered), answered: answered.length };
}

/** Whether a part's reply answers from passages, not with a list of tasks. */
function answers(reply: Reply): boolean {
  return !reply.abstained && reply.citations.length > 0 && reply.memory.taskKeys.length === 0;
}

/** Whether a reply quotes a place the replies before it did not. */
function quotesAnew(reply: Reply, before: readonly Reply[]): boolean {
  const quoted = new Set(before.flatMap((earlier) => earlier.citations.map((citation) => `${citation.documentId}#${citation.section}`)));
  return reply.citations.some((citation) => !quoted.has(`${citation.documentId}#${citation.section}`));
}

/** One reply of several: answers in order, citation markers of each renumbered after the ones before. */
function joinReplies(replies: readonly Reply[]): Reply {
  const citations: Reply['citations'] = [];
  const answers: string[] = [];
  for (const reply of replies) {
    const offset = citations.length;
    answers.push(reply.answer.replace(/\[(\d+)\]/g, (_, n: string) => `[${Number(n) + offset}]`));
    citations.push(...reply.citations);
  }
  const last = replies[replies.length - 1];
  return { ...replies[0], answer: answers.join('\n\n'), citations, memory: last.memory };
}

/** "Còn …", "Thế …", "Vậy …", "Nếu …", "What about …" (`followUps.continues`): a question that goes on from the last one. */
export function continuesTopic(question: string): boolean {
  return QUESTION_WORDS.continues.test(matchKey(question).trim());
}

/** The label of the one loaded document a question names ("Luật số 80/2025/QH15"), when it has a number to be named by again. */
export function namedDocumentLabel(environment: AnswerEnvironment, query: ParsedQuery): string | null {
  const ids = namedLoadedIds(query.documents);
  const document = ids.length === 1 ? documentById(environment.registry.documents, ids[0]) : undefined;
  return document?.header.number ? documentLabel(document) : null;
}

/** Whether a reply's quotes write a topic word of the follow-up that the last question's topic did not have. */
export function quotesWhatIsNew(reply: Reply, topic: readonly string[], previousTopic: string): boolean {
  const before = new Set(previousTopic.split(' '));
  const added = topic.filter((word) => !before.has(word));
  if (added.length === 0) return true;
  const quoted = new Set(reply.citations.flatMap((citation) => wordTokens(matchKey(citation.quote))));
  return added.some((word) => quoted.has(word));
}
