/**
 * One tone-mark placement for matching. Vietnamese texts put the tone of an open syllable
 * ending in "oa", "oe" or "uy" either on the first vowel ("hòa", "khỏe", "thủy") or on the
 * second ("hoà", "khoẻ", "thuỷ"). Matching uses the first form everywhere.
 */

/** Combining tone marks: grave, acute, hook above, tilde, dot below. */
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0309', '\u0303', '\u0323']);

/** For each toned a/e/y: its bare letter and the tone mark. Data, built once. */
const TONED_SECOND_VOWEL: ReadonlyMap<string, { base: string; tone: string }> = (() => {
  const map = new Map<string, { base: string; tone: string }>();
  for (const base of ['a', 'e', 'y']) {
    for (const tone of TONE_MARKS) map.set((base + tone).normalize('NFC'), { base, tone });
  }
  return map;
})();

// "o"+toned a/e, or "u"+toned y (not after "q", where "u" belongs to the consonant "qu"),
// at the end of a syllable (no letter follows).
const MOVABLE_TONE = /(o)([àáảãạèéẻẽẹ])(?!\p{L})|(?<!q)(u)([ỳýỷỹỵ])(?!\p{L})/gu;

function moveTone(match: string, o?: string, oSecond?: string, u?: string, uSecond?: string): string {
  const first = o ?? u;
  const second = oSecond ?? uSecond;
  if (!first || !second) return match;
  const toned = TONED_SECOND_VOWEL.get(second);
  if (!toned) return match;
  return (first + toned.tone).normalize('NFC') + toned.base;
}

/**
 * Form for matching: NFC, lowercase, tone of "oa/oe/uy" syllables on the first vowel
 * ("uỷ" → "ủy", "hoà" → "hòa", "thuỷ" → "thủy", "khoẻ" → "khỏe"). Length-preserving for NFC input.
 */
export function toMatchForm(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(MOVABLE_TONE, moveTone);
}
