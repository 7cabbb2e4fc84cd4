/**
 * English questions over the real documents: the English glossary (ingest/vocabulary/
 * english-glossary.json) rewrites their content words into the documents' Vietnamese, so they
 * are answered from the same articles as the Vietnamese questions, and an English question no
 * document answers still abstains. The glossary itself must never touch a Vietnamese question.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { foldedTokens } from '../../common/text-key.js';
import { compileEnglishGlossary, couldBeVietnamese, inflections, readEnglishGlossary } from '../../server/core/query/english-glossary.js';
import { compileQueryVocabulary, expandTokens, type QuerySynonymsFile } from '../../server/core/query/vocabulary.js';
import { readingText } from '../eval/realdocs/source-text.js';
import { useRealDocsAssistant } from './shipped-index.js';
import { expectCitedUnder } from './cited-under.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const glossary = readEnglishGlossary();
const synonyms = JSON.parse(fs.readFileSync(path.join(ROOT, 'ingest/vocabulary/query-synonyms.json'), 'utf8')) as QuerySynonymsFile;
const withGlossary = compileQueryVocabulary(synonyms, glossary);
const withoutGlossary = compileQueryVocabulary(synonyms);

/** The documents' text, folded into words: the plan in corpus/ and the seven real documents. */
function documentWords(): string {
  const folders = [path.join(ROOT, 'test/fixtures/real-docs'), path.join(ROOT, 'corpus')];
  const files = folders.flatMap((folder) =>
    fs
      .readdirSync(folder)
      .filter((file) => /\.(?:md|html|txt)$/.test(file) && file !== 'README.md')
      .map((file) => path.join(folder, file)),
  );
  return ` ${files.map((file) => foldedTokens(readingText(file)).join(' ')).join(' ')} `;
}

describe('the English glossary', () => {
  it('says what it is in Vietnamese and English, and has a few hundred entries', () => {
    expect(glossary.about).toMatch(/thuật ngữ/);
    expect(glossary.about).toMatch(/English/);
    expect(glossary.entries.length).toBeGreaterThan(150);
    for (const entry of glossary.entries) expect(entry.en.trim().length, JSON.stringify(entry)).toBeGreaterThan(0);
  });

  it('writes no single word that a Vietnamese question could type without tone marks (it would be dropped)', () => {
    const single = glossary.entries.filter((entry) => foldedTokens(entry.en).length === 1 && couldBeVietnamese(foldedTokens(entry.en)[0]));
    expect(single).toEqual([]);
    expect(couldBeVietnamese('can')).toBe(true);
    expect(couldBeVietnamese('chat')).toBe(true);
    expect(couldBeVietnamese('discipline')).toBe(false);
  });

  it('rewrites no phrase that a document writes, in any form it matches', () => {
    const words = documentWords();
    const clashes = compileEnglishGlossary(glossary)
      .map((entry) => entry.tokens.join(' '))
      .filter((phrase) => words.includes(` ${phrase} `));
    expect(clashes).toEqual([]);
  });

  it('matches the regular forms of a last word', () => {
    expect(inflections('approve')).toEqual(['approves', 'approved', 'approving']);
    expect(inflections('policy')).toEqual(['policies', 'policied', 'policying']);
    expect(inflections('records')).toEqual([]);
  });

  it('rewrites English content words into the documents’ Vietnamese, longest phrase first', () => {
    const expand = (question: string): string => expandTokens(foldedTokens(question), withGlossary).tokens.join(' ');
    expect(expand('What forms of discipline apply to civil servants')).toContain('hinh thuc ky luat');
    // "period" becomes "thời gian", which the synonyms then read as the deadline cue, as in Vietnamese.
    expect(expand('What is the probation period')).toContain('tap su');
    expect(expand('who approves job positions')).toContain('phe duyet vi tri viec lam');
    expect(expandTokens(foldedTokens('Who approves job positions?'), withGlossary).translated).toBe(true);
    expect(expandTokens(foldedTokens('Ai phê duyệt vị trí việc làm?'), withGlossary).translated).toBe(false);
    // An English way of asking stays with the synonyms: "how long" is still the deadline cue.
    expect(expandTokens(foldedTokens('How long is the secondment'), withGlossary).cues.has('thoi han')).toBe(true);
  });

  it('leaves every Vietnamese question of the eval sets as it was, with or without tone marks', () => {
    const sets = ['realdocs-eval.json', 'project-eval.json', 'holdout-eval.json', 'holdout2-eval.json'];
    const questions = sets.flatMap((file) => {
      const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/eval', file), 'utf8')) as { items: Array<{ q: string; kind?: string }> };
      return data.items.filter((item) => !(item.kind ?? '').endsWith('-en')).map((item) => item.q);
    });
    expect(questions.length).toBeGreaterThan(300);
    const changed = questions.filter((question) => {
      const tokens = foldedTokens(question);
      return expandTokens(tokens, withGlossary).tokens.join(' ') !== expandTokens(tokens, withoutGlossary).tokens.join(' ');
    });
    expect(changed).toEqual([]);
  });
});

