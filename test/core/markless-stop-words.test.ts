/**
 * A function word typed without its marks in a question typed with diacritics: "thi" of "thi
 * hành công vụ", "thi tuyển" is the word the documents write, not "thì"; typed "thì", it is
 * still grammar. Questions parsed against the real documents' index, no answer composed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnvironment } from '../../server/core/environment.js';
import { understandQuery, type QueryContext } from '../../server/core/query/understand.js';
import { MARKLESS_STOP_WORDS } from '../../server/core/query/stopwords.js';
import { buildRealDocsCorpus, type RealCorpus } from '../mcp/real-index.js';

let corpus: RealCorpus;
let context: QueryContext;

beforeAll(async () => {
  corpus = await buildRealDocsCorpus();
  context = buildEnvironment(corpus.index).query;
}, 120_000);
afterAll(() => corpus.cleanup());

describe('markless function words', () => {
  it('keeps "thi" in the topic of a question typed with diacritics, in a law and a decree', () => {
    expect(understandQuery('Luật Cán bộ, công chức đặt ra những nguyên tắc gì khi thi hành công vụ?', context).topic).toContain('thi');
    expect(understandQuery('Thời gian thi môn kiến thức chung là bao lâu?', context).topic).toContain('thi');
  });

  it('still drops "thì" typed with its marks, and "thi" in a question typed without any', () => {
    expect(understandQuery('Nếu công chức nghỉ việc thì ai quyết định?', context).topic).not.toContain('thi');
    expect(understandQuery('neu cong chuc nghi viec thi ai quyet dinh', context).topic).not.toContain('thi');
  });

  it('lists only bare forms of marked function words, not English ones', () => {
    expect(MARKLESS_STOP_WORDS.has('thi')).toBe(true);
    expect(MARKLESS_STOP_WORDS.has('in')).toBe(false);
    expect(MARKLESS_STOP_WORDS.has('the')).toBe(true);
  });
});
