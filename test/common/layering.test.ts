/**
 * Layering: `ingest/` builds the index and must not depend on the server that reads it, and
 * `common/` (shared by both) depends on neither the server nor an entry. Scans the sources'
 * import specifiers (static, dynamic, re-exports), resolved against each file's folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|js|mjs)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/g;

/** `file:line → specifier` for every relative import of `file` that lands under `forbidden`. */
export function importsInto(file: string, source: string, forbidden: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(SPECIFIER)) {
    const specifier = match[2];
    if (!specifier.startsWith('.')) continue;
    const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier));
    if (target === forbidden || target.startsWith(`${forbidden}/`)) {
      const line = source.slice(0, match.index).split('\n').length;
      found.push(`${file}:${line} → ${specifier}`);
    }
  }
  return found;
}

function violations(folder: string, forbidden: string): string[] {
  return sourceFiles(folder).flatMap((file) => importsInto(file, readFileSync(path.join(ROOT, file), 'utf8'), forbidden));
}

describe('layering', () => {
  it('finds an import into a forbidden folder, static or dynamic (the scan itself works)', () => {
    const source = "import { a } from '../../server/config.js';\nconst b = await import('../server/x.js');\nimport './local.js';\n";
    expect(importsInto('ingest/store/x.ts', source, 'server')).toEqual(['ingest/store/x.ts:1 → ../../server/config.js']);
    expect(importsInto('ingest/x.ts', source, 'server')).toEqual(['ingest/x.ts:2 → ../server/x.js']);
  });

  it('no file under ingest/ imports from server/', () => {
    expect(sourceFiles('ingest').length).toBeGreaterThan(20);
    expect(violations('ingest', 'server')).toEqual([]);
  });

  it('no file under common/ imports from server/', () => {
    expect(sourceFiles('common').length).toBeGreaterThan(0);
    expect(violations('common', 'server')).toEqual([]);
  });

  it('each stage of the answer core imports only from itself and the stages before it', () => {
    // Understand (query, intent) → scope → gather (retrieval) → read → decide → compose (answer, which orchestrates).
    const stages = ['query', 'intent', 'scope', 'retrieval', 'read', 'decide', 'answer'];
    const backward = stages.flatMap((stage, index) =>
      stages.slice(index + 1).flatMap((later) => violations(`server/core/${stage}`, `server/core/${later}`)),
    );
    expect(sourceFiles('server/core/decide').length).toBeGreaterThan(2);
    expect(backward).toEqual([]);
  });
});
