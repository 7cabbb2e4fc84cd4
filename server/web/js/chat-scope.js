/**
 * The chat's document picker ("Hỏi trong": all documents or one) and its suggested questions,
 * both built from the loaded documents. The choice is kept for the tab in sessionStorage.
 */
import { getJson } from './api.js';
import { el } from './dom.js';
import { buildSuggestions } from './suggestions.js';

const SCOPE_KEY = 'plan-assistant.documentId';

/** The chosen document id, or null for all documents. */
export function currentScope() {
  try {
    return sessionStorage.getItem(SCOPE_KEY) || null;
  } catch {
    return null;
  }
}

function optionText(doc) {
  const name = doc.shortName;
  // The title repeats the type word; the short name already says it.
  return doc.title && doc.title !== name ? `${name} — ${doc.title}` : name;
}

/** Fills the picker with the loaded documents and keeps the choice; `onChange(scope)` after each change. */
export function setUpPicker(picker, documents, onChange) {
  picker.replaceChildren(
    el('option', { value: '', text: `Tất cả văn bản (${documents.length})` }),
    ...documents.map((doc) => el('option', { value: doc.id, text: optionText(doc) })),
  );
  // "Hỏi về văn bản này" on a document's page links here with ?documentId=…
  const asked = new URLSearchParams(location.search).get('documentId');
  if (asked && documents.some((doc) => doc.id === asked)) sessionStorage.setItem(SCOPE_KEY, asked);
  const kept = currentScope();
  picker.value = kept && documents.some((doc) => doc.id === kept) ? kept : '';
  picker.addEventListener('change', () => {
    if (picker.value) sessionStorage.setItem(SCOPE_KEY, picker.value);
    else sessionStorage.removeItem(SCOPE_KEY);
    onChange(picker.value || null);
  });
}

let taskRows = null;

/** Fills the suggestion list for `scope`; each button asks its question through `ask`. */
export async function showSuggestions(list, documents, scope, ask) {
  try {
    taskRows ??= (await getJson('/api/tasks')).tasks ?? [];
  } catch {
    taskRows = [];
  }
  const questions = buildSuggestions(documents, taskRows, scope);
  list.replaceChildren(
    ...questions.map((question) =>
      el('li', {}, [el('button', { type: 'button', className: 'suggestion', text: question, onClick: () => ask(question) })]),
    ),
  );
}

/** The short name of the chosen document, for the caption of a question; null for all. */
export function scopeName(byId, scope) {
  const doc = scope ? byId.get(scope) : null;
  return doc ? doc.shortName : null;
}
