import { describe, expect, it } from 'vitest';
import { GENERATED_MARKER, generateCorpus, generateQuestions } from '../../bench/generate-corpus.js';

describe('generated corpus', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateCorpus({ items: 30, itemsPerDocument: 10, seed: 7 });
    const b = generateCorpus({ items: 30, itemsPerDocument: 10, seed: 7 });
    const c = generateCorpus({ items: 30, itemsPerDocument: 10, seed: 8 });
    expect(a.map((d) => d.text)).toEqual(b.map((d) => d.text));
    expect(a[0].text).not.toBe(c[0].text);
  });

  it('writes the requested number of items in the plan\'s shape, marked as generated', () => {
    const documents = generateCorpus({ items: 25, itemsPerDocument: 10 });
    expect(documents.map((d) => d.items.length)).toEqual([10, 10, 5]);
    for (const document of documents) {
      expect(document.text.split('\n')[0]).toBe(GENERATED_MARKER);
      for (const heading of ['I. MỤC ĐÍCH, YÊU CẦU', 'II. NHIỆM VỤ, GIẢI PHÁP', 'III. TỔ CHỨC THỰC HIỆN', 'Nơi nhận:']) {
        expect(document.text).toContain(heading);
      }
      for (const item of document.items) {
        expect(document.text).toContain(`\n${item.number}. ${item.title}`);
        expect(document.text).toContain(`- Đơn vị chủ trì thực hiện: ${item.lead}.`);
        expect(document.text).toContain(`- Thời gian thực hiện: ${item.timeline}`);
      }
    }
    expect(new Set(documents.map((d) => d.file)).size).toBe(documents.length);
  });

  it('asks about items by their topic and lists every item sharing it', () => {
    const documents = generateCorpus({ items: 400, itemsPerDocument: 50 });
    const questions = generateQuestions(documents, 40, 3);
    expect(questions).toHaveLength(40);
    const items = documents.flatMap((document) => document.items.map((item) => ({ file: document.file, item })));
    for (const question of questions) {
      expect(question.question).toContain(question.topic.toLowerCase());
      const sharing = items.filter(({ item }) => item.topic === question.topic);
      expect(question.targets).toEqual(sharing.map(({ file, item }) => ({ file, itemNumber: item.number })));
      for (const { item } of sharing) expect(item.title.startsWith(question.topic)).toBe(true);
    }
  });
});
