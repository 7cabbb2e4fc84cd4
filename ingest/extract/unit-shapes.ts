/**
 * Units recognised by the shape of their names, not from a fixed list: an organ head followed
 * by a proper name ("Sở <Tên riêng>", "Bộ <Tên> và <Tên>", "Văn phòng UBND tỉnh"), a council
 * with its locality ("Hội đồng nhân dân tỉnh", "UBND các xã, phường"), a position before either
 * ("Chủ tịch UBND cấp xã", "Bộ trưởng Bộ X"). The shapes are data (`unit-shapes.json`);
 * the units found are merged with the vocabulary's (`units.json`): a name the vocabulary
 * already knows adds its written form to that unit, a new one becomes a unit with an id, a
 * canonical name, a level and folded aliases.
 */
import { foldVietnamese } from '../normalize/index.js';
import { slugify } from '../parse/index.js';
import type { UnitLevel } from '../types.js';
import { findUnitMentions } from './units.js';
import type { UnitShapes, VocabularyUnit } from './vocabulary.js';

const LETTER = '\\p{L}\\p{N}';

function alternatives(words: string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&').replace(/\s*,\s*/g, '\\s*,\\s*').replace(/ /g, '\\s+'))
    .join('|');
}

const shapePatterns = new WeakMap<UnitShapes, RegExp>();

/** One pattern for the three shapes; groups: `position`, `head`, `council`. */
function shapePattern(shapes: UnitShapes): RegExp {
  let pattern = shapePatterns.get(shapes);
  if (pattern) return pattern;
  const heads = alternatives(shapes.heads.map((head) => head.head));
  const councilForms = alternatives(shapes.councils.flatMap((council) => council.forms));
  // A locality may be capitalised ("Ủy ban nhân dân Thành phố").
  const localityForms = shapes.localities.flatMap((locality) => locality.forms);
  const localities = alternatives([...localityForms, ...localityForms.map((form) => form.charAt(0).toUpperCase() + form.slice(1))]);
  const positions = alternatives(shapes.positions);
  const council = `(?:${councilForms})\\s+(?:${localities})(?![${LETTER}])`;
  // A proper name: capitalised words (or an acronym), each may take one lowercase syllable
  // ("Tư pháp", "Tổ chức Tỉnh ủy"), or two such words joined by "và" ("Khoa học và Công
  // nghệ"); a following word may not open another unit ("Sở X và Sở Y" is two).
  // Words join within a line only: a blank line or a line break ends the name.
  const word = `(?:\\p{Lu}{2,}[\\p{Lu}&]*|\\p{Lu}\\p{Ll}*)(?:[ \\t]+\\p{Ll}+(?!\\p{L}))?`;
  const notUnit = `(?!(?:${heads}|${councilForms}|${positions})(?![${LETTER}]))`;
  const name = `(?:${word}[ \\t]+và[ \\t]+${notUnit}${word}(?![${LETTER}])(?![ \\t]+\\p{Lu})|${word}(?:[ \\t]+${notUnit}${word})*)`;
  const organ = `(?<head>${heads})\\s+(?:${council}|${name})`;
  const source = `(?<![${LETTER}])(?:(?<position>${positions})\\s+)?(?:(?<council>${council})|${organ})`;
  pattern = new RegExp(source, 'gu');
  shapePatterns.set(shapes, pattern);
  // Every match holds a council form or a head word: a text with neither has no name to find.
  headPatterns.set(shapes, new RegExp(`(?:${heads}|${councilForms})`, 'u'));
  return pattern;
}

/** Per shapes, the words one of which every match of `shapePattern` holds (set beside it). */
const headPatterns = new WeakMap<UnitShapes, RegExp>();

function expanded(text: string, shapes: UnitShapes): string {
  let name = text.replace(/\s+/g, ' ').trim();
  for (const [short, long] of Object.entries(shapes.expansions)) {
    name = name.replace(new RegExp(`(?<![${LETTER}])${short}(?![${LETTER}])`, 'gu'), long);
  }
  return name;
}

/** The council and locality a name opens with ("UBND các xã, phường" → Ủy ban nhân dân, cấp xã). */
function councilOf(text: string, shapes: UnitShapes): { council: UnitShapes['councils'][number]; locality: UnitShapes['localities'][number] } | null {
  const folded = foldVietnamese(text).replace(/\s+/g, ' ').replace(/\s*,\s*/g, ', ');
  for (const council of shapes.councils) {
    const form = council.forms.map(foldVietnamese).find((candidate) => folded.startsWith(`${candidate} `));
    if (!form) continue;
    const rest = folded.slice(form.length + 1);
    const locality = shapes.localities.find((entry) => entry.forms.some((word) => rest.startsWith(foldVietnamese(word))));
    if (locality) return { council, locality };
  }
  return null;
}

