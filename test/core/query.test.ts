/**
 * Question understanding as pure units: rewriting with the shipped vocabulary, task numbers,
 * dates, typo repair against a small lexicon, unit mentions, and the intents it leads to.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Chunk, Unit } from '../../ingest/types.js';
import { detectIntent } from '../../server/core/intent/detect.js';
import { readDateSlots } from '../../server/core/query/dates.js';
import { buildLexicon } from '../../server/core/query/lexicon.js';
import { readTaskRefs } from '../../server/core/query/task-refs.js';
import { foldedTokens, matchKey } from '../../common/text-key.js';
import { buildTypoDictionary, repairTypos, withinOneEdit } from '../../server/core/query/typos.js';
import { understandQuery, type QueryContext } from '../../server/core/query/understand.js';
import { compileUnitMatcher } from '../../server/core/query/unit-mentions.js';
import { expandTokens, loadQueryVocabulary } from '../../server/core/query/vocabulary.js';

const vocabulary = loadQueryVocabulary();

// TÀI LIỆU GIẢ LẬP ĐỂ KIỂM THỬ — synthetic test fixture, not a real document: a few passages for the lexicon.
const PASSAGES = [
  'Thực hiện việc tuyển dụng công chức cấp xã.',
  'Xây dựng kế hoạch đào tạo, bồi dưỡng cán bộ; phương thức làm việc mới.',
  'Đơn vị chủ trì thực hiện: Sở Nội vụ. Đơn vị phối hợp thực hiện: Ủy ban nhân dân các xã, phường.',
];
const chunks: Chunk[] = PASSAGES.map((text, index) => ({
  id: `fixture#II.${index + 1}`,
  documentId: 'fixture',
  address: `II.${index + 1}`,
  text,
  span: { start: 0, end: text.length },
  context: '',
  kind: 'item',
}));
const units: Unit[] = [
  { id: 'so-noi-vu', name: 'Sở Nội vụ', aliases: ['SNV', 'Sở NV', 'Department of Home Affairs'], level: 'tỉnh' },
  { id: 'ubnd-xa', name: 'Ủy ban nhân dân các xã, phường', aliases: ['UBND xã', 'xã', 'phường', 'communes'], level: 'xã' },
];
const lexicon = buildLexicon(chunks);
const context: QueryContext = {
  vocabulary,
  lexicon,
  typos: buildTypoDictionary(lexicon, vocabulary),
  units: compileUnitMatcher(units, vocabulary),
  documents: [],
  knownWords: vocabulary.words,
};
const parse = (question: string) => understandQuery(question, context);

describe('rewriting', () => {
  it('expands abbreviations, then maps synonyms to their canonical cue', () => {
    const expansion = expandTokens(foldedTokens('DS nv SNV phụ trách'), vocabulary);
    expect(expansion.tokens.join(' ')).toBe('liet ke nhiem vu so noi vu chu tri');
    expect([...expansion.cues]).toEqual(expect.arrayContaining(['liet ke', 'chu tri']));
  });

  it('maps English ways of asking', () => {
    expect([...parse('Who is responsible for task 4?').cues]).toContain('chu tri');
    expect([...parse('When is the deadline?').cues]).toContain('thoi han');
    expect([...parse('who supports them').cues]).toContain('phoi hop');
  });
});

describe('slots', () => {
  it('reads task numbers in their many forms, and addresses', () => {
    for (const text of ['nhiệm vụ 4', 'nv4', 'NV 4', 'task 4', 'mục 4', 'nhiệm vụ số 4', 'nhiệm vụ thứ tư', 'the fourth task']) {
      expect(readTaskRefs(matchKey(text)).numbers).toEqual([4]);
    }
    expect(readTaskRefs(matchKey('mục II.6.a')).addresses).toEqual(['II.6.a']);
    expect(readTaskRefs(matchKey('Chỉ thị số 18 năm 2026')).numbers).toEqual([]);
  });

  it('reads months, bounds and years', () => {
    expect(readDateSlots(matchKey('hạn trong tháng 6/2026'), vocabulary).months).toEqual([{ month: 6, year: 2026 }]);
    expect(readDateSlots(matchKey('tháng sáu năm 2026'), vocabulary).months).toEqual([{ month: 6, year: 2026 }]);
    expect(readDateSlots(matchKey('due in June 2026'), vocabulary).months).toEqual([{ month: 6, year: 2026 }]);
    expect(readDateSlots(matchKey('trước ngày 30/6/2026'), vocabulary).dueBefore).toBe('2026-06-30');
    expect(readDateSlots(matchKey('trước tháng 7/2026'), vocabulary).dueBefore).toBe('2026-06-30');
    expect(readDateSlots(matchKey('chậm nhất tháng 6/2026'), vocabulary).dueBefore).toBe('2026-06-30');
    expect(readDateSlots(matchKey('sau tháng 6/2026'), vocabulary).dueAfter).toBe('2026-07-01');
    expect(readDateSlots(matchKey('mấy nhiệm vụ'), vocabulary).months).toEqual([]);
  });
});

describe('typos', () => {
  it('repairs a syllable one edit away when a neighbour confirms it', () => {
    expect(repairTypos(['tuyen', 'dug'], context.typos, vocabulary.words).tokens).toEqual(['tuyen', 'dung']);
    expect(repairTypos(['phoi', 'hpo'], context.typos, vocabulary.words).tokens).toEqual(['phoi', 'hop']);
    expect(repairTypos(['tuyen', 'dungg'], context.typos, vocabulary.words).tokens).toEqual(['tuyen', 'dung']);
  });

  it('does not bend a short foreign word into a corpus word', () => {
    expect(repairTypos(['nop', 'bao', 'cao'], context.typos, vocabulary.words).tokens[0]).toBe('nop');
  });

  it('edit distance: one insertion, deletion, substitution or swap, never two', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2, maxLength: 8 }), fc.nat(7), (word, at) => {
        const i = at % word.length;
        expect(withinOneEdit(word, word.slice(0, i) + word.slice(i + 1))).toBe(true);
        expect(withinOneEdit(word, `${word.slice(0, i)}x${word.slice(i)}`)).toBe(true);
        expect(withinOneEdit(word, `${word}xy`)).toBe(false);
      }),
    );
    expect(withinOneEdit('dung', 'dugn')).toBe(true);
    expect(withinOneEdit('dung', 'dang')).toBe(true);
    expect(withinOneEdit('dung', 'dnag')).toBe(false);
  });
});

describe('units and topic', () => {
  it('finds units by alias, and not a one-word alias inside another word', () => {
    expect(parse('SNV làm gì?').units.map((mention) => mention.unit.id)).toEqual(['so-noi-vu']);
    expect(parse('Các xã làm gì?').units.map((mention) => mention.unit.id)).toEqual(['ubnd-xa']);
    expect(parse('cán bộ cấp xã').units).toEqual([]);
    expect(parse('đổi mới phương thức làm việc').units).toEqual([]);
    expect(parse('doi moi phuong thuc lam viec').units).toEqual([]);
  });

  it('keeps content words and drops cues and grammar', () => {
    expect(parse('Ai chủ trì việc tuyển dụng công chức?').topic).toEqual(['viec', 'tuyen', 'dung', 'cong', 'chuc']);
    // With diacritics, "sổ đỏ" is a topic, not the function words "số"/"do".
    expect(parse('Ai chủ trì cấp sổ đỏ?').topic).toEqual(['cap', 'so', 'do']);
  });
});

describe('intents', () => {
  const intentOf = (question: string) => detectIntent(parse(question), null);

  it.each([
    ['Ai chủ trì nhiệm vụ 4?', { kind: 'task', aspects: ['lead'] }],
    ['nv4 ai phối hợp', { kind: 'task', aspects: ['coordinating'] }],
    ['Hạn chót nhiệm vụ 4?', { kind: 'task', aspects: ['deadline'] }],
    ['Nhiệm vụ 4 nói về gì?', { kind: 'task', aspects: ['content'] }],
    ['SNV làm gì trong nhiệm vụ 4?', { kind: 'task', aspects: ['unit-duty'], unitId: 'so-noi-vu' }],
    ['Sở Nội vụ chủ trì những nhiệm vụ nào?', { kind: 'task-list', filter: expect.objectContaining({ unitId: 'so-noi-vu', role: 'lead' }) }],
    ['Những nhiệm vụ nào có hạn trong tháng 6/2026?', { kind: 'task-list', filter: expect.objectContaining({ dueAfter: '2026-06-01', dueBefore: '2026-06-30' }) }],
    ['Nhiệm vụ thường xuyên gồm những nhiệm vụ nào?', { kind: 'task-list', filter: expect.objectContaining({ kind: 'recurring' }) }],
    ['Nhiệm vụ nào hạn trong tháng 6?', { kind: 'task-list', filter: expect.objectContaining({ dueMonths: [6], dueAfter: null }) }],
    ['Sở Nội vụ làm gì?', { kind: 'unit-duties', unitId: 'so-noi-vu' }],
    ['Ai ký kế hoạch?', { kind: 'document-fact', facts: ['signer'] }],
    ['Kế hoạch gửi cho những đơn vị nào?', { kind: 'document-fact', facts: ['recipients'] }],
    ['Kế hoạch này nói về gì?', { kind: 'document-fact', facts: ['overview'] }],
  ])('%s', (question, expected) => {
    expect(intentOf(question)).toMatchObject(expected);
  });

  it('a follow-up with a unit repeats the last list with that unit', () => {
    const previous = detectIntent(parse('Sở Nội vụ chủ trì những nhiệm vụ nào?'), null);
    const next = detectIntent(parse('Thế còn UBND xã?'), { intent: previous, unitId: 'so-noi-vu', hasTasks: true });
    expect(next).toMatchObject({ kind: 'task-list', filter: { unitId: 'ubnd-xa', role: 'lead' } });
  });
});
