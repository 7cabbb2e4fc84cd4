/**
 * The unit page ("Việc của đơn vị"): type a unit in any spelling (the API resolves it and the
 * page says which unit it took), filter by document, role, timeline kind and due dates, and see
 * what every loaded document asks of it, grouped by document; CSV and ICS of exactly what is shown.
 */
import { getJson, wireKeyedDownloads } from './api.js';
import { PHONE_QUERY, restoreFilters, wireFilterForm } from './filter-form.js';
import { localIsoDate } from './dates.js';
import { el, showStatus } from './dom.js';
import { groupByDocument, groupCard } from './units-view.js';

const FILTER_NAMES = ['unit', 'documentId', 'role', 'kind', 'dueAfter', 'dueBefore'];

const form = document.getElementById('filters');
const panel = document.getElementById('filters-panel');
const unitMatch = document.getElementById('unit-match');
const results = document.getElementById('results');
const count = document.getElementById('count');
const errorBox = document.getElementById('error');
const exportLinks = [
  { link: document.getElementById('export-csv'), path: '/api/obligations.csv', file: 'viec-cua-don-vi.csv' },
  { link: document.getElementById('export-ics'), path: '/api/obligations.ics', file: 'viec-cua-don-vi.ics' },
];

const DATE_FIELDS = ['dueAfter', 'dueBefore'];

/** "30/6/2026" (or "30/06/2026", "30-6-2026") → "2026-06-30"; what cannot be read is passed on for the API to reject in Vietnamese. */
export function isoFromVietnamese(text) {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  return match ? `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}` : text.trim();
}

/** The filters in the form, as a query string (empty values left out, dates as ISO). */
function currentQuery() {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, DATE_FIELDS.includes(name) ? isoFromVietnamese(value) : value);
  }
  return params.toString();
}

const withQuery = (path, query) => (query ? `${path}?${query}` : path);

/** "Sở Nội vụ · KH 141 · Chủ trì · hạn đến 30/6/2026", for the folded panel. */
function describeFilters(unitName) {
  const parts = [];
  const typed = form.elements.unit.value.trim();
  if (typed) parts.push(unitName ?? typed);
  for (const name of ['documentId', 'role', 'kind']) {
    const select = form.elements[name];
    if (select.value) parts.push(select.selectedOptions[0]?.textContent ?? select.value);
  }
  if (form.elements.dueAfter.value.trim()) parts.push(`hạn từ ${form.elements.dueAfter.value.trim()}`);
  if (form.elements.dueBefore.value.trim()) parts.push(`hạn đến ${form.elements.dueBefore.value.trim()}`);
  return parts.length > 0 ? parts.join(' · ') : 'Chưa chọn đơn vị';
}

function showMatch(typed, unit) {
  if (!typed) unitMatch.textContent = '';
  else unitMatch.textContent = unit && unit.name !== typed ? `Đã hiểu là: ${unit.name}` : '';
  document.getElementById('filters-current').textContent = describeFilters(unit?.name ?? null);
}

function showEmpty(text) {
  results.replaceChildren(el('p', { className: 'units-empty card', text }));
}

async function loadObligations() {
  const query = currentQuery();
  const typed = form.elements.unit.value.trim();
  history.replaceState(null, '', withQuery(location.pathname, query));
  for (const { link, path } of exportLinks) link.href = withQuery(path, query);
  if (!typed) {
    showMatch('', null);
    count.textContent = '';
    showStatus(errorBox, '');
    showEmpty('Nhập tên đơn vị (có dấu, không dấu hoặc viết tắt) để xem mọi việc các văn bản giao cho đơn vị đó.');
    return;
  }
  results.setAttribute('aria-busy', 'true');
  try {
    const { unit, obligations, window: dates } = await getJson(withQuery('/api/obligations', query));
    showDates(dates);
    const groups = groupByDocument(obligations);
    const today = localIsoDate(new Date());
    results.replaceChildren(...groups.map((group) => groupCard(group, today)));
    if (obligations.length === 0) showEmpty('Không có việc nào khớp bộ lọc.');
    count.textContent = `${obligations.length} việc trong ${groups.length} văn bản`;
    showMatch(typed, unit);
    showStatus(errorBox, '');
  } catch (error) {
    results.replaceChildren();
    count.textContent = '';
    showMatch(typed, null);
    showStatus(errorBox, error.message, 'error');
  } finally {
    results.removeAttribute('aria-busy');
  }
}

async function loadOptions() {
  const [units, documents] = await Promise.allSettled([getJson('/api/units'), getJson('/api/documents')]);
  // Suggestions are a convenience: the filters still work with typed names.
  if (units.status === 'fulfilled') {
    document.getElementById('unit-options').replaceChildren(...units.value.units.map((unit) => el('option', { value: unit.name })));
  }
  if (documents.status === 'fulfilled') {
    const select = form.elements.documentId;
    const wanted = new URLSearchParams(location.search).get('documentId') ?? '';
    select.append(...documents.value.documents.map((doc) => el('option', { value: doc.id, text: doc.shortName, title: doc.title })));
    select.value = wanted;
  }
}

/** The date fields as the API wrote the dates it read ("30/6/2026"): one date format, the server's. */
function showDates(dates) {
  if (dates?.dueAfterText) form.elements.dueAfter.value = dates.dueAfterText;
  if (dates?.dueBeforeText) form.elements.dueBefore.value = dates.dueBeforeText;
}

wireFilterForm(form, panel, loadObligations, ['documentId', 'role', 'kind', ...DATE_FIELDS]);

wireKeyedDownloads(exportLinks, (error) => showStatus(errorBox, error.message, 'error'));

// The dates stay as the address gives them until the API words them (showDates).
restoreFilters(form, FILTER_NAMES);
if (PHONE_QUERY.matches && form.elements.unit.value.trim()) panel.open = false;
loadOptions().then(() => loadObligations());
