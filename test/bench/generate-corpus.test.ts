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

  it('asks about items that exist, in words taken from their titles', () => {
    const documents = generateCorpus({ items: 40, itemsPerDocument: 20 });
    const questions = generateQuestions(documents, 12, 3);
    expect(questions).toHaveLength(12);
    for (const question of questions) {
      const item = documents.find((d) => d.file === question.file)!.items[question.itemNumber - 1];
      const firstWords = item.title.split(' ').slice(0, 3).join(' ').toLowerCase();
      expect(question.question).toContain(firstWords);
    }
  });
});
