/**
 * Property: question understanding never throws, whatever the string — random Unicode (lone
 * surrogates, controls, combining marks), the trade's words in any order, very long runs —
 * and what it returns stays consistent (aligned token arrays, topic drawn from the tokens).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIndex } from '../../ingest/store/index-reader.js';
import { buildEnvironment, type AnswerEnvironment } from '../../server/core/environment.js';
import { understandQuery } from '../../server/core/query/understand.js';
import { buildIndex, makeWorkspace, type Workspace } from './helpers.js';

let workspace: Workspace;
let environment: AnswerEnvironment;

beforeAll(async () => {
  workspace = await makeWorkspace();
  await buildIndex(workspace);
  environment = buildEnvironment(await loadIndex(workspace.indexPath));
});

afterAll(() => workspace.remove());

/** Words users type: accented, unaccented, abbreviations, numbers, dates, punctuation. */
const WORDS = [
  'ai', 'chủ', 'trì', 'chu', 'tri', 'phối', 'hợp', 'phoi', 'hop', 'thời', 'hạn', 'thoi', 'han', 'nhiệm', 'vụ',
  'nv', 'UBND', 'SNV', 'Sở', 'Nội', 'vụ', 'CBCC', 'VTVL', 'khung', 'năng', 'lực', 'II.4', 'mục', '4', 'tháng',
  '6/2026', '30/6', 'năm', '2026', 'Chỉ', 'thị', '18/CT-TTg', '17-NQ/TU', 'xã', 'phường', '?', ',', '...', '—',
  '"', "'", '(', ')', 'còn', 'gì', 'không', 'ĐƠN', 'VỊ', 'Ủy', 'ban', 'nhân', 'dân', 'ngày', '08/5', 'trước',
];

const vocabularyQuestion = fc
  .array(fc.constantFrom(...WORDS), { maxLength: 40 })
  .chain((words) => fc.constantFrom(' ', '  ', '\t', '').map((separator) => words.join(separator)));

const anyQuestion = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  vocabularyQuestion,
  fc.string({ unit: 'binary-ascii', maxLength: 2000 }),
  // Combining marks stacked on a syllable, decomposed (NFD) forms.
  fc.tuple(fc.constantFrom('chu', 'tri', 'a', ''), fc.array(fc.integer({ min: 0x300, max: 0x36f }), { maxLength: 12 })).map(
    ([base, marks]) => `${base}${String.fromCodePoint(...marks)}`.normalize('NFD'),
  ),
);

describe('understandQuery', () => {
  it('never throws and returns aligned, consistent fields', () => {
    fc.assert(
      fc.property(anyQuestion, (question) => {
        const parsed = understandQuery(question, environment.query);
        expect(parsed.tokens.length).toBe(parsed.rawTokens.length);
        for (const index of parsed.repaired) expect(index).toBeLessThan(parsed.tokens.length);
        for (const word of parsed.topic) expect(parsed.expanded).toContain(word);
        for (const mention of parsed.units) {
          expect(mention.start).toBeGreaterThanOrEqual(0);
          expect(mention.end).toBeLessThanOrEqual(parsed.expanded.length);
        }
        expect(parsed.text.startsWith(' ') && parsed.text.endsWith(' ')).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('handles the empty string and a 2,000-character question', () => {
    expect(understandQuery('', environment.query).topic).toEqual([]);
    const long = 'ai chủ trì rà soát khung năng lực '.repeat(60).slice(0, 2000);
    const parsed = understandQuery(long, environment.query);
    expect(parsed.cues.size).toBeGreaterThan(0);
  });
});
