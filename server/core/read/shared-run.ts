/**
 * The longest run of words a question and a sentence share, in order. Two clauses may hold the
 * same words ("công nhận kết quả … đối với …", "… Ủy ban nhân dân cấp xã") for different
 * objects; the one that writes the question's words as one run names the object asked about
 * ("… đối với Ủy ban nhân dân cấp xã").
 */
import { matchKey, wordTokens } from '../../../common/text-key.js';

/** Folded word tokens of a text. */
export const foldedWords = (text: string): string[] => wordTokens(matchKey(text));

/** Length of the longest common contiguous run of `question` words in `sentence` words. */
export function longestSharedRun(question: readonly string[], sentence: readonly string[]): number {
  let best = 0;
  let previous = new Array<number>(sentence.length + 1).fill(0);
  for (const word of question) {
    const current = new Array<number>(sentence.length + 1).fill(0);
    for (let j = 0; j < sentence.length; j++) {
      if (sentence[j] !== word) continue;
      current[j + 1] = previous[j] + 1;
      if (current[j + 1] > best) best = current[j + 1];
    }
    previous = current;
  }
  return best;
}
