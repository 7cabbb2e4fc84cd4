/**
 * Suggested questions built from what is loaded: a plan's tasks (who leads a task, what a unit
 * leads, what is due in a month) and each regulation's own number (what it rules, when it takes
 * effect). Pure, so it is unit-tested; nothing here names a document.
 */
const MAX_SUGGESTIONS = 4;

function lowerFirst(text) {
  return text ? text.charAt(0).toLocaleLowerCase('vi') + text.slice(1) : text;
}

/** "Nghị định 335/2025/NĐ-CP", or the type name alone when the document has no number (both from the API). */
function spokenName(doc) {
  return doc.number ? `${doc.typeName} ${doc.number}` : doc.typeName;
}

/** The first clause of a task title, for a question. */
function shortTitle(title) {
  return title.split(/[;:.,]/)[0].trim();
}

const words = (text) => text.split(/\s+/).filter(Boolean).length;

/**
 * The led task whose title makes the clearest question: a first clause of 5 to 10 words (long
 * enough to name the task, short enough to read), the longest such; else the first led task.
 */
function clearestTask(tasks) {
  const led = tasks.filter((task) => task.lead.length > 0);
  const fitting = led.filter((task) => words(shortTitle(task.title)) >= 5 && words(shortTitle(task.title)) <= 10);
  return [...fitting].sort((a, b) => words(shortTitle(b.title)) - words(shortTitle(a.title)))[0] ?? led[0];
}

/** `among` > 1: the question names its document, since a task's words may match a clause of another. */
function taskQuestions(doc, tasks, among) {
  const questions = [];
  const led = clearestTask(tasks);
  const who = among > 1 ? `Theo ${spokenName(doc)}, ai chủ trì` : 'Ai chủ trì';
  if (led) questions.push(`${who} ${lowerFirst(shortTitle(led.title).split(/\s+/).slice(0, 12).join(' '))}?`);
  const unit = tasks.flatMap((task) => task.lead).find((item) => item.name !== led?.lead[0]?.name) ?? led?.lead[0];
  if (unit) questions.push(`${unit.name} chủ trì những nhiệm vụ nào?`);
  const due = tasks.find((task) => task.timeline?.kind === 'deadline' && task.timeline.due);
  if (due) {
    const [year, month] = due.timeline.due.split('-');
    questions.push(`Những nhiệm vụ nào phải hoàn thành trong tháng ${Number(month)}/${year}?`);
  }
  return questions;
}

function documentQuestions(doc) {
  if (!doc.number) return [];
  const questions = [`${spokenName(doc)} quy định những gì?`];
  if (doc.effectiveDate || doc.effectiveSource) questions.push(`${spokenName(doc)} có hiệu lực từ ngày nào?`);
  return questions;
}

/**
 * Up to four questions, taking turns across documents so each loaded document is represented.
 * @param {object[]} documents summaries from /api/documents
 * @param {object[]} tasks rows from /api/tasks
 * @param {string | null} scope a document id, or null for all
 */
export function buildSuggestions(documents, tasks, scope = null) {
  const chosen = scope ? documents.filter((doc) => doc.id === scope) : documents;
  const perDocument = chosen.map((doc, index) => {
    const own = tasks.filter((task) => task.documentId === doc.id);
    // Rotated so that neighbouring documents do not all open with the same kind of question.
    const about = documentQuestions(doc);
    const shift = about.length > 0 ? index % about.length : 0;
    return [...taskQuestions(doc, own, chosen.length), ...about.slice(shift), ...about.slice(0, shift)];
  });
  const out = [];
  for (let round = 0; out.length < MAX_SUGGESTIONS && perDocument.some((list) => list.length > round); round += 1) {
    for (const list of perDocument) if (list[round] && out.length < MAX_SUGGESTIONS) out.push(list[round]);
  }
  return out;
}