describe('the English eval set (test/eval/realdocs-english-eval.json)', () => {
  const set = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/eval/realdocs-english-eval.json'), 'utf8')) as {
    items: Array<{ id: string; q: string; document?: string; why?: string; abstain?: boolean }>;
  };
  const folders = [path.join(ROOT, 'test/fixtures/real-docs'), path.join(ROOT, 'corpus')];
  const files = new Map(
    folders.flatMap((folder) =>
      fs
        .readdirSync(folder)
        .filter((file) => /\.(?:md|html|txt)$/.test(file) && file !== 'README.md')
        .map((file): [string, string] => [file.replace(/\.[^.]+$/, ''), path.join(folder, file)]),
    ),
  );

  it('has at least 40 questions with unique ids, some of them abstentions with a reason', () => {
    const ids = set.items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(set.items.length).toBeGreaterThanOrEqual(40);
    const abstentions = set.items.filter((item) => item.abstain);
    expect(abstentions.length).toBeGreaterThanOrEqual(5);
    for (const item of abstentions) expect(item.why ?? '', item.id).toMatch(/^Không văn bản nào/);
  });

  it('quotes, for every answerable item, a sentence of its document verbatim', () => {
    const texts = new Map([...files].map(([stem, file]) => [stem, readingText(file)]));
    const missing = set.items
      .filter((item) => !item.abstain)
      .filter((item) => !item.why || !(texts.get(item.document ?? '') ?? '').includes(item.why.replace(/\s+/g, ' ').trim()))
      .map((item) => item.id);
    expect(missing).toEqual([]);
  });
});

describe('English questions over the real documents', () => {
  const assistant = useRealDocsAssistant();
  const LAW = 'luat-80-2025-qh15-can-bo-cong-chuc';
  const RECRUITMENT = 'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc';
  const POSITIONS = 'nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc';

  /** The answer cites `documentId` at `section` or inside it, and is not an abstention. */
  async function expectCited(question: string, documentId: string, section: string): Promise<string> {
    const response = await assistant.ask(question);
    expectCitedUnder(response, question, documentId, section);
    return response.answer;
  }

  it('answers the forms of discipline from the law’s article on them', async () => {
    const answer = await expectCited('What forms of discipline apply to civil servants under Law 80/2025?', LAW, 'dieu.36');
    expect(answer).toMatch(/Khiển trách/);
  });

  it('answers where a rating result is kept from the law', async () => {
    expect(await expectCited('Where must the quality rating result of a civil servant be kept?', LAW, 'dieu.26')).toMatch(/hồ sơ công chức/);
  });

  it('answers when a recruited person must report to work from the recruitment decree', async () => {
    expect(await expectCited('Within how many days after the recruitment decision must the recruited person report to work?', RECRUITMENT, 'dieu.19')).toMatch(/30 ngày/);
  });

  it('answers the size of the recruitment council from the recruitment decree', async () => {
    expect(await expectCited('How many members does the civil servant recruitment council have?', RECRUITMENT, 'dieu.8')).toMatch(/05 hoặc 07/);
  });

  it('answers the review time of a job position dossier from the job position decree', async () => {
    const question = 'Within how many working days must the personnel advisory body finish reviewing a job position approval dossier?';
    expect(await expectCited(question, POSITIONS, 'dieu.5')).toMatch(/30 ngày làm việc/);
  });

  it('abstains on an English question no document answers', async () => {
    const response = await assistant.ask('What is the penalty for filing personal income tax late?');
    expect(response.abstained).toBe(true);
    expect(response.citations).toEqual([]);
  });
});
