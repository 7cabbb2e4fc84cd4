/**
 * The documents page: every loaded document (type, number, date, issuer, status) and every
 * expected document not yet loaded, with a search box that ignores diacritics.
 */
import { el, showStatus } from './dom.js';
import { loadLibrary } from './library.js';
import { foldText } from './text.js';

const list = document.getElementById('doc-list');
const search = document.getElementById('doc-search');
const count = document.getElementById('doc-count');
const errorBox = document.getElementById('error');

function gapReason(doc, field) {
  return doc.gaps?.find((gap) => gap.field === field)?.reason ?? null;
}

/**
 * A fact, or "không ghi" with the reason the document gives none; a fact taken from elsewhere
 * than the header (the registry, an appendix line) says so too.
 */
function fact(value, reason) {
  if (value) return el('dd', {}, [value, reason ? el('span', { className: 'small muted doc-card__gap', text: ` — ${reason}` }) : null]);
  return el('dd', { className: 'muted' }, ['Văn bản không ghi', reason ? el('span', { className: 'small doc-card__gap', text: ` — ${reason}` }) : null]);
}

/**
 * From the document's entry in corpus/registry.json: where the file was copied from, and what
 * its source lacks that the facts above do not say already (missing appendices).
 */
function provenanceFacts(doc, entry) {
  const facts = [];
  for (const gap of entry?.knownGaps ?? []) {
    if (!gapReason(doc, gap.field)) facts.push(el('dt', { text: 'Bản nguồn thiếu' }), el('dd', { className: 'muted', text: gap.reason }));
  }
  const source = entry?.source;
  if (source) facts.push(el('dt', { text: 'Nguồn' }), el('dd', { className: 'small', text: `${source.repository}, ${source.path} (commit ${source.commit})` }));
  return facts;
}

function loadedEntry(doc, entry) {
  return {
    search: foldText([doc.title, doc.number, doc.issuer, doc.typeName].filter(Boolean).join(' ')),
    node: el('li', { className: 'doc-card card', dataset: { id: doc.id, status: 'loaded' } }, [
      el('div', { className: 'doc-card__head' }, [
        el('span', { className: 'doc-card__type', text: doc.typeName }),
        el('span', { className: 'badge badge--ok', text: 'Đã nạp' }),
      ]),
      el('h2', { className: 'doc-card__title' }, [el('a', { href: `/document.html?id=${encodeURIComponent(doc.id)}`, text: doc.title })]),
      el('dl', { className: 'doc-card__facts' }, [
        el('dt', { text: 'Số hiệu' }),
        fact(doc.number, gapReason(doc, 'number')),
        el('dt', { text: 'Ngày ban hành' }),
        fact(doc.issuedDateText, gapReason(doc, 'date')),
        el('dt', { text: 'Cơ quan ban hành' }),
        fact(doc.issuer, gapReason(doc, 'issuer')),
        ...provenanceFacts(doc, entry),
      ]),
    ]),
  };
}

function missingEntry(item) {
  return {
    search: foldText([item.title, item.number, item.issuer, item.typeName].filter(Boolean).join(' ')),
    node: el('li', { className: 'doc-card doc-card--missing card', dataset: { id: item.id, status: 'missing' } }, [
      el('div', { className: 'doc-card__head' }, [
        el('span', { className: 'doc-card__type', text: item.typeName }),
        el('span', { className: 'badge badge--muted', text: 'Được dẫn chiếu, chưa có văn bản' }),
      ]),
      el('h2', { className: 'doc-card__title', text: item.title }),
      el('dl', { className: 'doc-card__facts' }, [
        el('dt', { text: 'Số hiệu' }),
        el('dd', { text: item.number ?? '—' }),
        el('dt', { text: 'Ngày ban hành' }),
        el('dd', { text: item.dateText ?? '—' }),
        el('dt', { text: 'Cơ quan ban hành' }),
        el('dd', { text: item.issuer ?? '—' }),
      ]),
    ]),
  };
}

function applySearch(entries) {
  const words = foldText(search.value).split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const entry of entries) {
    const match = words.every((word) => entry.search.includes(word));
    entry.node.hidden = !match;
    if (match) shown += 1;
  }
  const loaded = entries.filter((entry) => !entry.node.hidden && entry.node.dataset.status === 'loaded').length;
  count.textContent = words.length
    ? `${shown} văn bản khớp (${loaded} đã nạp)`
    : `${loaded} văn bản đã nạp, ${shown - loaded} văn bản chưa có`;
}

async function main() {
  try {
    const { documents, expected } = await loadLibrary();
    const entryOf = (doc) => expected.find((item) => item.present && item.id === doc.id);
    const entries = [...documents.map((doc) => loadedEntry(doc, entryOf(doc))), ...expected.filter((item) => !item.present).map(missingEntry)];
    list.replaceChildren(...entries.map((entry) => entry.node));
    search.value = new URLSearchParams(location.search).get('q') ?? '';
    search.addEventListener('input', () => applySearch(entries));
    document.getElementById('doc-search-form').addEventListener('submit', (event) => event.preventDefault());
    applySearch(entries);
  } catch (error) {
    showStatus(errorBox, error.message, 'error');
  }
}

main();
