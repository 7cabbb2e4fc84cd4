/**
 * The question words are data (`ingest/vocabulary/question-words.json`): a word added to the
 * file changes what the readers of a question match, and a bad file is refused at load with an
 * error naming the file, the entry and what to write instead.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { questionParts } from '../../server/core/answer/multi-part.js';
import { definitionTerms } from '../../server/core/read/definitions.js';
import { answerNeed } from '../../server/core/read/spans.js';
import { compileQuestionWords } from '../../server/core/query/question-patterns.js';
import { checkQuestionWords, DEFAULT_QUESTION_WORDS_FILE, loadQuestionWords, QuestionWordsError, type QuestionWordsFile } from '../../server/core/query/question-words.js';
import { CONTENT_NOUNS, NOT_CITED_WITH_TYPE_WORD, DOCUMENT_TYPES } from '../../ingest/document-types.js';
import type { ParsedQuery } from '../../server/core/query/understand.js';

/** A fresh copy of the shipped file, to change in one test. */
function shipped(): QuestionWordsFile {
  return JSON.parse(fs.readFileSync(DEFAULT_QUESTION_WORDS_FILE, 'utf8')) as QuestionWordsFile;
}

/** The shipped file with one change, checked and compiled as the loader does. */
function withChange(change: (data: QuestionWordsFile) => void) {
  const data = shipped();
  change(data);
  return compileQuestionWords(checkQuestionWords(data));
}

/** A question as the definitions reader sees it: its folded key, no document named. */
function asked(key: string): ParsedQuery {
  return { key, documents: [], expanded: key.split(' ') } as unknown as ParsedQuery;
}

describe('question words drive what is matched', () => {
  it('cuts a question into parts at a way of asking added to parts.asks', () => {
    const question = 'Trụ sở cách trung tâm bao xa, mở cửa lúc mấy giờ?';
    expect(questionParts(question)).toBeNull();
    const words = withChange((data) => data.parts.asks.push('bao xa'));
    expect(questionParts(question, words)).toEqual(['Trụ sở cách trung tâm bao xa?', 'mở cửa lúc mấy giờ?']);
  });

  it('reads a length asked with a word added to needs.howLong', () => {
    expect(answerNeed('phai hoan thanh trong may hom')).toBe('how-many');
    expect(answerNeed('phai hoan thanh trong may hom', withChange((data) => data.needs.howLong.push('may hom')))).toBe('how-long');
  });

  it('finds the term of a definition frame added to definitions.asksAfter', () => {
    expect(definitionTerms(asked('biet phai co nghia gi'))).toEqual([]);
    const words = withChange((data) => data.definitions.asksAfter.push('co nghia gi'));
    expect(definitionTerms(asked('biet phai co nghia gi'), words)).toContainEqual(['biet', 'phai']);
  });

  it('keeps the neighbours that cancel a way of asking: "ai là người …" asks a role unless "… đứng đầu"', () => {
    const words = loadQuestionWords();
    expect(words.personQuestion.test('chu tich ubnd tinh hien nay la ai')).toBe(true);
    expect(words.personQuestion.test('ai la nguoi lam chu tich hoi dong')).toBe(false);
    expect(words.personQuestion.test('ai la nguoi dung dau co quan')).toBe(true);
    const without = withChange((data) => {
      data.support.person = data.support.person.map((entry) => (typeof entry === 'string' ? entry : entry.words));
    });
    expect(without.personQuestion.test('ai la nguoi lam chu tich hoi dong')).toBe(true);
  });

  it('reads the documents’ sentences with the written lists, escaped as plain text', () => {
    const words = withChange((data) => data.spans.actors.push('U.B.N.D'));
    expect(words.actor.test('U.B.N.D xã có trách nhiệm báo cáo')).toBe(true);
    expect(words.actor.test('UxBxNxD xã có trách nhiệm báo cáo')).toBe(false);
    expect(loadQuestionWords().actor.test('Liên đoàn Lao động có trách nhiệm')).toBe(false);
    expect(withChange((data) => data.spans.actors.push('Liên đoàn')).actor.test('Liên đoàn Lao động có trách nhiệm')).toBe(true);
  });

  it('reads a time span with the words before a date and of a period from spans', () => {
    const sentence = 'Báo cáo gửi Sở Nội vụ muộn nhất ngày 30/6/2026.';
    expect(loadQuestionWords().time.exec(sentence)?.[0].trim()).toBe('ngày 30/6/2026');
    const more = withChange((data) => data.spans.numericDatePrefixes.push('muộn nhất'));
    expect(more.time.exec(sentence)?.[0].trim()).toBe('muộn nhất ngày 30/6/2026');
    expect(loadQuestionWords().time.exec('trong vòng 10 ngày làm việc')?.[0]).toBe('trong vòng 10 ngày làm việc');
    expect(withChange((data) => data.spans.periodTails.push('tiếp theo')).time.exec('trong vòng 10 ngày tiếp theo')?.[0]).toBe('trong vòng 10 ngày tiếp theo');
  });

  it('tells a share from a day by the guard words of dates', () => {
    const words = loadQuestionWords();
    expect('qua 2/3 so phieu'.replace(words.daySlashMonth, '<date>')).toBe('qua 2/3 so phieu');
    expect('truoc 30/6'.replace(words.daySlashMonth, '<date>')).toBe('truoc <date>');
    const more = withChange((data) => data.dates.shareBefore.push('hon'));
    expect('hon 2/3 dai bieu'.replace(words.daySlashMonth, '<date>')).toBe('hon <date> dai bieu');
    expect('hon 2/3 dai bieu'.replace(more.daySlashMonth, '<date>')).toBe('hon 2/3 dai bieu');
  });

  it('reads date bounds from the ordered table, first row first', () => {
    const words = loadQuestionWords();
    const sideOf = (before: string, table = words.bounds) => table.find((row) => row.pattern.test(before));
    expect(sideOf('xong truoc ngay ')).toMatchObject({ side: 'before', strict: true });
    expect(sideOf('xong cham nhat ')).toMatchObject({ side: 'before', strict: false });
    expect(sideOf('xong muon nhat ')).toBeUndefined();
    const more = withChange((data) => data.dates.bounds[1].words.push('muon nhat'));
    expect(sideOf('xong muon nhat ', more.bounds)).toMatchObject({ side: 'before', strict: false });
  });

  it('knows a follow-up by its first words', () => {
    expect(loadQuestionWords().continues.test('con neu khong dat thi sao')).toBe(true);
    expect(loadQuestionWords().continues.test('ngoai ra thi sao')).toBe(false);
    expect(withChange((data) => data.followUps.continues.push('ngoai ra')).continues.test('ngoai ra thi sao')).toBe(true);
  });
});

