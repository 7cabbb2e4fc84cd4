/**
 * English ways of asking, written by the glossary (ingest/vocabulary/english-glossary.json) as
 * the Vietnamese ones the intent and reading stages know: "how many" → "bao nhiêu", "which /
 * what <term>" → "những <thuật ngữ> nào", "maximum duration" → "tối đa là bao lâu"; the
 * function words they bring are grammar, not topic, and English grammar the glossary drops
 * ("may be") is not read as Vietnamese ("mấy"). Each shape is asked of two documents or more.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { foldedTokens } from '../../common/text-key.js';
import { compileEnglishGlossary, readEnglishGlossary } from '../../server/core/query/english-glossary.js';
import { compileQueryVocabulary, expandTokens, type QuerySynonymsFile } from '../../server/core/query/vocabulary.js';
import { useRealDocsAssistant } from './shipped-index.js';
import { expectCitedUnder } from './cited-under.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const glossary = readEnglishGlossary();
const synonyms = JSON.parse(fs.readFileSync(path.join(ROOT, 'ingest/vocabulary/query-synonyms.json'), 'utf8')) as QuerySynonymsFile;
const vocabulary = compileQueryVocabulary(synonyms, glossary);

/** The words of the expanded question that are neither grammar of the question nor a cue. */
function contentWords(question: string): string[] {
  const expansion = expandTokens(foldedTokens(question), vocabulary);
  return expansion.tokens.filter((_, index) => !expansion.cueMask[index]);
}

