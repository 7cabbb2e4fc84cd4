/**
 * Decide and understand fixes of session 4, on the real documents (test/fixtures/real-docs):
 * - a question asking what a numbered appendix or form lists, of a document whose loaded copy
 *   has no appendix (NĐ 335, NĐ 361 copied without them), abstains and says why, instead of
 *   quoting the clause that names the appendix;
 * - "bao nhiêu phần trăm" asks for a share, not how many parts a document has.
 */
import { describe, expect, it } from 'vitest';
import { useRealDocsAssistant } from './shipped-index.js';

const { ask } = useRealDocsAssistant();

describe('an appendix the loaded copy lacks', () => {
  it('abstains on what it lists, naming the document, for two decrees', async () => {
    for (const [question, name] of [
      ['Mẫu số 02 Phiếu xếp loại chất lượng trong Phụ lục II Nghị định 335 gồm những mục nào?', 'Nghị định số 335/2025/NĐ-CP'],
      ['Phụ lục V của Nghị định 361 liệt kê những vị trí việc làm nào?', 'Nghị định số 361/2025/NĐ-CP'],
    ]) {
      const response = await ask(question);
      expect(response.abstained, question).toBe(true);
      expect(response.abstainReason).toBe('appendix-not-loaded');
      expect(response.answer).toContain(name);
      expect(response.citations).toEqual([]);
    }
  });

  it('still answers which appendix holds a list, from the decree’s body', async () => {
    const response = await ask('Danh mục vị trí việc làm công chức ở cấp xã được ban hành tại phụ lục nào của Nghị định 361?');
    expect(response.abstainReason).not.toBe('appendix-not-loaded');
  });
});

describe('"bao nhiêu phần trăm"', () => {
  it('is not read as a question on a document’s parts', async () => {
    const share = await ask('Phụ cấp công vụ của công chức cấp xã hiện nay là bao nhiêu phần trăm?');
    expect(share.intent).not.toBe('document-fact');
    expect(share.abstained).toBe(true);
    const parts = await ask('Kế hoạch 141 gồm mấy phần?');
    expect(parts.intent).toBe('document-fact');
    expect(parts.answer).toContain('4 phần');
  });
});
