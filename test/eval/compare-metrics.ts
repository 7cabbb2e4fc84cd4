/**
 * Pure parts of the side-by-side comparison: which columns an eval item counts in, whether a
 * ranked list of addresses finds the right section (recall@5, reciprocal rank), and the table.
 */
import { markdownTable } from '../../bench/markdown.js';

/** The fields of an eval item the comparison reads (the scorer reads the rest). */
export interface ComparableItem {
  id: string;
  kind?: string;
  sections?: string[];
  allSections?: string[];
  sectionPrefix?: string;
  abstain?: boolean;
}

/** Columns of the table, in order. */
export const CATEGORIES = [
  'lead',
  'coordinating',
  'deadline',
  'list',
  'content',
  'document facts',
  'references',
  'abstain',
  'unaccented',
  'abbreviations',
  'typos',
  'English',
  'follow-ups',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** Words of an item's kind ("lead-nodiac" → lead, unaccented) mapped to columns. */
const KIND_WORDS: Record<string, Category> = {
  lead: 'lead',
  must: 'lead',
  approve: 'lead',
  responsible: 'lead',
  coord: 'coordinating',
  coordinating: 'coordinating',
  deadline: 'deadline',
  timeline: 'deadline',
  duration: 'deadline',
  list: 'list',
  content: 'content',
  meta: 'document facts',
  document: 'document facts',
  xref: 'references',
  reference: 'references',
  references: 'references',
  abstain: 'abstain',
  nodiac: 'unaccented',
  unaccented: 'unaccented',
  abbrev: 'abbreviations',
  abbreviation: 'abbreviations',
  typo: 'typos',
  typos: 'typos',
  en: 'English',
  english: 'English',
  followup: 'follow-ups',
  'follow-up': 'follow-ups',
};

/** The columns an item counts in: each word of its kind, abstention, and follow-up turns. */
export function categoriesOf(item: ComparableItem, options: { followUp?: boolean } = {}): Category[] {
  const words = (item.kind ?? '').toLowerCase().split(/[-_\s]+/);
  const found = new Set<Category>();
  for (const word of words) {
    const category = KIND_WORDS[word];
    if (category) found.add(category);
  }
  if (item.abstain) found.add('abstain');
  if (options.followUp) found.add('follow-ups');
  return CATEGORIES.filter((category) => found.has(category));
}

/** Whether a cited or retrieved address is (inside) the expected one: "II.6.a" is in "II.6". */
export function addressMatches(address: string, expected: string): boolean {
  return address === expected || address.startsWith(`${expected}.`);
}

/** Whether an item names sections at all (only those count in recall@5 and MRR). */
export function hasExpectedSections(item: ComparableItem): boolean {
  return Boolean(item.sections?.length || item.allSections?.length || item.sectionPrefix);
}

/** Whether one address satisfies the item's expected sections (any of them). */
export function isRelevant(item: ComparableItem, address: string): boolean {
  const expected = [...(item.sections ?? []), ...(item.allSections ?? [])];
  if (item.sectionPrefix && addressMatches(address, item.sectionPrefix)) return true;
  return expected.some((section) => addressMatches(address, section));
}

/** Reciprocal rank of the first relevant address in the top `k` (0 when none). */
export function reciprocalRank(item: ComparableItem, ranked: readonly string[], k = 5): number {
  const position = ranked.slice(0, k).findIndex((address) => isRelevant(item, address));
  return position === -1 ? 0 : 1 / (position + 1);
}

/** One system's scores over the eval, filled by the runner. */
export interface SystemScores {
  name: string;
  /** Passed and asked, per eval set ("dev", "project"). */
  bySet: Record<string, { passed: number; total: number }>;
  byCategory: Partial<Record<Category, { passed: number; total: number }>>;
  /** Over items with expected sections. */
  recallAt5: { hits: number; total: number };
  reciprocalRankSum: number;
}

/** A fresh, empty score sheet. */
export function emptyScores(name: string): SystemScores {
  return { name, bySet: {}, byCategory: {}, recallAt5: { hits: 0, total: 0 }, reciprocalRankSum: 0 };
}

/** Records one scored answer (and its ranking, when the item names sections). */
export function recordResult(
  scores: SystemScores,
  entry: { set: string; item: ComparableItem; passed: boolean; ranked: readonly string[]; followUp?: boolean },
): void {
  const tally = (record: { passed: number; total: number }) => {
    record.total += 1;
    if (entry.passed) record.passed += 1;
  };
  tally((scores.bySet[entry.set] ??= { passed: 0, total: 0 }));
  for (const category of categoriesOf(entry.item, { followUp: entry.followUp })) {
    tally((scores.byCategory[category] ??= { passed: 0, total: 0 }));
  }
  if (hasExpectedSections(entry.item)) {
    const rank = reciprocalRank(entry.item, entry.ranked);
    scores.recallAt5.total += 1;
    if (rank > 0) scores.recallAt5.hits += 1;
    scores.reciprocalRankSum += rank;
  }
}

/** Passed over asked across every set. */
export function overall(scores: SystemScores): { passed: number; total: number } {
  return Object.values(scores.bySet).reduce(
    (sum, record) => ({ passed: sum.passed + record.passed, total: sum.total + record.total }),
    { passed: 0, total: 0 },
  );
}

function rate(record: { passed: number; total: number } | undefined): string {
  if (!record || record.total === 0) return '—';
  return `${((100 * record.passed) / record.total).toFixed(1)}% (${record.passed}/${record.total})`;
}

/** Pass rate of one column as a fraction, NaN when the column is empty. */
export function passRate(record: { passed: number; total: number } | undefined): number {
  return record && record.total > 0 ? record.passed / record.total : Number.NaN;
}

/** Rows of the comparison for one group of sets; `label` prefixes the first row when given. */
function comparisonRows(systems: SystemScores[], label?: string): string[][] {
  const sets = [...new Set(systems.flatMap((system) => Object.keys(system.bySet)))];
  const title = label ? `**${label}: pass rate, all**` : '**pass rate, all**';
  return [
    [title, ...systems.map((system) => `**${rate(overall(system))}**`)],
    ...sets.map((set) => [`pass rate, ${set} set`, ...systems.map((system) => rate(system.bySet[set]))]),
    ...CATEGORIES.filter((category) => systems.some((system) => system.byCategory[category])).map((category) => [
      `— ${category}`,
      ...systems.map((system) => rate(system.byCategory[category])),
    ]),
    ['recall@5 (right address)', ...systems.map((system) => rate({ passed: system.recallAt5.hits, total: system.recallAt5.total }))],
    [
      'MRR (top 5)',
      ...systems.map((system) =>
        system.recallAt5.total === 0 ? '—' : (system.reciprocalRankSum / system.recallAt5.total).toFixed(3),
      ),
    ],
  ];
}

/** The comparison as one markdown table: a row per figure, a column per system. */
export function renderComparisonTable(systems: SystemScores[]): string {
  return markdownTable(['', ...systems.map((system) => system.name)], comparisonRows(systems));
}

/**
 * Several comparisons over the same systems (in the same order) as one table: each group
 * (plan sets, real-document sets) with its own overall, per-set and per-kind rows.
 */
export function renderGroupedComparison(groups: Array<{ label: string; systems: SystemScores[] }>): string {
  const names = groups[0]?.systems.map((system) => system.name) ?? [];
  return markdownTable(['', ...names], groups.flatMap((group) => comparisonRows(group.systems, group.label)));
}