describe('a bad question-words file', () => {
  it('names the entry written with tone marks and the folded form to write', () => {
    const data = shipped();
    data.parts.asks[0] = 'bao lâu';
    expect(() => checkQuestionWords(data, 'qw.json')).toThrow(QuestionWordsError);
    expect(() => checkQuestionWords(data, 'qw.json')).toThrow('qw.json: parts.asks[0] must be folded (no tone marks, lower case), as questions are matched: write "bao lau", not "bao lâu"');
  });

  it('refuses a missing section, an empty list, an unknown key and an exception without its word', () => {
    const missing = shipped() as Partial<QuestionWordsFile>;
    delete missing.needs;
    expect(() => checkQuestionWords(missing)).toThrow('"needs" must be an object of lists');
    const empty = shipped();
    empty.dates.shareAfter = [];
    expect(() => checkQuestionWords(empty)).toThrow('dates.shareAfter must be a non-empty list');
    const unknown = shipped();
    unknown.needs.when.push({ words: 'hom nao', unless: ['x'] } as never);
    expect(() => checkQuestionWords(unknown)).toThrow(/needs\.when\[\d+\] has an unknown key "unless"/);
    const orphan = shipped();
    orphan.support.person.push({ words: 'ai day', unlessThen: ['x'] });
    expect(() => checkQuestionWords(orphan)).toThrow('unlessThen needs notBefore');
    const spaced = shipped();
    spaced.spans.dutyVerbs.push('chủ  trì');
    expect(() => checkQuestionWords(spaced)).toThrow('spans.dutyVerbs[23] must be words separated by single spaces');
    const sideless = shipped();
    sideless.dates.bounds[2].side = 'later' as never;
    expect(() => checkQuestionWords(sideless)).toThrow('dates.bounds[2].side must be "before" or "after", not "later"');
  });

  it('names the file that is not JSON', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'question-words-')), 'bad.json');
    fs.writeFileSync(file, '{ "parts": ');
    expect(() => loadQuestionWords(file)).toThrow(`${file}: cannot be read as JSON`);
  });
});

describe('properties of document types read from their table', () => {
  it('reads citedWithTypeWord from the table, not from code', () => {
    const flagged = DOCUMENT_TYPES.filter((entry) => entry.citedWithTypeWord === false).map((entry) => entry.type);
    expect(flagged.length).toBeGreaterThan(1);
    expect([...NOT_CITED_WITH_TYPE_WORD].sort()).toEqual([...flagged].sort());
    expect(DOCUMENT_TYPES.filter((entry) => entry.citedByNumber).every((entry) => !NOT_CITED_WITH_TYPE_WORD.has(entry.type))).toBe(true);
  });

  it('reads what a type of document lays down from contentNouns', () => {
    const withNouns = DOCUMENT_TYPES.filter((entry) => entry.contentNouns);
    expect(withNouns.length).toBeGreaterThan(0);
    for (const entry of withNouns) expect(CONTENT_NOUNS[entry.type]).toEqual(entry.contentNouns);
  });
});

describe('written (accented) word lists', () => {
  it('match a word that ends in a marked letter ("chủ trì"), whole', () => {
    const { dutyVerb } = loadQuestionWords();
    expect(dutyVerb.test('Sở Nội vụ chủ trì.')).toBe(true);
    expect(dutyVerb.test('Sở Nội vụ chủ trìa')).toBe(false);
  });
});
