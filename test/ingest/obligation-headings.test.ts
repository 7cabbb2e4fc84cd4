/**
 * An article headed "Thẩm quyền, trách nhiệm của <unit>" makes that unit responsible for each of
 * its khoản, whose sentences name no actor ("4. Chủ trì, phối hợp với bộ quản lý ngành, lĩnh
 * vực đề xuất …"). Read on NĐ 361 (Điều 10 Bộ Nội vụ, Điều 11 bộ and Ủy ban nhân dân cấp tỉnh)
 * (the shorter "Trách nhiệm của …" headings are read in obligations-real-docs), through the loaders,
 * the parser and buildRegistry.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../ingest/extract/index.js';
import { loadFile } from '../../ingest/load/index.js';
import { parseDocument } from '../../ingest/parse/index.js';
import type { CorpusDocument, Registry } from '../../ingest/types.js';

const fixtures = fileURLToPath(new URL('../fixtures/real-docs/', import.meta.url));
let registry: Registry;
let decree361: CorpusDocument;

beforeAll(async () => {
  const loaded = await loadFile(path.join(fixtures, 'nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc.html'), fixtures);
  if (!('text' in loaded)) throw new Error(loaded.reason);
  decree361 = parseDocument(loaded);
  registry = buildRegistry([decree361], [], []);
}, 60_000);

const actorsAt = (address: string): string[] =>
  registry.obligations
    .filter((obligation) => obligation.documentId === decree361.id && obligation.address === address)
    .flatMap((obligation) => obligation.actors.map((id) => registry.units.find((unit) => unit.id === id)?.name ?? id));

describe('"Thẩm quyền, trách nhiệm của …" headings', () => {
  it('make the unit named responsible for every khoản of the article', () => {
    for (const clause of [1, 2, 3, 4]) expect(actorsAt(`dieu.10.khoan.${clause}`), `khoản ${clause}`).toContain('Bộ Nội vụ');
  });

  it('name every unit of the heading, and quote the heading as the source', () => {
    const obligation = registry.obligations.find((item) => item.documentId === decree361.id && item.address === 'dieu.11.khoan.2');
    expect(obligation).toBeDefined();
    expect(obligation?.actors.length).toBeGreaterThanOrEqual(1);
    expect(obligation?.sources.actor.text).toContain('Thẩm quyền, trách nhiệm của');
    expect(decree361.text.slice(obligation?.sources.actor.span.start, obligation?.sources.actor.span.end)).toBe(obligation?.sources.actor.text);
  });
});
