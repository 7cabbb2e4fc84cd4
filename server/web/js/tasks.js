/**
 * The task page: filters (unit in any spelling — the API resolves it, the page says which unit
 * it took —, role, timeline kind), the table (cards on a phone, the filters folded away once
 * applied), days left or overdue against today, and CSV / ICS export of exactly what is filtered.
 * Labels, kinds and due dates are shown as the API words them (`label`, `kindText`, `dueText`).
 */
import { getJson, wireKeyedDownloads } from './api.js';
import { PHONE_QUERY, restoreFilters, wireFilterForm } from './filter-form.js';
import { describeDue, localIsoDate } from './dates.js';
import { documentLink, el, showStatus } from './dom.js';
import { capitalized } from './text.js';
import { describeFilters, matchUnit } from './unit-match.js';
const FILTER_NAMES = ['unit', 'role', 'kind'];

const form = document.getElementById('filters');
const panel = document.getElementById('filters-panel');
const unitMatch = document.getElementById('unit-match');
let knownUnits = [];
const rows = document.getElementById('task-rows');
const count = document.getElementById('count');
const errorBox = document.getElementById('error');
const exportLinks = [
  { link: document.getElementById('export-csv'), path: '/api/tasks.csv', file: 'nhiem-vu.csv' },
  { link: document.getElementById('export-ics'), path: '/api/tasks.ics', file: 'nhiem-vu.ics' },
];

/** The filters in the form, as a query string (empty values left out). */
function currentQuery() {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  return params.toString();
}

function withQuery(path, query) {
  return query ? `${path}?${query}` : path;
}

function unitList(units) {
  if (units.length === 0) return el('span', { className: 'muted', text: '—' });
  return el('ul', { className: 'unit-list' }, units.map((unit) => el('li', { text: unit.name })));
}

function timelineCell(timeline, today) {
  const cell = el('div', { className: 'timeline' }, [el('span', { text: timeline.text })]);
  if (timeline.kind === 'deadline' && timeline.due) {
    const due = describeDue(timeline.due, today);
    cell.append(
      el('span', { className: `due due--${due.state}` }, [
        el('span', { text: `Hạn ${timeline.dueText}` }),
        el('strong', { text: due.text }),
      ]),
    );
  } else {
    cell.append(el('span', { className: `kind kind--${timeline.kind}`, text: timeline.kindText }));
  }
  return cell;
}

function taskRow(task, today) {
  const label = capitalized(task.label);
  return el('tr', { dataset: { address: task.address } }, [
    el('td', { className: 'tasks__address', dataset: { label: 'Mục' } }, [
      el('a', { href: documentLink(task.documentId, task.address), text: label, 'aria-label': `${label} trong văn bản` }),
    ]),
    el('td', { className: 'tasks__title', dataset: { label: 'Nhiệm vụ' }, text: task.title }),
    el('td', { dataset: { label: 'Chủ trì' } }, [unitList(task.lead)]),
    el('td', { dataset: { label: 'Phối hợp' } }, [unitList(task.coordinating)]),
    el('td', { dataset: { label: 'Thời hạn' } }, [timelineCell(task.timeline, today)]),
  ]);
}

async function loadTasks() {
  const query = currentQuery();
  history.replaceState(null, '', withQuery(location.pathname, query));
  for (const { link, path } of exportLinks) link.href = withQuery(path, query);
  rows.setAttribute('aria-busy', 'true');
  try {
    const { tasks } = await getJson(withQuery('/api/tasks', query));
    const today = localIsoDate(new Date());
    rows.replaceChildren(...tasks.map((task) => taskRow(task, today)));
    if (tasks.length === 0) {
      rows.append(el('tr', {}, [el('td', { colspan: '5', className: 'muted', text: 'Không có nhiệm vụ nào khớp bộ lọc.' })]));
    }
    count.textContent = `${tasks.length} nhiệm vụ${query ? ' theo bộ lọc' : ''}`;
    showUnitMatch();
    showStatus(errorBox, '');
  } catch (error) {
    rows.replaceChildren();
    count.textContent = '';
    showStatus(errorBox, error.message, 'error');
  } finally {
    rows.removeAttribute('aria-busy');
  }
}

/** Says which unit a typed name was taken as ("so noi vu" → Sở Nội vụ), and sums up the filters. */
function showUnitMatch() {
  const typed = form.elements.unit.value.trim();
  const unit = typed ? matchUnit(typed, knownUnits) : null;
  if (!typed) unitMatch.textContent = '';
  else if (unit) unitMatch.textContent = unit.name === typed ? '' : `Đã hiểu là: ${unit.name}`;
  else unitMatch.textContent = knownUnits.length > 0 ? `Không nhận ra đơn vị “${typed}”.` : '';
  document.getElementById('filters-current').textContent = describeFilters(form, unit);
}

async function loadUnitOptions() {
  try {
    const { units } = await getJson('/api/units');
    knownUnits = units;
    showUnitMatch();
    document.getElementById('unit-options').replaceChildren(...units.map((unit) => el('option', { value: unit.name })));
  } catch {
    // Suggestions are a convenience; the filter still works with typed names.
  }
}

wireFilterForm(form, panel, loadTasks, ['role', 'kind']);

wireKeyedDownloads(exportLinks, (error) => showStatus(errorBox, error.message, 'error'));

restoreFilters(form, FILTER_NAMES);
if (PHONE_QUERY.matches && currentQuery()) panel.open = false;
loadUnitOptions();
loadTasks();
