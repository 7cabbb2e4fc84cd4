/**
 * The shape of a question beyond its words: the sentence it asks in when it is told as a story
 * ("Xã tôi tiếp nhận … . Có cần thành lập Hội đồng … không?"), and the small numbers it writes
 * ("Cục loại 2", "chưa đủ 6 tháng") outside document numbers, places and dates.
 */
import { accentedKey, hasDiacritics } from '../../../common/text-key.js';

/** Words before a number that make it a place or a date, not an amount ("Điều 19", "khoản 2", "nhiệm vụ 4", "ngày 15"). */
const PLACE_WORDS = new Set(['dieu', 'khoan', 'diem', 'muc', 'chuong', 'phan', 'luc', 'vu', 'so', 'mau', 'ngay', 'thang', 'nam', 'quy']);

/** Numbers of one to three digits outside document mentions and places, leading zeros dropped. */
export function askedNumbers(tokens: readonly string[], documentMask: readonly boolean[]): string[] {
  const numbers: string[] = [];
  tokens.forEach((token, index) => {
    if (!/^\d{1,3}$/.test(token) || documentMask[index] || PLACE_WORDS.has(tokens[index - 1] ?? '')) return;
    numbers.push(String(Number(token)));
  });
  return [...new Set(numbers)];
}

/** Words pointing back at what was said before ("này", "đó", "như vậy"), typed with or without marks. */
const POINTS_BACK_MARKED = /(?<![\p{L}])(?:này|đó|ấy|vậy|nêu trên|trên đây)(?![\p{L}])/u;
/** The same typed without marks: "nay" of "hiện nay" and "vay" of "vay vốn" are read only as "này", "vậy" at the end. */
const POINTS_BACK_BARE = /(?<![\p{L}])(?:nay|do|ay|vay|neu tren|tren day)(?=\s*(?:khong|ko|chua|\?|$))|(?<![\p{L}])(?:neu tren|tren day)(?![\p{L}])/u;

/** The last sentence of a question whose earlier sentences tell, not ask; null for one sentence or several questions. */
export function askedSentence(question: string): string | null {
  const sentences = question.trim().split(/(?<=[.!?…])\s+(?=\S)/u);
  if (sentences.length < 2) return null;
  const last = sentences[sentences.length - 1];
  if (!/\?\s*$/.test(last) || sentences.slice(0, -1).some((sentence) => /\?\s*$/.test(sentence))) return null;
  // "… trong thời gian này không?", "ai được quyết định việc này?": the asked sentence points back into the story.
  return (hasDiacritics(last) ? POINTS_BACK_MARKED : POINTS_BACK_BARE).test(accentedKey(last)) ? null : last;
}
