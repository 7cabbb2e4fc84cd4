/**
 * The eval scorer: must (alternatives, diacritic-insensitive), sections, allSections,
 * sectionPrefix, abstain, and the citation checks that fail an item on a non-verbatim quote.
 */
import { describe, expect, it } from 'vitest';
import type { CorpusDocument, Registry } from '../../ingest/types.js';
import type { AskResponse } from '../../server/core/types.js';
import { scoreAnswer } from './scorer.js';

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
