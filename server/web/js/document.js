/**
 * The document page: the loaded documents beside, and the selected document with its header
 * facts and every section as an anchor named by its label. Arriving from a citation
 * (`?id=…&q=<quote>#dieu.19.khoan.2`), the quoted passage is highlighted and scrolled into view.
 */
import { getJson } from './api.js';
import { el, showStatus } from './dom.js';
import { renderDocumentBody } from './document-view.js';
import { locateQuote } from './highlight.js';
import { loadLibrary } from './library.js';

const library = document.getElementById('library');
const article = document.getElementById('document');
const errorBox = document.getElementById('error');
const banner = document.getElementById('cite-banner');

function currentAddress() {
  return decodeURIComponent(location.hash.slice(1));
}

function renderLibrary(documents, selectedId) {
  library.replaceChildren(
    ...documents.map((doc) =>
      el('li', {}, [
        el('a', { href: `/document.html?id=${encodeURIComponent(doc.id)}`, 'aria-current': doc.id === selectedId ? 'page' : null }, [
          el('strong', { text: doc.shortName }),
          el('span', { className: 'library__title', text: doc.title }),
        ]),
      ]),
    ),
  );
}

function signerText(signer) {
  if (!signer?.name) return null;
  const position = signer.position ?? signer.role;
  return position ? `${signer.name} — ${position}` : signer.name;
}

function numberText(doc) {
  if (doc.number) return doc.number;
  // A number line left blank: the API sends it without its "Số:" ("/KH-UBND"), so it is not said twice.
  return doc.numberText ? `${doc.numberText} (chưa ghi số)` : null;
}

function metaList(doc) {
  const header = doc.header ?? {};
  const rows = [
    ['Loại văn bản', doc.typeName],
    ['Cơ quan ban hành', doc.issuer ?? header.issuer],
    ['Số hiệu', numberText(doc)],
    // No date read: the date line as written (it may be blank), never an invented one.
    ['Ngày ban hành', doc.issuedDateText ?? header.dateText],
    ['Ngày hiệu lực', doc.effectiveDateText],
    ['Người ký', signerText(doc.signer)],
  ].filter(([, value]) => value);
  return el('dl', { className: 'document__meta' }, rows.flatMap(([term, value]) => [el('dt', { text: term }), el('dd', { text: value })]));
}

/** `label` is the API's label of the section at `address` (null when the document has no such section). */
function focusTarget(address, label, quote, mark) {
  const marks = article.querySelectorAll('mark.hl');
  const section = address ? document.getElementById(address) : null;
  if (section) section.classList.add('is-target');
  if (marks.length > 0) {
    showStatus(banner, `Đoạn được trích dẫn được tô sáng${label ? ` ở ${label}` : ''}.`);
    marks[0].scrollIntoView({ block: 'center' });
    marks[0].focus({ preventScroll: true });
  } else if (section) {
    if (quote && !mark) showStatus(banner, `Không tìm thấy nguyên văn đoạn trích; đang hiển thị ${label}.`, 'warning');
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
  const ask = el('a', { className: 'button button--ghost button--small', href: `/?documentId=${encodeURIComponent(doc.id)}`, text: 'Hỏi về văn bản này' });
  article.replaceChildren(el('h1', { className: 'document__title', text: doc.title }), metaList(doc), el('p', { className: 'document__ask' }, [ask]));
  renderDocumentBody(article, doc, mark);
  focusTarget(address, section?.label ?? null, quote, mark);
}

async function main() {
  try {
    const listing = await loadLibrary();
    const params = new URLSearchParams(location.search);
    const id = params.get('id') ?? listing.documents[0]?.id;
    renderLibrary(listing.documents, id);
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