/**
 * What a name found by shape stands for: a vocabulary unit (`known`), or a canonical name and
 * level. A council takes its locality's level and, when the vocabulary names the same council
 * at the same level ("UBND tỉnh, thành phố trực thuộc trung ương" and "Ủy ban nhân dân tỉnh"),
 * that unit; a position before a unit takes that unit's name ("Chủ tịch UBND cấp xã").
 */
function identify(text: string, position: string | undefined, head: string | undefined, shapes: UnitShapes, units: VocabularyUnit[]): { known?: VocabularyUnit; name: string; level: UnitLevel } {
  const body = text.slice(position?.length ?? 0).replace(/\s+/g, ' ').trim();
  const found = councilOf(body, shapes);
  let organ: { known?: VocabularyUnit; name: string; level: UnitLevel };
  if (found) {
    const known = found.locality.forms.map((form) => knownUnit(`${found.council.name} ${form}`, units)).find(Boolean);
    organ = known ? { known, name: known.name, level: known.level } : { name: `${found.council.name} ${found.locality.name}`, level: found.locality.level };
  } else {
    const known = knownUnit(body, units);
    const name = known?.name ?? expanded(body, shapes);
    organ = { known, name, level: known?.level ?? levelOf(name, head, shapes) };
  }
  return position ? { name: `${position} ${organ.name}`, level: organ.level } : organ;
}

function levelOf(name: string, head: string | undefined, shapes: UnitShapes): UnitLevel {
  const folded = ` ${foldVietnamese(name)} `;
  for (const entry of shapes.levelWords) {
    if (entry.words.some((word) => folded.includes(` ${foldVietnamese(word)} `))) return entry.level;
  }
  return shapes.heads.find((entry) => entry.head === head)?.level ?? 'tỉnh';
}

/** Whether the vocabulary's units name all of `text` (so it is not a new unit). */
function knownUnit(text: string, units: VocabularyUnit[]): VocabularyUnit | undefined {
  const mentions = findUnitMentions(text, units);
  if (mentions.length === 1 && mentions[0].start === 0 && mentions[0].end === text.length) {
    return units.find((unit) => unit.id === mentions[0].unitId);
  }
  return undefined;
}

/** Names of units written in `text`, by shape, as written (trailing punctuation excluded). */
export function unitNamesByShape(text: string, shapes: UnitShapes): Array<{ text: string; head?: string; position?: string; start: number }> {
  const names: Array<{ text: string; head?: string; position?: string; start: number }> = [];
  const pattern = shapePattern(shapes);
  // The full pattern tries its look-behind and name shapes at every character; most questions name no organ.
  const heads = headPatterns.get(shapes);
  if (heads && !heads.test(text)) return names;
  for (const match of text.matchAll(pattern)) {
    names.push({ text: match[0], head: match.groups?.head, position: match.groups?.position, start: match.index });
  }
  return names;
}

/**
 * The vocabulary's units plus those the texts name by shape. Returns new unit objects; the
 * vocabulary passed in is not changed.
 */
export function unitsByShape(texts: string[], vocabularyUnits: VocabularyUnit[], shapes: UnitShapes): VocabularyUnit[] {
  const units: VocabularyUnit[] = vocabularyUnits.map((unit) => ({ ...unit, aliases: [...unit.aliases], ...(unit.patterns ? { patterns: [...unit.patterns] } : {}) }));
  const byId = new Map<string, VocabularyUnit>(units.map((unit) => [unit.id, unit]));
  const found: VocabularyUnit[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    for (const mention of unitNamesByShape(text, shapes)) {
      const folded = foldVietnamese(mention.text).replace(/\s+/g, ' ');
      if (seen.has(folded)) continue;
      seen.add(folded);
      if (knownUnit(mention.text, vocabularyUnits)) continue;
      const { known, name, level } = identify(mention.text, mention.position, mention.head, shapes, vocabularyUnits);
      // As written and with abbreviations expanded ("ubnd tinh, …" and "uy ban nhan dan tinh, …").
      const spellings = [...new Set([folded, foldVietnamese(expanded(mention.text, shapes))])];
      const same = byId.get(known?.id ?? slugify(name));
      if (same) {
        // A spelling the unit lacks ("UBND tỉnh, thành phố trực thuộc trung ương" for "Ủy ban nhân dân tỉnh").
        for (const form of spellings) {
          if (same.patterns && !same.patterns.includes(form)) same.patterns.push(form);
          if (!same.aliases.includes(form)) same.aliases.push(form);
        }
        continue;
      }
      const unit: VocabularyUnit = {
        id: slugify(name),
        name,
        aliases: [...new Set([foldVietnamese(name), ...spellings])],
        level,
        patterns: [...new Set([foldVietnamese(name), ...spellings])],
      };
      byId.set(unit.id, unit);
      found.push(unit);
    }
  }
  return [...units, ...found];
}
