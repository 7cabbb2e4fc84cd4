/**
 * The mention index (`candidatePositions`): every document one of whose phrases a question
 * holds is a candidate, and documents whose phrases share only common words with it are not.
 * Synthetic known documents (phrases as folded tokens), no document text.
 */
import { expect, it } from 'vitest';
import { candidatePositions, mentionIndex } from '../../server/core/query/document-mention-index.js';
import type { KnownDocument } from '../../server/core/query/document-mentions.js';

function known(id: string, expandedPhrases: string[][], rawPhrases: string[][] = [], together?: string[][][]): KnownDocument {
  return { id, reference: null, expected: null, loadedAs: id, rawPhrases, expandedPhrases, together };
}

const TITLES = [['ra', 'soat', 'hoan', 'thien'], ['day', 'manh', 'cong', 'tac'], ['dao', 'tao', 'boi', 'duong']];
/** Many plans: each named "kế hoạch <number>" and by a short title three of them share. */
const PLANS = Array.from({ length: 60 }, (_, index) =>
  known(`plan-${index}`, [['ke', 'hoach', ...TITLES[index % 3]], ['ke', 'hoach', String(100 + index)]], [[`${100 + index}/kh-ubnd`]]),
);
const DECREE = known('decree', [['nghi', 'dinh', '17']], [], [[['nghi', 'dinh'], ['bac', 'ninh']]]);
const LIST = [...PLANS, DECREE];

/** Whether `phrase` occurs in `tokens` (a bare number also matches the number with its suffix). */
function occurs(tokens: string[], phrase: string[]): boolean {
  const same = (token: string, word: string) => token === word || (/^\d+$/.test(word) && token.startsWith(word) && !/\d/.test(token.charAt(word.length)));
  return tokens.some((_, start) => start + phrase.length <= tokens.length && phrase.every((word, offset) => same(tokens[start + offset], word)));
}

const QUESTIONS = [
  'ke hoach ra soat hoan thien giao nhiem vu gi',
  'nhiem vu ra soat hoan thien thuoc linh vuc tu phap',
  'ke hoach 117 co hieu luc khi nao',
  'ke hoach so 117/kh-ubnd ky ngay nao',
  'nghi dinh 17-nd/cp quy dinh gi',
  'nghi dinh cua bac ninh',
  'ke hoach nao noi ve day manh cong tac',
];

it('keeps every document a question names among the candidates', () => {
  const index = mentionIndex(LIST);
  for (const question of QUESTIONS) {
    const tokens = question.split(' ');
    const candidates = new Set(candidatePositions(index, tokens, tokens));
    LIST.forEach((document, position) => {
      const groups = document.together ?? [];
      const named = [...document.rawPhrases, ...document.expandedPhrases].some((phrase) => occurs(tokens, phrase)) || groups.some((group) => group.every((phrase) => occurs(tokens, phrase)));
      if (named) expect(candidates.has(position), `${document.id} for “${question}”`).toBe(true);
    });
  }
});

it('leaves out the documents that share only common words with the question', () => {
  const index = mentionIndex(LIST);
  const tokens = 'nhiem vu ra soat hoan thien thuoc linh vuc tu phap'.split(' ');
  // "kế hoạch" and the title's words are in every plan's name, but no plan's name is in the question.
  expect(candidatePositions(index, tokens, tokens).length).toBeLessThan(PLANS.length / 3);
  const numbered = 'ke hoach 117 co hieu luc khi nao'.split(' ');
  expect(candidatePositions(index, numbered, numbered).map((position) => LIST[position].id)).toContain('plan-17');
  expect(candidatePositions(index, numbered, numbered).length).toBeLessThan(PLANS.length / 3);
});
