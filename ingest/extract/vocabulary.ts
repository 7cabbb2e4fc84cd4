/**
 * The extract stage's vocabulary, kept as data in `ingest/vocabulary/`: units (names,
 * aliases, text patterns), the field labels of plan tasks, the shapes of unit names and the
 * phrases that assign duties. Read when asked (no module cache): the caller loads it once and
 * passes it down.
 */
import { readFileSync } from 'node:fs';
import type { ObligationRole, Unit, UnitLevel } from '../types.js';

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

/** The shape of `ingest/vocabulary/unit-shapes.json`. */
export interface UnitShapes {
  heads: Array<{ head: string; level: UnitLevel }>;
  councils: Array<{ forms: string[]; name: string }>;
  localities: Array<{ forms: string[]; name: string; level: UnitLevel }>;
  positions: string[];
  expansions: Record<string, string>;
  levelWords: Array<{ words: string[]; level: UnitLevel }>;
}

/** The shape of `ingest/vocabulary/obligation-phrases.json`. */
export interface ObligationPhrases {
  roles: Record<ObligationRole, string[] | undefined>;
  approvedBy: string[];
  byWords: string[];
  coordinatingWith: string[];
  requests: string[];
  timelineNotAfter: string[];
  responsibilityHeadings: string[];
  timelineStarts: string[];
  frequencyWords: string[];
}

/** Everything the extract stage reads from data, passed in as one value. */
export interface ExtractVocabulary {
  units: VocabularyUnit[];
  labels: FieldLabels;
  shapes: UnitShapes;
  phrases: ObligationPhrases;
}

function readVocabularyFile<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../vocabulary/${name}`, import.meta.url), 'utf8')) as T;
}

/** The canonical units of `ingest/vocabulary/units.json` (a fresh copy on every call). */
export function loadUnits(): VocabularyUnit[] {
  return readVocabularyFile<{ units: VocabularyUnit[] }>('units.json').units;
}

/** The field labels of `ingest/vocabulary/field-labels.json`. */
export function loadFieldLabels(): FieldLabels {
  return readVocabularyFile<FieldLabels>('field-labels.json');
}

/** Every vocabulary file of the extract stage, read now. */
/** The shapes of unit names alone (`unit-shapes.json`), for a reader that needs no other vocabulary. */
export function readUnitShapes(): UnitShapes {
  return readVocabularyFile<UnitShapes>('unit-shapes.json');
}

export function loadExtractVocabulary(): ExtractVocabulary {
  return {
    units: loadUnits(),
    labels: loadFieldLabels(),
    shapes: readUnitShapes(),
    phrases: readVocabularyFile<ObligationPhrases>('obligation-phrases.json'),
  };
}
