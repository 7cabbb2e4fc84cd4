/**
 * The chat page: sends the question, streams the answer in (server-sent events over fetch),
 * keeps the conversation for follow-ups in sessionStorage, and offers suggestions on a first visit.
 */
import { apiFetch } from './api.js';
import { renderAnswer, renderAnswerError } from './answer-view.js';
import { el } from './dom.js';
import { readEventStream } from './sse.js';

const CONVERSATION_KEY = 'plan-assistant.conversationId';
const HISTORY_KEY = 'plan-assistant.history';
const MAX_KEPT_TURNS = 30;

const log = document.getElementById('log');
const form = document.getElementById('composer');
const input = document.getElementById('question');
const sendButton = document.getElementById('send');
const intro = document.getElementById('intro');

function readHistory() {
  try {
    return JSON.parse(sessionStorage.getItem(HISTORY_KEY) ?? '[]');
  } catch {
    return [];
  }
}

function remember(question, response) {
  const history = [...readHistory(), { question, response }].slice(-MAX_KEPT_TURNS);
  sessionStorage.setItem(HISTORY_KEY, JSON.stringify(history));
  sessionStorage.setItem(CONVERSATION_KEY, response.conversationId);
}

function appendTurn(question) {
  // aria-busy keeps screen readers from reading every streamed fragment; the whole answer is read once done.
  const answer = el('div', { className: 'answer', 'aria-busy': 'true', dataset: { state: 'pending' } }, [
    el('p', { className: 'answer__pending', text: 'Đang tìm trong văn bản…' }),
  ]);
  const turn = el('article', { className: 'turn' }, [
    el('p', { className: 'turn__question' }, [el('span', { className: 'visually-hidden', text: 'Câu hỏi: ' }), question]),
    answer,
  ]);
  log.append(turn);
  intro.hidden = true;
  return { turn, answer };
}

/** Streams one answer into `answer`; resolves with the final response. */
async function streamAnswer(question, answer) {
  const conversationId = sessionStorage.getItem(CONVERSATION_KEY) ?? undefined;
  const response = await apiFetch('/api/ask', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: JSON.stringify({ question, conversationId }),
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
  const { turn, answer } = appendTurn(question);
  sendButton.disabled = true;
  turn.scrollIntoView({ block: 'nearest' });
  try {
    const response = await streamAnswer(question, answer);
    renderAnswer(answer, response);
    remember(question, response);
  } catch (error) {
    renderAnswerError(answer, error instanceof Error ? error.message : String(error));
  } finally {
    sendButton.disabled = false;
    turn.scrollIntoView({ block: 'nearest' });
  }
}

function restore() {
  const history = readHistory();
  for (const { question, response } of history) renderAnswer(appendTurn(question).answer, response);
  intro.hidden = history.length > 0;
}

function autoGrow() {
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight, 200)}px`;
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

for (const button of document.querySelectorAll('.suggestion')) {
  button.addEventListener('click', () => {
    input.value = button.textContent.trim();
    form.requestSubmit();
  });
}

document.getElementById('new-conversation').addEventListener('click', () => {
  sessionStorage.removeItem(CONVERSATION_KEY);
  sessionStorage.removeItem(HISTORY_KEY);
  log.replaceChildren();
  intro.hidden = false;
  input.focus();
});

restore();
