/**
 * Timeline kinds beyond a plain date, each read on two or more documents: a relative deadline
 * ("trong thời hạn … kể từ …", "chậm nhất là … kể từ …"), "kể từ ngày ký", a yearly day
 * ("trước ngày 15 tháng 12 hằng năm"), a quarter ("Quý IV-2025"), a year and a period.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { findTimelinePhrase, loadExtractVocabulary, parseTimeline } from '../../ingest/extract/index.js';
import { loadFile } from '../../ingest/load/index.js';
import { parseDocument } from '../../ingest/parse/index.js';
import type { CorpusDocument, Timeline } from '../../ingest/types.js';

const vocabulary = loadExtractVocabulary();
const realDocs = fileURLToPath(new URL('../fixtures/real-docs/', import.meta.url));
const FILES = {
  law: 'luat-80-2025-qh15-can-bo-cong-chuc.md',
  decree170: 'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc.md',
  decree335: 'nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc.html',
  decree361: 'nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc.html',
  resolution: 'nghi-quyet-81-2025-nq-hdnd-ha-noi.md',
  plan: 'ke-hoach-141-kh-ubnd-2025-bac-ninh.md',
} as const;
const docs = {} as Record<keyof typeof FILES, CorpusDocument>;

beforeAll(async () => {
  for (const [name, file] of Object.entries(FILES) as Array<[keyof typeof FILES, string]>) {
    const loaded = await loadFile(path.join(realDocs, file), realDocs);
    if (!('text' in loaded)) throw new Error(`${file}: ${loaded.reason}`);
    docs[name] = parseDocument(loaded);
  }
}, 60_000);

/** Every timeline phrase of a document's sections (leaf text), as read. */
function phrases(doc: CorpusDocument): Timeline[] {
  const found: Timeline[] = [];
  for (const section of doc.sections) {
    if (doc.sections.some((child) => child.parent === section.address)) continue;
    for (const sentence of section.text.split(/(?<=[.;])\s+/)) {
      const hit = findTimelinePhrase(sentence, vocabulary.phrases, vocabulary.labels);
      if (hit) {
        expect(hit.timeline.text).toBe(sentence.slice(hit.span.start, hit.span.end));
        found.push(hit.timeline);
      }
    }
  }
  return found;
}

describe('timeline kinds in real documents', () => {
  it('a relative deadline is conditional on its event, with its length and no made-up date (NĐ 335, NĐ 361, NĐ 170)', () => {
    for (const name of ['decree335', 'decree361', 'decree170'] as const) {
      const relative = phrases(docs[name]).filter((timeline) => timeline.within);
      expect(relative.length, name).toBeGreaterThan(0);
      for (const timeline of relative) {
        expect(timeline.kind).toBe('conditional');
        expect(timeline.trigger).toMatch(/^kể từ /i);
        expect(timeline.due).toBeUndefined();
      }
    }
    expect(phrases(docs.decree335).some((timeline) => timeline.within === '07 ngày làm việc')).toBe(true);
    expect(phrases(docs.decree170).some((timeline) => /^chậm nhất là/i.test(timeline.text) && timeline.within === '45 ngày')).toBe(true);
  });

  it('"kể từ ngày ký (ban hành)" is conditional on the signing (NĐ 361, NQ 81)', () => {
    for (const name of ['decree361', 'resolution'] as const) {
      expect(phrases(docs[name]).some((timeline) => timeline.kind === 'conditional' && /^kể từ ngày ký(?!\p{L})/u.test(timeline.trigger ?? '')), name).toBe(true);
    }
  });

  it('NĐ 335 Điều 19 khoản 2: "trước ngày 15 tháng 12 hằng năm" is yearly on 15/12', () => {
    const clause = docs.decree335.sections.find((section) => section.address === 'dieu.19.khoan.2')!;
    const hit = findTimelinePhrase(clause.text, vocabulary.phrases, vocabulary.labels);
    expect(hit?.timeline).toEqual({ text: 'trước ngày 15 tháng 12 hằng năm', kind: 'recurring', frequency: 'yearly', day: '--12-15' });
  });

  it('a period "2026-2030" is due on its last day, with its first day (Kế hoạch 141, and as a cell)', () => {
    expect(phrases(docs.plan).length).toBeGreaterThan(0);
    const plan = docs.plan.text.match(/Giai\s+đoạn\s+2026-2030[^.\n]*\./u)?.[0] ?? '';
    expect(parseTimeline(plan)).toMatchObject({ kind: 'deadline', due: '2030-12-31', start: '2026-01-01' });
    expect(parseTimeline('2026-2030')).toMatchObject({ kind: 'deadline', due: '2030-12-31', start: '2026-01-01' });
  });
});

describe('parseTimeline: the new forms', () => {
  const cases: Array<[string, Partial<Timeline>]> = [
    ['Chậm nhất là ngày 15/12/2025.', { kind: 'deadline', due: '2025-12-15' }],
    ['trong thời hạn 03 tháng kể từ ngày Nghị định này có hiệu lực', { kind: 'conditional', within: '03 tháng', trigger: 'kể từ ngày Nghị định này có hiệu lực' }],
    ['Trước ngày 15/11 hằng năm', { kind: 'recurring', frequency: 'yearly', day: '--11-15' }],
    ['Quý IV-2025', { kind: 'deadline', due: '2025-12-31' }],
    ['Quý II năm 2026', { kind: 'deadline', due: '2026-06-30' }],
    ['Năm 2026', { kind: 'deadline', due: '2026-12-31' }],
    ['kể từ ngày ký', { kind: 'conditional', trigger: 'kể từ ngày ký' }],
    ['Trước ngày 31/2 hằng năm', { kind: 'recurring', frequency: 'yearly' }],
  ];
  for (const [text, timeline] of cases) it(`reads "${text}"`, () => expect(parseTimeline(text)).toMatchObject(timeline));

  it('does not make a yearly day of an impossible date', () => {
    expect(parseTimeline('Trước ngày 31/2 hằng năm').day).toBeUndefined();
  });
});
