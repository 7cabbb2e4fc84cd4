/**
 * Obligations on disk: stored without the texts they repeat (sources are slices of the
 * document text, the action is its source's text), restored equal; an index written before
 * obligations existed reads with none.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../ingest/extract/index.js';
import { parseDocument } from '../../ingest/parse/index.js';
import { decodeRegistry, encodeRegistry } from '../../ingest/store/registry-codec.js';
import type { Registry } from '../../ingest/types.js';

const PLAN_FILE = 'ke-hoach-nang-cao-chat-luong-cbcc-cap-xa-ninh-binh-2026.txt';
const DIRECTIVE_FILE = 'chi-thi-synthetic.txt';
const read = (url: string) => readFileSync(new URL(url, import.meta.url), 'utf8');
const plan = parseDocument({ file: PLAN_FILE, format: 'txt', text: read(`../../corpus/${PLAN_FILE}`), hash: 'h1' });
const directive = parseDocument({ file: DIRECTIVE_FILE, format: 'txt', text: read(`../fixtures/${DIRECTIVE_FILE}`), hash: 'h2' });
const registry = buildRegistry([plan, directive], [], []);
const roundTrip = (value: Registry) => decodeRegistry(JSON.parse(JSON.stringify(encodeRegistry(value))) as Registry);

describe('obligations in registry.json', () => {
  it('has obligations to store, from both documents', () => {
    expect(new Set(registry.obligations.map((obligation) => obligation.documentId))).toEqual(new Set([plan.id, directive.id]));
  });

  it('stores them without action and source texts, and reads back what was built', () => {
    const stored = encodeRegistry(registry).obligations;
    for (const obligation of stored) {
      expect('action' in obligation).toBe(false);
      expect('text' in obligation.sources.actor).toBe(false);
      expect('text' in obligation.sources.action).toBe(false);
    }
    expect(roundTrip(registry).obligations).toEqual(registry.obligations);
  });

  it('keeps a text that is not a slice of the document', () => {
    const [first] = registry.obligations;
    const edited = { ...registry, obligations: [{ ...first, action: 'khác', sources: { ...first.sources, actor: { ...first.sources.actor, text: 'khác' } } }] };
    expect(roundTrip(edited).obligations).toEqual(edited.obligations);
  });

  it('reads an index written before obligations were stored as having none', () => {
    const { obligations: _dropped, ...old } = encodeRegistry(registry);
    expect(decodeRegistry(JSON.parse(JSON.stringify(old)) as Registry).obligations).toEqual([]);
  });
});
