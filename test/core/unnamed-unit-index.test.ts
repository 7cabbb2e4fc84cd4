/**
 * `unnamedUnit` reads only the passages its text index picks (answer/unit-text-index.ts); it
 * must decide as the whole-text scan it replaced. The scan is kept here as the reference and
 * both are asked about every organ name the plan and the seven real documents write, names
 * they do not write, acronyms, partial and glued names, over all documents and over each one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchKey, wordTokens } from '../../common/text-key.js';
import { unitNamesByShape } from '../../ingest/extract/index.js';
import type { CorpusDocument } from '../../ingest/types.js';
import { knownBeforePlace, unnamedUnit } from '../../server/core/answer/unnamed-unit.js';
import { buildEnvironment, type AnswerEnvironment } from '../../server/core/environment.js';
import { expandTokens } from '../../server/core/query/vocabulary.js';
import { buildRealDocsCorpus, type RealCorpus } from '../mcp/real-index.js';

const writtenForm = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ');

const textsByDocuments = new WeakMap<object, Array<{ written: string; folded: string }>>();

/** Every in-scope document's whole text, as written and folded (built once per scope). */
function referenceTexts(environment: AnswerEnvironment): Array<{ written: string; folded: string }> {
  let texts = textsByDocuments.get(environment.registry.documents);
  if (texts) return texts;
  texts = environment.registry.documents.flatMap((document) => {
    const chunks = environment.index.chunks.filter((chunk) => chunk.documentId === document.id);
    if (chunks.length === 0) return [];
    const text = chunks.map((chunk) => chunk.text).join('\n|\n');
    return [{ written: writtenForm(text), folded: ` ${wordTokens(matchKey(text)).join(' ')} ` }];
  });
  textsByDocuments.set(environment.registry.documents, texts);
  return texts;
}

/** The previous implementation: every document's whole text, scanned for each name. */
function referenceUnnamedUnit(environment: AnswerEnvironment, question: string): string | null {
  const organs = unitNamesByShape(question, environment.unitShapes).filter((name) => name.head !== undefined && name.position === undefined);
  if (organs.length === 0) return null;
  const texts = referenceTexts(environment);
  const writes = (document: { written: string; folded: string }, name: string): boolean => {
    if (!/\p{Lu}{2,}/u.test(name)) return document.written.includes(writtenForm(name));
    const words = name.trim().split(/\s+/);
    const names = /^\p{Ll}/u.test(words[words.length - 1]) ? [name, words.slice(0, -1).join(' ')] : [name];
    return names.some((candidate) => {
      const tokens = wordTokens(matchKey(candidate));
      return [tokens, expandTokens(tokens, environment.query.vocabulary).tokens].some((form) => document.folded.includes(` ${form.join(' ')} `));
    });
  };
  // The place rule (a known unit, then its place) sits above either way of reading the texts.
  for (const organ of organs) if (!texts.some((document) => writes(document, organ.text)) && !knownBeforePlace(environment, organ.text)) return organ.text.trim();
  return null;
}

/** The environment confined to one document, as the scope stage makes it (a view of the index). */
function confinedTo(environment: AnswerEnvironment, document: CorpusDocument): AnswerEnvironment {
  const view = Object.create(environment.index) as typeof environment.index;
  const registry = { ...environment.registry, documents: [document] };
  Object.assign(view, { registry });
  return { ...environment, registry, index: view };
}

describe('unnamedUnit over its text index', () => {
  let corpus: RealCorpus;
  let environment: AnswerEnvironment;
  let questions: string[];
  beforeAll(async () => {
    corpus = await buildRealDocsCorpus();
    environment = buildEnvironment(corpus.index);
    const written = new Set<string>();
    for (const chunk of corpus.index.chunks) for (const name of unitNamesByShape(chunk.text, environment.unitShapes)) written.add(name.text.trim());
    const names = [...written].filter((name) => name.length > 0);
    const altered = names.slice(0, 40).flatMap((name) => [
      name.slice(0, -1), // cut inside its last word: still written as a prefix
      `${name} Hà`, // one word more
      name.toUpperCase(),
    ]);
    const unwritten = ['Sở Y tế', 'Bộ Công Thương', 'Sở KH&CN', 'Sở GD&ĐT', 'UBND tỉnh Cà Mau', 'Bộ Quốc phòng', 'Sở Du lịch', 'Ban Dân tộc'];
    // The name first (the organ found runs on into the next word) and last (it ends the name).
    questions = [...names, ...altered, ...unwritten].flatMap((name) => [`${name} có nhiệm vụ gì?`, `Nêu nhiệm vụ của ${name}`]);
  }, 180_000);
  afterAll(() => corpus.cleanup());

  it('finds organ names in the documents and some that are not there', () => {
    expect(questions.length).toBeGreaterThan(60);
    expect(questions.filter((question) => referenceUnnamedUnit(environment, question) !== null).length).toBeGreaterThan(5);
    expect(questions.filter((question) => referenceUnnamedUnit(environment, question) === null).length).toBeGreaterThan(20);
  });

  it('decides as the whole-text scan over all documents', () => {
    const differing = questions.filter((question) => unnamedUnit(environment, question) !== referenceUnnamedUnit(environment, question));
    expect(differing).toEqual([]);
  });

  it('decides as the whole-text scan within each document', () => {
    for (const document of corpus.index.registry.documents) {
      const confined = confinedTo(environment, document);
      const differing = questions.filter((question) => unnamedUnit(confined, question) !== referenceUnnamedUnit(confined, question));
      expect(differing, document.id).toEqual([]);
    }
  });
});
