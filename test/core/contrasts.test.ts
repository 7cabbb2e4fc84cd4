/**
 * Contrast groups (server/core/query/contrasts.ts): read from data, longest phrase first, one
 * word matched only when typed with diacritics; malformed data fails with a clear error.
 */
import { describe, expect, it } from 'vitest';
import { compileContrasts, contradicts, defaultContrasts, membersIn, namedContrasts } from '../../server/core/query/contrasts.js';
import { accentedKey, foldedTokens, wordTokens } from '../../common/text-key.js';

const accented = (text: string): string[] => wordTokens(accentedKey(text));

describe('contrast groups', () => {
  const groups = compileContrasts({
    groups: [
      { name: 'level', members: [['cấp tỉnh', 'tỉnh'], ['cấp xã', 'xã']] },
      { name: 'role', members: [['người đứng đầu'], ['cấp phó người đứng đầu', 'cấp phó']] },
    ],
  });
  const [level, role] = groups;

  it('reads the longest phrase first: the deputy of the head is the deputy only', () => {
    expect([...membersIn(role, accented('cấp phó người đứng đầu cơ quan chuyên môn'), false)]).toEqual([1]);
    expect([...membersIn(role, accented('người đứng đầu, cấp phó người đứng đầu'), false)].sort()).toEqual([0, 1]);
  });

  it('matches a one-word member only with diacritics ("tinh" may be "tình", "tính")', () => {
    expect(membersIn(level, foldedTokens('co tinh ty le khong'), true).size).toBe(0);
    expect([...membersIn(level, foldedTokens('ubnd cap tinh'), true)]).toEqual([0]);
    expect([...namedContrasts(groups, accented('UBND tỉnh làm gì'), true)[0].members]).toEqual([0]);
  });

  it('flags a sentence naming only another member of a named group', () => {
    const question = namedContrasts(groups, accented('cơ quan chuyên môn thuộc xã'), true);
    expect(contradicts(question, accented('cơ quan chuyên môn thuộc tỉnh'))).toBe(true);
    expect(contradicts(question, accented('cơ quan chuyên môn thuộc xã'))).toBe(false);
    expect(contradicts(question, accented('cơ quan chuyên môn thuộc tỉnh và thuộc xã'))).toBe(false);
    expect(contradicts(question, accented('cơ quan chuyên môn'))).toBe(false);
  });

  it('reads a phrase the data cancels before a word as no member ("xã hội" is not cấp xã)', () => {
    const shipped = defaultContrasts();
    const levels = shipped.find((group) => group.phrases.some((phrase) => phrase.accented.join(' ') === 'xã'));
    expect(levels).toBeDefined();
    if (!levels) return;
    expect(membersIn(levels, accented('đóng bảo hiểm xã hội'), false).size).toBe(0);
    expect(membersIn(levels, accented('công chức ở xã hằng năm'), false).size).toBe(1);
  });

  it('rejects malformed data with a message naming the problem', () => {
    expect(() => compileContrasts({})).toThrow(/groups/);
    expect(() => compileContrasts({ groups: [{ name: 'x', members: [['a']] }] })).toThrow(/at least two members/);
    expect(() => compileContrasts({ groups: [{ name: 'x', members: [['a'], []] }] })).toThrow(/non-empty/);
    expect(() => compileContrasts({ groups: [{ name: 'x', members: [['a'], [{ words: 'b' }]] }] })).toThrow(/notBefore/);
  });

  it('ships groups that compile', () => {
    expect(defaultContrasts().length).toBeGreaterThan(1);
  });
});
