/**
 * Renders one answer: the text with its [n] markers as links, the numbered citation chips that
 * open the cited passage highlighted (named by the document's short name and the place's label,
 * never an internal address), the mode badge, the "not found" notice, and a copy button.
 */
import { el, documentLink } from './dom.js';

const MODE_LABELS = { extractive: 'Trích từ văn bản', llm: 'Mô hình ngôn ngữ' };

/**
 * Where a citation points, as people read it: "NĐ 335/2025, Điều 19 khoản 2" — the document's
 * short name and the place's label, both sent by the API with the citation.
 */
export function citationPlace(citation) {
  const label = citation.label ?? '';
  return citation.documentShortName ? `${citation.documentShortName}, ${label}` : label;
}

/** The answer text with each valid [n] turned into a link to citation n. */
export function answerParagraph(answer, citations) {
  const paragraph = el('p', { className: 'answer__text' });
  for (const part of answer.split(/(\[\d+\])/)) {
    const match = /^\[(\d+)\]$/.exec(part);
    const citation = match ? citations[Number(match[1]) - 1] : undefined;
    if (!citation) {
      paragraph.append(part);
      continue;
    }
    paragraph.append(
      el('a', {
        className: 'marker',
        href: documentLink(citation.documentId, citation.section, citation.quote),
        'aria-label': `Nguồn ${match[1]}: ${citationPlace(citation)}`,
        text: `[${match[1]}]`,
      }),
    );
  }
  return paragraph;
}

function citationChips(citations) {
  return el(
    'ol',
    { className: 'citations', 'aria-label': 'Nguồn trích dẫn' },
    citations.map((citation, index) =>
      el('li', {}, [
        el(
          'a',
          {
            className: 'citation',
            href: documentLink(citation.documentId, citation.section, citation.quote),
            title: citation.documentTitle,
          },
          [
            el('span', { className: 'citation__number', text: `[${index + 1}]` }),
            el('span', { className: 'citation__place', text: citationPlace(citation) }),
            el('span', { className: 'citation__quote', text: citation.quote }),
          ],
        ),
      ]),
    ),
  );
}

/** Plain text of the answer with its sources, for the clipboard. */
export function answerAsText(response) {
  const sources = response.citations.map(
    (citation, index) => `[${index + 1}] ${citation.documentTitle}, ${citation.label}: “${citation.quote}”`,
  );
  return sources.length > 0 ? `${response.answer}\n\nNguồn:\n${sources.join('\n')}` : response.answer;
}

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain-HTTP LAN pages have no Clipboard API: fall back to a selected textarea.
  const area = el('textarea', { className: 'visually-hidden', 'aria-hidden': 'true' });
  area.value = text;
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

function copyButton(response) {
  const button = el('button', { type: 'button', className: 'button button--ghost button--small', text: 'Chép câu trả lời' });
  button.addEventListener('click', async () => {
    try {
      await copyText(answerAsText(response));
      button.textContent = 'Đã chép';
    } catch {
      button.textContent = 'Không chép được';
    }
    setTimeout(() => {
      button.textContent = 'Chép câu trả lời';
    }, 2000);
  });
  return button;
}

/** Fills `container` with the finished answer. */
export function renderAnswer(container, response) {
  container.replaceChildren();
  container.dataset.state = 'done';
  container.removeAttribute('aria-busy');
  container.classList.toggle('answer--abstained', response.abstained);
  // A refusal quotes nothing: "Trích từ văn bản" beside "Không tìm thấy" would contradict it.
  const meta = el('div', { className: 'answer__meta' }, [
    response.abstained
      ? el('span', { className: 'badge badge--warning', text: 'Không tìm thấy trong văn bản' })
      : el('span', { className: 'badge', title: 'Cách tạo câu trả lời', text: MODE_LABELS[response.mode] ?? response.mode }),
  ]);
  container.append(meta);
  if (response.notice) container.append(el('p', { className: 'answer__notice', text: response.notice }));
  container.append(answerParagraph(response.answer, response.citations));
  if (response.citations.length > 0) container.append(citationChips(response.citations));
  container.append(el('div', { className: 'answer__actions' }, [copyButton(response)]));
}

/** Shows an error in place of the answer. */
export function renderAnswerError(container, message) {
  container.replaceChildren(el('p', { className: 'answer__error', role: 'alert', text: message }));
  container.removeAttribute('aria-busy');
  container.dataset.state = 'error';
}
