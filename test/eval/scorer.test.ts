/**
 * The eval scorer: must (alternatives, diacritic-insensitive), sections, allSections,
 * sectionPrefix, abstain, and the citation checks that fail an item on a non-verbatim quote.
 */
import { describe, expect, it } from 'vitest';
import type { CorpusDocument, Registry } from '../../ingest/types.js';
import type { AskResponse } from '../../server/core/types.js';
import { documentIdOf, isUnder, scoreAnswer } from './scorer.js';

// TÀI LIỆU GIẢ LẬP ĐỂ KIỂM THỬ — synthetic test fixture, not a real document.
const TEXT = 'TÀI LIỆU GIẢ LẬP ĐỂ KIỂM THỬ\n4. Nhiệm vụ thử.\n- Đơn vị chủ trì thực hiện: Sở Thử nghiệm.';
const document = {
  id: 'fixture',
  title: 'Giả lập',
  text: TEXT,
  sections: [{ address: 'II.4', text: TEXT.slice(TEXT.indexOf('4.')) }],
} as unknown as CorpusDocument;
const registry = { documents: [document] } as unknown as Registry;

const response = (answer: string, sections: string[], quote = 'Sở Thử nghiệm.', abstained = false): AskResponse => ({
  answer,
  abstained,
  conversationId: 'c',
  mode: 'extractive',
  citations: sections.map((section) => ({ documentId: 'fixture', documentTitle: 'Giả lập', section, quote })),
});

describe('scoreAnswer', () => {
  it('matches must entries case- and diacritic-insensitively, any alternative', () => {
    const item = { id: 'x', q: 'q', must: [['không có', 'SO THU NGHIEM']], sections: ['II.4'] };
    expect(scoreAnswer(item, response('Đơn vị chủ trì là Sở Thử nghiệm [1].', ['II.4']), registry).passed).toBe(true);
    expect(scoreAnswer(item, response('Đơn vị chủ trì là Sở Khác [1].', ['II.4']), registry).reasons).toEqual([expect.stringMatching(/missing/)]);
  });

  it('checks sections, allSections and sectionPrefix', () => {
    const ok = response('x', ['II.4']);
    expect(scoreAnswer({ id: 'x', q: 'q', sections: ['II.5'] }, ok, registry).passed).toBe(false);
    expect(scoreAnswer({ id: 'x', q: 'q', allSections: ['II.4', 'II.5'] }, ok, registry).reasons).toEqual(['does not cite II.5']);
    expect(scoreAnswer({ id: 'x', q: 'q', sectionPrefix: 'II' }, ok, registry).passed).toBe(true);
    expect(scoreAnswer({ id: 'x', q: 'q', sectionPrefix: 'III' }, ok, registry).passed).toBe(false);
  });

  it('requires abstention exactly when the item says so', () => {
    expect(scoreAnswer({ id: 'x', q: 'q', abstain: true }, response('Không đề cập.', [], '', true), registry).passed).toBe(true);
    expect(scoreAnswer({ id: 'x', q: 'q', abstain: true }, response('x', ['II.4']), registry).passed).toBe(false);
    expect(scoreAnswer({ id: 'x', q: 'q' }, response('Không đề cập.', [], '', true), registry).reasons).toEqual(['abstained']);
  });

  it('fails an item whose citation is not verbatim or names no existing section', () => {
    expect(scoreAnswer({ id: 'x', q: 'q' }, response('x', ['II.4'], 'Sở Không Có.'), registry).passed).toBe(false);
    expect(scoreAnswer({ id: 'x', q: 'q' }, response('x', ['II.9']), registry).reasons).toEqual(['citation 1: no section II.9']);
  });
});