describe('English ways of asking in the glossary', () => {
  it('writes "which" and "what" before any term as "những … nào" around it, the two words as grammar', () => {
    const expansion = expandTokens(foldedTokens('Which disciplinary measures apply'), vocabulary);
    expect(expansion.tokens.join(' ')).toContain('nhung hinh thuc ky luat nao');
    expect(contentWords('Which disciplinary measures apply')).not.toContain('nhung');
    expect(contentWords('What civil servant ranks exist')).toEqual(expect.arrayContaining(['ngach']));
    expect(contentWords('What civil servant ranks exist')).not.toContain('nao');
  });

  it('writes "when" before a verb in -ing as the condition "khi", not as the question "when"', () => {
    const expansion = expandTokens(foldedTokens('What principles must be ensured when evaluating civil servants'), vocabulary);
    expect(expansion.tokens.join(' ')).toContain('khi danh gia');
    expect(expansion.cues.has('thoi han')).toBe(false);
    expect(expandTokens(foldedTokens('When must civil servants be rated'), vocabulary).cues.has('thoi han')).toBe(true);
  });

  it('keeps an entry the file writes over the form made from another ("which law" stays "luật nào")', () => {
    const compiled = compileEnglishGlossary(glossary).filter((entry) => entry.tokens.join(' ') === 'which law');
    expect(compiled.map((entry) => entry.replacement.join(' '))).toEqual(['luat nao']);
  });

  it('makes no "which" form of a way of asking, and none when the file names no asking words', () => {
    const keys = new Set(compileEnglishGlossary(glossary).map((entry) => entry.tokens.join(' ')));
    expect(keys.has('which how many')).toBe(false);
    const bare = compileEnglishGlossary({ entries: [{ en: 'rank', vi: 'ngạch' }] });
    expect(bare.map((entry) => entry.tokens.join(' '))).toEqual(['rank', 'ranks', 'ranked', 'ranking']);
  });

  it('writes "how many" as "bao nhiêu" out of the topic, and keeps the Vietnamese question words for the key', () => {
    const expansion = expandTokens(foldedTokens('What is the maximum duration of a secondment'), vocabulary);
    expect(expansion.glossed.join(' ')).toContain('toi da la bao lau');
    expect(contentWords('How many points must a civil servant achieve')).not.toContain('bao');
  });

  it('reads an English way of asking only in its Vietnamese form ("who is responsible for" is not "who is")', () => {
    const tokens = foldedTokens('Who is responsible for evaluating civil servants');
    const expansion = expandTokens(tokens, vocabulary);
    expect([...expansion.dropped].map((index) => tokens[index])).toEqual(['who', 'is', 'responsible', 'for']);
    expect(expansion.glossed.slice(0, 4).join(' ')).toBe('ai co trach nhiem');
  });

  it('writes no abbreviation in its Vietnamese: abbreviations are expanded before the glossary, never after', () => {
    const abbreviated = compileEnglishGlossary(glossary).filter(({ replacement }) =>
      replacement.some((_, start) =>
        (vocabulary.abbreviations.get(replacement[start]) ?? []).some((rule) => rule.tokens.every((token, offset) => replacement[start + offset] === token)),
      ),
    );
    expect(abbreviated.map((entry) => entry.tokens.join(' '))).toEqual([]);
  });

  it('reads "may" and "can" as English in a question the glossary translated, and as Vietnamese otherwise', () => {
    const english = foldedTokens('How many times may a leadership civil servant be reappointed');
    expect(expandTokens(english, vocabulary).tokens).not.toContain('may');
    expect([...expandTokens(english, vocabulary).dropped].map((index) => english[index])).toContain('may');
    expect(expandTokens(foldedTokens('co may vong thi'), vocabulary).tokens).toContain('may');
    expect(expandTokens(foldedTokens('can bo co may ngay phep'), vocabulary).tokens).toEqual(expect.arrayContaining(['can', 'may']));
  });

  it('drops English grammar ("may be") from the words read as the typed question', () => {
    const tokens = foldedTokens('What share of civil servants may be rated excellent');
    const expansion = expandTokens(tokens, vocabulary);
    const dropped = [...expansion.dropped].map((index) => tokens[index]);
    expect(dropped).toEqual(expect.arrayContaining(['may', 'be']));
    expect(dropped).not.toContain('rated');
    expect(expandTokens(foldedTokens('Công chức được xếp loại mấy lần'), vocabulary).dropped.size).toBe(0);
  });

  it('writes an English modifier after its noun as the documents do ("monthly allowance" → "phụ cấp … hằng tháng"), as topic', () => {
    expect(expandTokens(foldedTokens('the monthly public service allowance'), vocabulary).tokens.join(' ')).toContain('phu cap cong vu hang thang');
    expect(contentWords('What is the monthly public service allowance')).toEqual(expect.arrayContaining(['phu', 'cap', 'hang']));
    // A hyphenated modifier folds to two words, and the frame matches them both.
    const compiled = compileEnglishGlossary({ frames: [{ en: ['commune-level'], vi: '… cấp xã', content: true }], entries: [{ en: 'officials', vi: 'cán bộ' }] });
    const framed = compiled.find((entry) => entry.tokens.join(' ') === 'commune level officials');
    expect(framed?.replacement.join(' ')).toBe('can bo cap xa');
    expect(framed?.grammar).toEqual([false, false, false, false]);
  });

  it('writes "what is X" and "what does X mean" as "X là gì", with English on both sides of the term, for short terms only', () => {
    const expansion = expandTokens(foldedTokens('What does secondment mean'), vocabulary);
    expect(expansion.glossed.join(' ')).toBe('biet phai la gi');
    expect(expansion.dropped.size).toBe(4);
    const compiled = compileEnglishGlossary({
      frames: [{ en: ['what does … mean'], vi: '… là gì', maxWords: 1 }],
      entries: [{ en: 'rotation', vi: 'luân chuyển' }, { en: 'rotation of leaders', vi: 'luân chuyển lãnh đạo' }],
    });
    const keys = compiled.map((entry) => entry.tokens.join(' '));
    expect(keys).toContain('what does rotation mean');
    expect(keys).not.toContain('what does rotation of leaders mean');
  });
});

