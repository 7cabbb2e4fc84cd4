/**
 * Contrast groups (`ingest/vocabulary/contrasts.json`): words that exclude each other ("cấp tỉnh"
 * and "cấp xã", "người đứng đầu" and "cấp phó", "vòng 1" and "vòng 2"). A question naming one
 * member asks about it: between sentences covering the topic alike, one naming only another
 * member of the group answers about something else.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { accentedKey, matchKey, wordTokens } from '../../../common/text-key.js';

/** The data file as written. */
export interface ContrastsFile {
  groups: Array<{ name: string; members: Array<Array<string | { words: string; notBefore: string[] }>> }>;
}

interface Phrase {
  /** Accented tokens, matched in documents and in questions typed with diacritics. */
  accented: string[];
  /** Folded tokens, matched in questions typed without; null for one word ("tỉnh", "xã" fold onto other words). */
  folded: string[] | null;
  /** Words after the phrase that make it part of another ("xã" of "xã hội"), accented and folded. */
  notBefore: ReadonlySet<string>;
  member: number;
}

/** A group compiled: its phrases, longest first. */
export interface ContrastGroup {
  name: string;
  phrases: Phrase[];
}

/** A group the question names, with the members it names. */
export interface NamedContrast {
  group: ContrastGroup;
  members: ReadonlySet<number>;
}

/** The shipped contrast groups. */
export const DEFAULT_CONTRASTS_FILE = fileURLToPath(new URL('../../../ingest/vocabulary/contrasts.json', import.meta.url));

/** Validates and compiles the contrast groups; a clear error on malformed data. */
export function compileContrasts(file: unknown): ContrastGroup[] {
  const groups = (file as ContrastsFile | null)?.groups;
  if (!Array.isArray(groups)) throw new Error('contrasts: "groups" must be an array');
  return groups.map((group, index) => {
    if (typeof group?.name !== 'string' || !Array.isArray(group.members) || group.members.length < 2) throw new Error(`contrasts: group ${index} needs a name and at least two members`);
    const phrases: Phrase[] = [];
    group.members.forEach((member, at) => {
      if (!Array.isArray(member) || member.length === 0 || !member.every(isPhrase)) {
        throw new Error(`contrasts: group "${group.name}" member ${at} must be a non-empty list of phrases ("xã" or { "words": "xã", "notBefore": ["hội"] })`);
      }
      for (const entry of member) {
        const phrase = typeof entry === 'string' ? entry : entry.words;
        const accented = wordTokens(accentedKey(phrase));
        const after = typeof entry === 'string' ? [] : entry.notBefore;
        const notBefore = new Set([...after.map((word) => accentedKey(word).trim()), ...after.map((word) => matchKey(word).trim())]);
        phrases.push({ accented, folded: accented.length > 1 ? wordTokens(matchKey(phrase)) : null, notBefore, member: at });
      }
    });
    phrases.sort((a, b) => b.accented.length - a.accented.length);
    return { name: group.name, phrases };
  });
}

/** A phrase of the data: words, or words with the words after them that cancel them. */
function isPhrase(entry: unknown): boolean {
  if (typeof entry === 'string') return entry.trim() !== '';
  const object = entry as { words?: unknown; notBefore?: unknown } | null;
  return typeof object?.words === 'string' && object.words.trim() !== '' && Array.isArray(object.notBefore) && object.notBefore.every((word) => typeof word === 'string' && word.trim() !== '');
}

let shipped: ContrastGroup[] | null = null;

/** The groups of the shipped data file (`DEFAULT_CONTRASTS_FILE`), read on first use. */
export function defaultContrasts(): ContrastGroup[] {
  shipped ??= compileContrasts(JSON.parse(fs.readFileSync(DEFAULT_CONTRASTS_FILE, 'utf8')));
  return shipped;
}

/**
 * The members of `group` written in `tokens`, longest phrase first, each word read once
 * ("cấp phó người đứng đầu" is the deputy, not also the head). `folded` tokens match only
 * phrases of several words.
 */
export function membersIn(group: ContrastGroup, tokens: readonly string[], folded: boolean): Set<number> {
  const found = new Set<number>();
  const used = new Array<boolean>(tokens.length).fill(false);
  for (const phrase of group.phrases) {
    const words = folded ? phrase.folded : phrase.accented;
    if (!words) continue;
    for (let start = 0; start + words.length <= tokens.length; start += 1) {
      let match = true;
      for (let offset = 0; offset < words.length && match; offset += 1) match = !used[start + offset] && tokens[start + offset] === words[offset];
      if (!match || phrase.notBefore.has(tokens[start + words.length] ?? '')) continue;
      found.add(phrase.member);
      for (let offset = 0; offset < words.length; offset += 1) used[start + offset] = true;
    }
  }
  return found;
}

/** The groups a question names, read on its accented tokens when typed with diacritics. */
export function namedContrasts(groups: readonly ContrastGroup[], tokens: readonly string[], accented: boolean): NamedContrast[] {
  const named: NamedContrast[] = [];
  for (const group of groups) {
    const members = membersIn(group, tokens, !accented);
    if (members.size > 0) named.push({ group, members });
  }
  return named;
}

/** Whether a document's sentence (accented tokens) names only other members of a group the question names. */
export function contradicts(named: readonly NamedContrast[], sentenceTokens: readonly string[]): boolean {
  for (const { group, members } of named) {
    const written = membersIn(group, sentenceTokens, false);
    if (written.size > 0 && ![...written].some((member) => members.has(member))) return true;
  }
  return false;
}