describe('scoreAnswer with a named document', () => {
  // Two synthetic documents, the second read from "van-ban-b.md".
  const other = {
    ...document,
    id: 'van-ban-b',
    file: 'van-ban-b.md',
    sections: [...document.sections, { address: 'II.5', text: TEXT }],
  } as unknown as CorpusDocument;
  const both = { documents: [{ ...document, file: 'fixture.txt' }, other] } as unknown as Registry;
  const citing = (documentId: string, section: string): AskResponse => ({
    ...response('Sở Thử nghiệm [1].', []),
    citations: [{ documentId, documentTitle: 'Giả lập', section, quote: 'Sở Thử nghiệm.' }],
  });

  it('needs a citation of that document, found by its file stem', () => {
    const item = { id: 'x', q: 'q', document: 'van-ban-b', must: ['Sở Thử nghiệm'] };
    expect(scoreAnswer(item, citing('van-ban-b', 'II.4'), both).passed).toBe(true);
    expect(scoreAnswer(item, citing('fixture', 'II.4'), both).reasons).toEqual(['cites nothing from van-ban-b']);
  });

  it('applies the section rules to that document citations only', () => {
    const item = { id: 'x', q: 'q', document: 'van-ban-b', sectionPrefix: 'II.4' };
    const mixed = citing('fixture', 'II.4');
    mixed.citations.push({ documentId: 'van-ban-b', documentTitle: 'Giả lập', section: 'II.5', quote: 'Sở Thử nghiệm.' });
    expect(scoreAnswer(item, mixed, both).reasons).toEqual(['cites nothing under II.4']);
  });

  it('does not ask an abstention for a citation', () => {
    const item = { id: 'x', q: 'q', document: 'van-ban-b', abstain: true };
    expect(scoreAnswer(item, response('Không đề cập.', [], '', true), both).passed).toBe(true);
  });

  it('reads a section prefix at address boundaries: II.10 is not under II.1', () => {
    expect(isUnder('II.1.a', 'II.1')).toBe(true);
    expect(isUnder('II.10', 'II.1')).toBe(false);
    expect(documentIdOf('Văn Bản C')).toBe('van-ban-c');
    expect(documentIdOf('van-ban-c.html')).toBe('van-ban-c');
  });
});

describe('scoreAnswer of an ask-back (a task number in several documents)', () => {
  // Two synthetic plans both numbering a task 5 (at different addresses), one numbering a task 6.
  const plan = (id: string) => ({ ...document, id, file: `${id}.txt` }) as unknown as CorpusDocument;
  const task = (documentId: string, address: string, number: number) => ({ documentId, address, number });
  const registry2 = {
    documents: [plan('ke-hoach-a'), plan('ke-hoach-b')],
    tasks: [task('ke-hoach-a', 'II.5', 5), task('ke-hoach-b', 'III.5', 5), task('ke-hoach-a', 'II.6', 6)],
  } as unknown as Registry;
  const askBack = (choices: Array<{ documentId: string; section: string }> | undefined): AskResponse => ({
    ...response('Số nhiệm vụ này có trong 2 văn bản; bạn hỏi văn bản nào?', []),
    choices: choices?.map((choice) => ({ ...choice, label: `mục ${choice.section}` })),
  });
  const both = [
    { documentId: 'ke-hoach-a', section: 'II.5' },
    { documentId: 'ke-hoach-b', section: 'III.5' },
  ];

  it('passes, marked byAskBack, when the choices include the expected task of a number two documents use', () => {
    const item = { id: 'x', q: 'nv 5 ai chủ trì?', must: ['Sở Thử nghiệm'], sections: ['II.5'] };
    expect(scoreAnswer(item, askBack(both), registry2)).toEqual({ passed: true, reasons: [], byAskBack: true });
  });

  it('fails when the choices miss the expected place, or carry no structured choices', () => {
    const item = { id: 'x', q: 'nv 5 ai chủ trì?', sections: ['II.5'] };
    const wrong = [both[1], { documentId: 'ke-hoach-b', section: 'III.6' }];
    expect(scoreAnswer(item, askBack(wrong), registry2).passed).toBe(false);
    expect(scoreAnswer(item, askBack(undefined), registry2).passed).toBe(false);
  });

  it('fails when the task number is only in one document, or the item must abstain', () => {
    const lone = { id: 'x', q: 'nv 6?', sections: ['II.6'] };
    expect(scoreAnswer(lone, askBack([{ documentId: 'ke-hoach-a', section: 'II.6' }, both[1]]), registry2).passed).toBe(false);
    const abstain = { id: 'x', q: 'nv 5?', sections: ['II.5'], abstain: true };
    expect(scoreAnswer(abstain, askBack(both), registry2).passed).toBe(false);
  });

  it('keeps a real answer scored as before, without the mark', () => {
    const item = { id: 'x', q: 'nv 4?', sections: ['II.4'] };
    expect(scoreAnswer(item, response('Sở Thử nghiệm [1].', ['II.4']), registry).byAskBack).toBeUndefined();
  });
});