describe('English ways of asking, answered over the real documents', () => {
  const assistant = useRealDocsAssistant();
  const LAW = 'luat-80-2025-qh15-can-bo-cong-chuc';
  const RECRUITMENT = 'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc';
  const RATING = 'nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc';
  const INCOME = 'nghi-quyet-81-2025-nq-hdnd-ha-noi';
  const POSITIONS = 'nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc';
  const PLAN = 'ke-hoach-141-kh-ubnd-2025-bac-ninh';
  const DIRECTIVE = 'chi-thi-012-ct-ubnd-2025-dak-lak';

  /** The answer cites `documentId` at `section` or inside it, is not an abstention, and says `expected`. */
  async function expectAnswer(question: string, documentId: string, section: string, expected: RegExp): Promise<void> {
    const response = await assistant.ask(question);
    expectCitedUnder(response, question, documentId, section);
    expect(response.answer, question).toMatch(expected);
  }

  it('answers "how many" with the figure of the thing counted', async () => {
    await expectAnswer('How many times can a leadership civil servant be reappointed?', RECRUITMENT, 'dieu.28', /không hạn chế/);
    await expectAnswer('How many points must a civil servant achieve to be rated as completing tasks excellently?', RATING, 'dieu.20', /90 điểm/);
  });

  it('answers a maximum or minimum duration with the length the clause states', async () => {
    await expectAnswer('What is the maximum time limit for disciplinary action?', LAW, 'dieu.37', /90 ngày/);
    await expectAnswer('What is the maximum duration of a secondment?', RECRUITMENT, 'dieu.26', /03 năm/);
    await expectAnswer('What is the minimum rotation period?', RECRUITMENT, 'dieu.48', /3 năm/);
  });

  it('answers "which / what <term>" with the list of the article', async () => {
    await expectAnswer('What disciplinary measures apply to cadres?', LAW, 'dieu.35', /Bãi nhiệm/);
    await expectAnswer('Which decrees does Decree 170/2025/ND-CP repeal?', RECRUITMENT, 'dieu.71', /138\/2020\/NĐ-CP/);
  });

  it('answers what must be ensured "when <doing>" from the clause on that activity', async () => {
    await expectAnswer('What principles must be ensured when evaluating civil servants?', LAW, 'dieu.25', /dân chủ, công khai/);
    await expectAnswer('What must be ensured when standardizing application forms under Directive 012?', DIRECTIVE, '1.c', /biểu mẫu điện tử/);
  });

  it('answers a count or a share asked with the modal "may", which is not "mấy"', async () => {
    await expectAnswer('How many times may a leadership civil servant be reappointed?', RECRUITMENT, 'dieu.28', /không hạn chế/);
    await expectAnswer('What share of civil servants may at most be rated as completing tasks excellently?', RATING, 'dieu.20.khoan.5', /20%/);
  });

  it('answers a share asked with "may be" from the clause that caps it', async () => {
    await expectAnswer('What share of civil servants may be rated as completing tasks excellently at most?', RATING, 'dieu.20.khoan.5', /20%/);
    await expectAnswer('What share of the basic salary fund is paid as monthly additional income?', INCOME, 'dieu.5.khoan.1', /0,5 lần/);
  });

  it('reads "who is responsible for" as "ai có trách nhiệm", not as a question about a person', async () => {
    await expectAnswer('Who is responsible for evaluating civil servants under the Law on Cadres and Civil Servants?', LAW, 'dieu.25', /Người đứng đầu/);
    await expectAnswer('Who is responsible for allocating funding for Plan 141?', PLAN, 'IV.2', /Sở Tài chính/);
  });

  it('knows the verbs and nouns of the documents’ duties (prepare a dossier, answer correctly, launch)', async () => {
    await expectAnswer('Who prepares the dossier requesting approval of job positions?', POSITIONS, 'dieu.5', /Cơ quan sử dụng công chức/);
    await expectAnswer('How many questions must a candidate answer correctly in round 1 to take round 2?', RECRUITMENT, 'dieu.9', /50%/);
    await expectAnswer('Who is responsible for launching the legal AI assistant under Plan 141?', PLAN, 'III.7', /Sở Khoa học và Công nghệ/);
  });

  it('reads English names of units as the units the documents name, and "ask … to do" as their duties', async () => {
    await expectAnswer('What must the Office of the Provincial People’s Committee do under Directive 012?', DIRECTIVE, '4', /Văn phòng/);
    await expectAnswer('What must the heads of provincial departments and commune chairpersons do under Directive 012?', DIRECTIVE, '1', /Thủ trưởng/);
    await expectAnswer('What does Plan 141 ask the Department of Justice to do?', PLAN, 'III', /Sở Tư pháp/);
  });

  it('abstains on a document named in English by type and subject that no loaded one is, and answers for one that is', async () => {
    for (const question of ['When does the 2025 Law on Public Employees take effect?', 'When does the Law on Public Investment take effect?']) {
      const response = await assistant.ask(question);
      expect(response.abstained, question).toBe(true);
      expect(response.citations).toEqual([]);
    }
    await expectAnswer('When does the 2025 Law on Cadres and Civil Servants take effect?', LAW, 'dieu.44', /01\/7\/2025/);
    await expectAnswer('When does the Resolution on additional income take effect?', INCOME, 'dieu.7', /hiệu lực/);
  });

  it('reads domain phrases the way the documents write them', async () => {
    await expectAnswer('Who recognizes the evaluation and rating results of commune-level People’s Committees?', RATING, 'dieu.5.khoan.2', /cấp tỉnh/);
    await expectAnswer('What documents make up the electronic civil servant rating records?', RATING, 'dieu.24.khoan.2', /Biên bản/);
    await expectAnswer('How long before the retirement date must the retirement notice be issued?', RECRUITMENT, 'dieu.62', /06 tháng/);
  });
});
