/**
 * A requested document (`AskRequest.documentId`, a face's picker) wins the scope stage, over the
 * plan and the seven real documents: only it answers, even when the question names another; an
 * id not loaded is `NotFoundError`. And
 * `listObligations`: a unit's obligations across documents, each with short name and label.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, InvalidInputError } from '../../common/errors.js';
import { documentShortName } from '../../server/core/catalog/obligations.js';
import type { AskResponse } from '../../server/core/types.js';
import { buildRealDocsCorpus, type RealCorpus } from '../mcp/real-index.js';

let corpus: RealCorpus & { corpusDir: string };

beforeAll(async () => {
  corpus = await buildRealDocsCorpus();
}, 120_000);
afterAll(() => corpus.cleanup());

const cited = (response: AskResponse): string[] => [...new Set(response.citations.map((citation) => citation.documentId))];
const idOf = (number: string): string => corpus.assistant.listDocuments().documents.find((doc) => doc.number === number)!.id;

describe('AskRequest.documentId', () => {
  it('confines the answer to the requested document, where the same question otherwise cites several', async () => {
    const plan = idOf('141/KH-UBND');
    const free = await corpus.assistant.ask({ question: 'Sở Nội vụ làm gì?' });
    expect(cited(free).length).toBeGreaterThan(1);
    const confined = await corpus.assistant.ask({ question: 'Sở Nội vụ làm gì?', documentId: plan });
    expect(confined.abstained).toBe(false);
    expect(cited(confined)).toEqual([plan]);
  });

  it('wins over a document the question names', async () => {
    const decree = idOf('335/2025/NĐ-CP');
    const directive = idOf('012/CT-UBND');
    const free = await corpus.assistant.ask({ question: 'Ai ký Chỉ thị 012/CT-UBND?' });
    expect(cited(free)).toEqual([directive]);
    const requested = await corpus.assistant.ask({ question: 'Ai ký Chỉ thị 012/CT-UBND?', documentId: decree });
    expect(cited(requested)).not.toContain(directive);
    for (const id of cited(requested)) expect(id).toBe(decree);
  });

  it('refuses an id that is not loaded, naming the loaded ones', async () => {
    const error = await corpus.assistant.ask({ question: 'Ai ký?', documentId: 'nghi-dinh-30-2020' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain(idOf('335/2025/NĐ-CP'));
  });
});

describe('listObligations', () => {
  it('gives a unit’s obligations across documents by any alias, in corpus order, with short names and labels', () => {
    const all = corpus.assistant.listObligations({ unit: 'so noi vu' });
    const documents = [...new Set(all.map((item) => item.documentId))];
    expect(documents.length).toBeGreaterThanOrEqual(3);
    const order = corpus.assistant.listDocuments().documents.map((doc) => doc.id);
    expect([...documents].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(documents);
    for (const item of all) {
      expect(item.units.map((unit) => unit.name)).toContain('Sở Nội vụ');
      expect(corpus.assistant.getDocument(item.documentId).text).toContain(item.sources.action.quote);
      expect(item.label).not.toMatch(/^(?:header|preamble|signature)$|\.khoan\./);
    }
    expect(corpus.assistant.listObligations({ unit: 'SNV', documentId: idOf('141/KH-UBND'), role: 'lead' }).every((item) => item.role === 'lead')).toBe(true);
    expect(() => corpus.assistant.listObligations({ unit: 'Sở Không Có' })).toThrow(InvalidInputError);
    expect(() => corpus.assistant.listObligations({ documentId: 'khong-co' })).toThrow(NotFoundError);
  });

  it('names documents briefly from the type table and the number', () => {
    expect(documentShortName('nghi-dinh', '335/2025/NĐ-CP')).toBe('NĐ 335/2025');
    expect(documentShortName('ke-hoach', '141/KH-UBND')).toBe('KH 141');
    expect(documentShortName('luat', '80/2025/QH15')).toBe('Luật 80/2025');
    expect(documentShortName('ke-hoach', null)).toBe('Kế hoạch');
  });
});
