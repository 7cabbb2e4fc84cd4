/**
 * The chat page: sends the question (of all documents or of the one picked), streams the answer
 * in (server-sent events over fetch), brings the whole answer into view above the composer,
 * keeps the conversation for follow-ups in sessionStorage, and returns to the answer a citation
 * was opened from when the user comes back.
 */
import { apiFetch } from './api.js';
import { renderAnswer, renderAnswerError } from './answer-view.js';
import { currentScope, scopeName, setUpPicker, showSuggestions } from './chat-scope.js';
import { el } from './dom.js';
import { loadLibrary } from './library.js';
import { readEventStream } from './sse.js';

const CONVERSATION_KEY = 'plan-assistant.conversationId';
const HISTORY_KEY = 'plan-assistant.history';
const RETURN_KEY = 'plan-assistant.returnTo';
const MAX_KEPT_TURNS = 30;

const log = document.getElementById('log');
const form = document.getElementById('composer');
const input = document.getElementById('question');
const sendButton = document.getElementById('send');
const intro = document.getElementById('intro');
const picker = document.getElementById('scope');
const suggestionList = document.getElementById('suggestions');
let byId = new Map();

function readHistory() {
  try {
    return JSON.parse(sessionStorage.getItem(HISTORY_KEY) ?? '[]');
  } catch {
    return [];
  }
}

function remember(question, scope, response) {
  const history = [...readHistory(), { question, scope, response }].slice(-MAX_KEPT_TURNS);
  sessionStorage.setItem(HISTORY_KEY, JSON.stringify(history));
  sessionStorage.setItem(CONVERSATION_KEY, response.conversationId);
}

function appendTurn(question, scope) {
  // aria-busy keeps screen readers from reading every streamed fragment; the whole answer is read once done.
  const answer = el('div', { className: 'answer', 'aria-busy': 'true', dataset: { state: 'pending' } }, [
    el('p', { className: 'answer__pending', text: 'Đang tìm trong văn bản…' }),
  ]);
  const where = scopeName(byId, scope);
  const turn = el('article', { className: 'turn', id: `turn-${log.children.length + 1}` }, [
    el('p', { className: 'turn__question' }, [el('span', { className: 'visually-hidden', text: 'Câu hỏi: ' }), question]),
    where ? el('p', { className: 'turn__scope', text: `Hỏi trong ${where}` }) : null,
    answer,
  ]);
  log.append(turn);
  intro.hidden = true;
  return { turn, answer };
}

/**
 * Scrolls so the whole turn stands between the header and the sticky composer; a turn taller
 * than that space shows from its top (the question), the reader scrolls on.
 */
function reveal(turn) {
  const box = turn.getBoundingClientRect();
  const bottomEdge = form.getBoundingClientRect().top - 8;
  const space = bottomEdge - 8;
  if (box.height > space) window.scrollBy(0, box.top - 8);
  else if (box.bottom > bottomEdge) window.scrollBy(0, box.bottom - bottomEdge);
  else if (box.top < 0) window.scrollBy(0, box.top - 8);
}

/** Streams one answer into `answer`; resolves with the final response. */
async function streamAnswer(question, scope, answer) {
  const conversationId = sessionStorage.getItem(CONVERSATION_KEY) ?? undefined;
  const response = await apiFetch('/api/ask', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: JSON.stringify({ question, conversationId, documentId: scope ?? undefined }),
  });
  let text = null;
  let final = null;
  let failure = null;
  await readEventStream(response, (name, data) => {
    if (name === 'delta') {
      if (!text) {
        answer.replaceChildren();
        answer.dataset.state = 'streaming';
        text = el('p', { className: 'answer__text' });
        answer.append(text);
      }
      text.append(data.text);
    } else if (name === 'done') {
      final = data;
    } else if (name === 'error') {
      failure = data.error?.message ?? 'Không nhận được câu trả lời.';
    }
  });
  if (failure || !final) throw new Error(failure ?? 'Câu trả lời bị ngắt giữa chừng. Vui lòng hỏi lại.');
  return final;
}

async function ask(question) {
  const scope = currentScope();
  const { turn, answer } = appendTurn(question, scope);
  sendButton.disabled = true;
  reveal(turn);
  try {
    const response = await streamAnswer(question, scope, answer);
    renderAnswer(answer, response);
    remember(question, scope, response);
  } catch (error) {
    renderAnswerError(answer, error instanceof Error ? error.message : String(error));
  } finally {
    sendButton.disabled = false;
    reveal(turn);
  }
}

function restore() {
  const turns = readHistory();
  for (const { question, scope, response } of turns) renderAnswer(appendTurn(question, scope ?? null).answer, response);
  intro.hidden = turns.length > 0;
  // Back from a citation: the answer it was opened from, not the top of the page.
  const back = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  const turn = back ? document.getElementById(back) : null;
  if (turn) {
    window.history.scrollRestoration = 'manual';
    turn.scrollIntoView({ block: 'start' });
  }
}

function autoGrow() {
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight, 200)}px`;
}

function submitQuestion(question) {
  input.value = question;
  form.requestSubmit();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const question = input.value.trim();
  if (!question || sendButton.disabled) return;
  input.value = '';
  autoGrow();
  ask(question);
});

input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    form.requestSubmit();
  }
});
input.addEventListener('input', autoGrow);

log.addEventListener('click', (event) => {
  const link = typeof event.target?.closest === 'function' ? event.target.closest('a.citation, a.marker') : null;
  const turn = link?.closest('.turn');
  if (turn) sessionStorage.setItem(RETURN_KEY, turn.id);
});

document.getElementById('new-conversation').addEventListener('click', () => {
  sessionStorage.removeItem(CONVERSATION_KEY);
  sessionStorage.removeItem(HISTORY_KEY);
  log.replaceChildren();
  intro.hidden = false;
  input.focus();
});

async function main() {
  try {
    const library = await loadLibrary();
    byId = library.byId;
    setUpPicker(picker, library.documents, (scope) => showSuggestions(suggestionList, library.documents, scope, submitQuestion));
    await showSuggestions(suggestionList, library.documents, currentScope(), submitQuestion);
  } catch {
    // Without the list the chat still works over all documents; chips then show labels alone.
    picker.closest('.scope-bar').hidden = true;
  }
  restore();
}

main();
