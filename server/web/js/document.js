/**
 * The document page: the list of documents (with the expected ones not yet loaded), and the
 * selected document with every address as an anchor. Arriving from a citation
 * (`?id=…&q=<quote>#II.4`), the quoted passage is highlighted and scrolled into view.
 */
import { getJson } from './api.js';
import { el, showStatus } from './dom.js';
import { formatVietnameseDate } from './dates.js';
import { renderDocumentBody } from './document-view.js';
import { locateQuote } from './highlight.js';

const library = document.getElementById('library');
const missingList = document.getElementById('library-missing');
const article = document.getElementById('document');
const errorBox = document.getElementById('error');
const banner = document.getElementById('cite-banner');

function currentAddress() {
  return decodeURIComponent(location.hash.slice(1));
}

function expectedDetails(expected) {
  const parts = [expected.number, expected.date ? formatVietnameseDate(expected.date) : null, expected.issuer];
  return parts.filter(Boolean).join(' · ');
}

function renderLibrary({ documents, expected }, selectedId) {
  const present = documents.map((doc) =>
    el('li', {}, [
      el('a', { href: `/document.html?id=${encodeURIComponent(doc.id)}`, 'aria-current': doc.id === selectedId ? 'page' : null, text: doc.title }),
    ]),
  );
  const missing = expected
    .filter((item) => !item.present)
    .map((item) =>
      el('li', { className: 'library__missing' }, [
        el('span', { className: 'library__title', text: item.title }),
        el('span', { className: 'muted small', text: expectedDetails(item) }),
        el('span', { className: 'badge badge--muted', text: 'chưa có văn bản' }),
      ]),
    );
  library.replaceChildren(...present);
  missingList.replaceChildren(...missing);
  document.getElementById('library-missing-block').hidden = missing.length === 0;
}

function metaList(doc) {
  const header = doc.header ?? {};
  const rows = [
    ['Cơ quan ban hành', header.issuer],
    ['Số hiệu', header.number ?? (header.numberText ? `${header.numberText} (để trống số)` : null)],
    ['Ngày ban hành', header.issuedDate ? formatVietnameseDate(header.issuedDate) : header.dateText],
    ['Người ký', doc.signer?.name ? `${doc.signer.name}${doc.signer.role ? ` — ${doc.signer.role}` : ''}` : null],
  ].filter(([, value]) => value);
  return el('dl', { className: 'document__meta' }, rows.flatMap(([term, value]) => [el('dt', { text: term }), el('dd', { text: value })]));
}

function focusTarget(address, quote, mark) {
  const marks = article.querySelectorAll('mark.hl');
  const section = address ? document.getElementById(address) : null;
  if (section) section.classList.add('is-target');
  if (marks.length > 0) {
    showStatus(banner, `Đoạn được trích dẫn được tô sáng${address ? ` ở mục ${address}` : ''}.`);
    marks[0].scrollIntoView({ block: 'center' });
    marks[0].focus({ preventScroll: true });
  } else if (section) {
    if (quote && !mark) showStatus(banner, `Không tìm thấy nguyên văn đoạn trích; đang hiển thị mục ${address}.`, 'warning');
    section.scrollIntoView({ block: 'start' });
  }
}

async function showDocument(id) {
  const doc = await getJson(`/api/documents/${encodeURIComponent(id)}`);
  const params = new URLSearchParams(location.search);
  const quote = params.get('q');
  const address = currentAddress();
  const section = doc.sections.find((candidate) => candidate.address === address) ?? null;
  const mark = quote ? locateQuote(doc.text, quote, section?.span ?? null) : null;
  document.title = `${doc.title} — Trợ lý Kế hoạch`;
  article.replaceChildren(el('h1', { className: 'document__title', text: doc.title }), metaList(doc));
  renderDocumentBody(article, doc, mark);
  focusTarget(address, quote, mark);
}

async function main() {
  try {
    const listing = await getJson('/api/documents');
    const params = new URLSearchParams(location.search);
    const id = params.get('id') ?? listing.documents[0]?.id;
    renderLibrary(listing, id);
    if (!id) {
      article.replaceChildren(el('p', { className: 'muted', text: 'Chưa có văn bản nào được nạp. Chạy "npm run ingest".' }));
      return;
    }
    await showDocument(id);
  } catch (error) {
    showStatus(errorBox, error.message, 'error');
  }
}

window.addEventListener('hashchange', () => {
  for (const node of article.querySelectorAll('.is-target')) node.classList.remove('is-target');
  const section = document.getElementById(currentAddress());
  if (section) section.classList.add('is-target');
});

main();
