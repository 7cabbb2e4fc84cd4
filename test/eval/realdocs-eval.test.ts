import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collapse, markdownReading, readingText } from './realdocs/source-text.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DOCS = path.resolve(HERE, '../fixtures/real-docs');

interface Item {
  id: string;
  q: string;
  document?: string;
  why?: string;
  abstain?: boolean;
  conversation?: string;
}

const set = JSON.parse(fs.readFileSync(path.join(HERE, 'realdocs-eval.json'), 'utf8')) as { items: Item[] };
const files = new Map(
  fs
    .readdirSync(DOCS)
    .filter((file) => file !== 'README.md')
    .map((file) => [file.replace(/\.[^.]+$/, ''), path.join(DOCS, file)]),
);
const texts = new Map([...files].map(([stem, file]) => [stem, readingText(file)]));

describe('the real-document eval set', () => {
  it('has unique ids and about 120 questions, a dozen of them abstentions', () => {
    const ids = set.items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(set.items.length).toBeGreaterThanOrEqual(110);
    expect(set.items.filter((item) => item.abstain).length).toBeGreaterThanOrEqual(10);
  });

  it('names, for every answerable item, one of the seven documents', () => {
    for (const item of set.items.filter((entry) => !entry.abstain)) {
      expect(files.has(item.document ?? ''), `${item.id}: ${item.document}`).toBe(true);
    }
  });

  it('quotes, for every answerable item, a sentence found verbatim in its document', () => {
    const missing = set.items
      .filter((item) => !item.abstain)
      .filter((item) => !item.why || !(texts.get(item.document ?? '') ?? '').includes(collapse(item.why)))
      .map((item) => item.id);
    expect(missing).toEqual([]);
  });

  it('gives every abstention a reason', () => {
    for (const item of set.items.filter((entry) => entry.abstain)) expect(item.why?.length ?? 0).toBeGreaterThan(10);
  });
});

describe('reading text of a Markdown page', () => {
  it('drops emphasis marks and lone cell separators, and collapses wrapped lines', () => {
    expect(markdownReading('|\n**Số: 1/KH**\n|\n*Đơn vị chủ trì: *Sở\nTư pháp.')).toBe('Số: 1/KH Đơn vị chủ trì: Sở Tư pháp.');
  });
});
