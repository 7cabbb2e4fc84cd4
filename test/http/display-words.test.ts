/**
 * The words faces show beside the data (server/core/catalog/display.ts), over the shipped
 * corpus (the plan and four regulations): every section's label, every task's and obligation's
 * label, role and kind words, due dates as text, document names, and a blank number line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../server/core/answer/format.js';
import { KIND_TEXT, labelOf, ROLE_TEXT, shortNamesOf, toCitationView, toObligationDisplay, toTimelineView, typeName, writtenNumber } from '../../server/core/catalog/display.js';
import { toDocumentFacts } from '../../server/core/catalog/views.js';
import { buildRealCorpus, type RealCorpus } from '../mcp/real-index.js';
import { internalAddresses, RULE_DATE } from './face-text.js';

let corpus: RealCorpus;

beforeAll(async () => {
  corpus = await buildRealCorpus();
}, 120_000);
afterAll(async () => {
  await corpus?.cleanup();
});

describe('labels of every place', () => {
  it('no section of any shipped document is labelled with an internal address', () => {
    const { documents } = corpus.index.registry;
    expect(documents.length).toBeGreaterThanOrEqual(2);
    for (const document of documents) {
      for (const section of document.sections) {
        const label = labelOf(section.address, section.label);
        expect(internalAddresses(label), `${document.id} ${section.address} → ${label}`).toEqual([]);
        // The stored label and the one computed from the address alone agree.
        expect(labelOf(section.address), `${document.id} ${section.address}`).toBe(label);
      }
    }
  });

  it('tasks and obligations carry labels, role and kind words, and due dates as text', () => {
    const tasks = corpus.assistant.listTasks();
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      expect(task.label).toBe(labelOf(task.address));
      const timeline = task.timeline as ReturnType<typeof toTimelineView>;
      expect(timeline.kindText).toBe(KIND_TEXT[task.timeline.kind]);
      if (task.timeline.due) expect(timeline.dueText).toBe(formatDate(task.timeline.due));
    }
    const obligations = corpus.assistant.listObligations().map(toObligationDisplay);
    expect(new Set(obligations.map((item) => item.documentId)).size).toBeGreaterThanOrEqual(2);
    for (const item of obligations) {
      expect(item.roleText).toBe(ROLE_TEXT[item.role]);
      expect(internalAddresses(item.label)).toEqual([]);
      if (item.timeline.dueText) expect(item.timeline.dueText).toMatch(RULE_DATE);
    }
  });
});

describe('document names and dates', () => {
  it('each document has a type name, a short name, and its dates as text only where the document gives them', () => {
    for (const document of corpus.index.registry.documents) {
      const facts = toDocumentFacts(document);
      expect(facts.typeName).toBe(typeName(document.type));
      expect(facts.shortName.length).toBeGreaterThan(0);
      expect(facts.issuedDateText).toBe(document.header.issuedDate ? formatDate(document.header.issuedDate) : null);
      expect(facts.effectiveDateText).toBe(document.header.effectiveDate ? formatDate(document.header.effectiveDate) : null);
      expect(facts.numberText).toBe(document.header.number ?? writtenNumber(document.header.numberText));
    }
  });

  it('a number line left blank keeps its symbol once, without "Số:"', () => {
    expect(writtenNumber('Số: /KH-UBND')).toBe('/KH-UBND');
    expect(writtenNumber('Số:      /2026/QĐ-UBND')).toBe('/2026/QĐ-UBND');
    expect(writtenNumber('Số:')).toBeNull();
    expect(writtenNumber(null)).toBeNull();
  });

  it('a citation gets its label and its document short name', () => {
    const documents = corpus.assistant.listDocuments().documents;
    const shortNames = shortNamesOf(documents);
    const decree = documents.find((doc) => doc.type === 'nghi-dinh')!;
    const citation = toCitationView({ documentId: decree.id, documentTitle: decree.title, section: 'dieu.3.khoan.1', quote: '…' }, shortNames);
    expect(citation.label).toBe('Điều 3 khoản 1');
    expect(citation.documentShortName).toMatch(/^NĐ \d+\/\d{4}$/);
    expect(shortNames('not-loaded')).toBe('not-loaded');
  });
});
