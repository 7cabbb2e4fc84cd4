/**
 * Rendering of the unit page: one card per document with its obligations, each with its place
 * (linked to the document at that place, the quote highlighted), role, action and deadline
 * against today ("còn N ngày" / "quá hạn N ngày"). Text only, never markup. The words come
 * from the API: the place's label, the role (`roleText`), the kind and the due date as text.
 */
import { describeDue } from './dates.js';
import { documentLink, el } from './dom.js';
import { capitalized } from './text.js';

/** Obligations grouped by document, keeping the order the API gives (corpus order). */
export function groupByDocument(obligations) {
  const groups = new Map();
  for (const item of obligations) {
    if (!groups.has(item.documentId)) {
      groups.set(item.documentId, { documentId: item.documentId, shortName: item.documentShortName, title: item.documentTitle, items: [] });
    }
    groups.get(item.documentId).items.push(item);
  }
  return [...groups.values()];
}

function timelineLine(timeline, today) {
  const line = el('div', { className: 'timeline' });
  if (timeline.text) line.append(el('span', { text: timeline.text }));
  if (timeline.kind === 'deadline' && timeline.due) {
    const due = describeDue(timeline.due, today);
    line.append(
      el('span', { className: `due due--${due.state}` }, [
        el('span', { text: `Hạn ${timeline.dueText}` }),
        el('strong', { text: due.text }),
      ]),
    );
  } else {
    line.append(el('span', { className: `kind kind--${timeline.kind}`, text: timeline.kindText }));
  }
  return line;
}

function obligationItem(item, today) {
  const source = item.source ?? item.sources.action;
  const place = capitalized(source.label);
  return el('li', { className: 'obligation', dataset: { id: item.id, role: item.role, kind: item.timeline.kind } }, [
    el('div', { className: 'obligation__meta' }, [
      el('a', {
        className: 'obligation__place',
        href: documentLink(item.documentId, source.section, source.quote),
        text: place,
        'aria-label': `${place}, ${item.documentShortName}: xem trong văn bản`,
      }),
      el('span', { className: 'obligation__role', text: item.roleText }),
    ]),
    el('p', { className: 'obligation__action', text: item.action }),
    timelineLine(item.timeline, today),
  ]);
}

/** One card per document: "CT 012 · 3 việc", the title, then its obligations. */
export function groupCard(group, today) {
  return el('section', { className: 'obligation-group card', dataset: { documentId: group.documentId }, 'aria-label': group.shortName }, [
    el('div', { className: 'obligation-group__head' }, [
      el('h2', { text: `${group.shortName} · ${group.items.length} việc` }),
      el('p', { className: 'obligation-group__title', text: group.title }),
    ]),
    el('ul', { className: 'obligations' }, group.items.map((item) => obligationItem(item, today))),
  ]);
}
