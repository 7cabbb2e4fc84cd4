/**
 * GET /api/documents and /api/documents/:id over the REAL server, with the seven real documents
 * (test/fixtures/real-docs) dropped into a copy of the shipped corpus: each listed with its
 * type, number, date, issuer, title and signer read from its own text, or its gaps named.
 */
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../server/core/types.js';
import { SHIPPED_CORPUS, startRealServer, type RealServer } from './real-server.js';

const REAL_DOCS = fileURLToPath(new URL('../fixtures/real-docs/', import.meta.url));

let server: RealServer;
let corpus: string;
let documents: DocumentSummary[];

const get = async <T>(route: string): Promise<T> => {
  const response = await fetch(`${server.url}${route}`);
  expect(response.status, route).toBe(200);
  return (await response.json()) as T;
};
const byFile = (prefix: string) => documents.find((doc) => doc.file.startsWith(prefix))!;

beforeAll(async () => {
  corpus = await mkdtemp(path.join(os.tmpdir(), 'real-docs-corpus-'));
  for (const file of await readdir(SHIPPED_CORPUS)) await copyFile(path.join(SHIPPED_CORPUS, file), path.join(corpus, file));
  for (const file of await readdir(REAL_DOCS)) if (/\.(md|html)$/.test(file) && file !== 'README.md') await copyFile(path.join(REAL_DOCS, file), path.join(corpus, file));
  server = await startRealServer({ CORPUS_DIR: corpus });
  documents = (await get<{ documents: DocumentSummary[] }>('/api/documents')).documents;
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await rm(corpus, { recursive: true, force: true });
});

describe('GET /api/documents with the seven real documents', () => {
  it('lists the plan and the seven, each with its header facts', () => {
    expect(documents).toHaveLength(8);
    for (const doc of documents) {
      for (const key of ['type', 'number', 'issuedDate', 'issuer', 'issuerParent', 'place', 'title', 'signer', 'recipients', 'bases', 'effectiveDate', 'replaces', 'gaps']) {
        expect(doc, `${doc.file}: ${key}`).toHaveProperty(key);
      }
    }
  });

  it.each([
    ['chi-thi-012', 'chi-thi', '012/CT-UBND', '2025-11-26', 'Ủy ban nhân dân tỉnh Đắk Lắk', 'Trương Công Thái', 'Phó Chủ tịch'],
    ['ke-hoach-141', 'ke-hoach', '141/KH-UBND', '2025-11-20', 'Uỷ ban nhân dân tỉnh Bắc Ninh', 'Phạm Văn Thịnh', 'Phó Chủ tịch'],
    ['nghi-quyet-81', 'nghi-quyet', '81/2025/NQ-HĐND', '2025-11-27', 'Hội đồng nhân dân thành phố Hà Nội', 'Phùng Thị Hồng Hà', 'Chủ tịch'],
    ['luat-80', 'luat', '80/2025/QH15', '2025-06-24', 'Quốc hội', 'Trần Thanh Mẫn', 'Chủ tịch Quốc hội'],
    ['nghi-dinh-335', 'nghi-dinh', '335/2025/NĐ-CP', '2025-12-21', 'Chính phủ', 'Phạm Thị Thanh Trà', 'Phó Thủ tướng'],
    ['nghi-dinh-361', 'nghi-dinh', '361/2025/NĐ-CP', '2025-12-31', 'Chính phủ', 'Phạm Thị Thanh Trà', 'Phó Thủ tướng'],
  ])('%s: type, number, date, issuer and signer from its own text', (prefix, type, number, date, issuer, name, position) => {
    const doc = byFile(prefix);
    expect(doc).toMatchObject({ type, number, issuedDate: date, issuer });
    expect(doc.signer).toMatchObject({ name, position });
    expect(doc.title.length).toBeGreaterThan(10);
  });

  it('names what NĐ 170 lacks, and where its date came from', () => {
    const decree = byFile('nghi-dinh-170');
    expect(decree).toMatchObject({ type: 'nghi-dinh', number: '170/2025/NĐ-CP', issuedDate: '2025-06-30', issuer: 'Chính phủ', signer: null });
    expect(decree.gaps.map((gap) => gap.field)).toEqual(['date', 'place', 'signer', 'recipients']);
    expect(decree.factSources.date?.quote).toContain('Kèm theo Nghị định số 170/2025/NĐ-CP ngày 30 tháng 6 năm 2025');
    expect(decree.effectiveDate).toBe('2025-07-01');
    expect(decree.replaces.map((item) => item.number)).toContain('138/2020/NĐ-CP');
  });

  it('keeps the shipped plan as before: no number, no day, year 2026, its signer', () => {
    const plan = documents.find((doc) => doc.file.endsWith('.txt'))!;
    expect(plan).toMatchObject({ type: 'ke-hoach', number: null, issuedDate: null, issuer: 'Ủy ban nhân dân tỉnh Ninh Bình' });
    expect(plan.signer?.name).toBe('Nguyễn Anh Chức');
  });
});

describe('GET /api/documents/:id', () => {
  it('gives the whole document with its facts beside it', async () => {
    const law = await get<DocumentSummary & { text: string; sections: Array<{ address: string }>; header: { number: string } }>(`/api/documents/${byFile('luat-80').id}`);
    expect(law).toMatchObject({ type: 'luat', number: '80/2025/QH15', issuedDate: '2025-06-24', effectiveDate: '2025-07-01', header: { number: '80/2025/QH15' } });
    expect(law.signer).toMatchObject({ name: 'Trần Thanh Mẫn', position: 'Chủ tịch Quốc hội', authority: [] });
    expect(law.text).toContain(law.effectiveSource!.quote);
    expect(law.sections.some((section) => section.address === law.effectiveSource!.section)).toBe(true);
    expect(law.gaps.find((gap) => gap.field === 'issuer')?.reason.length).toBeGreaterThan(20);
  });
});

describe('POST /api/ask with a documentId', () => {
  const ask = async (body: Record<string, unknown>) => {
    const response = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as { answer: string; citations: Array<{ documentId: string }>; error?: { code: string } } };
  };

  it('answers only from the document picked, whatever the question names', async () => {
    const directive = byFile('chi-thi-012').id;
    const picked = await ask({ question: 'Ai ký văn bản?', documentId: directive });
    expect(picked.status).toBe(200);
    expect(picked.body.answer).toContain('Trương Công Thái');
    expect(new Set(picked.body.citations.map((citation) => citation.documentId))).toEqual(new Set([directive]));
  });

  it('refuses an unknown document id and a wrong type, with the field named', async () => {
    const unknown = await ask({ question: 'Ai ký?', documentId: 'khong-co-van-ban-nay' });
    expect(unknown.status).toBe(404);
    const wrong = await ask({ question: 'Ai ký?', documentId: 42 });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('documentId');
  });
});
