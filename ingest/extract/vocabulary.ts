/**
 * The extract stage's vocabulary, kept as data in `ingest/vocabulary/`: units (names,
 * aliases, text patterns) and the field labels of plan tasks. Read on first use, then cached.
 */
import { readFileSync } from 'node:fs';
import type { Unit } from '../types.js';

/** A unit as the vocabulary stores it: `patterns` are folded forms the documents write. */
export type VocabularyUnit = Unit & { patterns?: string[] };

/** The shape of `ingest/vocabulary/field-labels.json`. */
export interface FieldLabels {
  lead: string[];
  coordinating: string[];
  timeline: string[];
  taskPartHeadings: string[];
  tableColumns: { number: string[]; task: string[]; lead: string[]; coordinating: string[]; timeline: string[] };
  joiners: string[];
  subjectPrefixes: string[];
}

const UNITS_FILE = new URL('../vocabulary/units.json', import.meta.url);
const LABELS_FILE = new URL('../vocabulary/field-labels.json', import.meta.url);

let unitsCache: VocabularyUnit[] | undefined;
let labelsCache: FieldLabels | undefined;

/** The canonical units of `ingest/vocabulary/units.json` (a fresh copy on every call). */
export function loadUnits(): VocabularyUnit[] {
  unitsCache ??= (JSON.parse(readFileSync(UNITS_FILE, 'utf8')) as { units: VocabularyUnit[] }).units;
  return structuredClone(unitsCache);
}

/** The field labels of `ingest/vocabulary/field-labels.json`. */
export function loadFieldLabels(): FieldLabels {
  labelsCache ??= JSON.parse(readFileSync(LABELS_FILE, 'utf8')) as FieldLabels;
  return labelsCache;
}
