/**
 * The same question typed with and without diacritics, with the trade's abbreviations, with
 * typos, or in English gets the same answer: same cited sections, and the same answer text
 * where the wording does not depend on the question.
 */
import { describe, expect, it } from 'vitest';
import type { AskResponse } from '../../server/core/types.js';
import { useShippedAssistant } from './shipped-index.js';

const { ask } = useShippedAssistant();

const sections = (response: AskResponse): string[] => response.citations.map((citation) => citation.section);

describe('accented and unaccented forms', () => {
  it.each([
    ['Ai chủ trì rà soát khung năng lực vị trí việc làm?', 'ai chu tri ra soat khung nang luc vi tri viec lam'],
    ['Đơn vị nào phối hợp tuyển dụng công chức?', 'don vi nao phoi hop tuyen dung cong chuc'],
    ['Khi nào phải hoàn thành rà soát đánh giá chất lượng đội ngũ cán bộ?', 'khi nao phai hoan thanh ra soat danh gia chat luong doi ngu can bo'],
    ['Những nhiệm vụ nào có hạn trong tháng 6/2026?', 'nhung nhiem vu nao co han trong thang 6/2026'],
    ['Sở Nội vụ chủ trì những nhiệm vụ nào?', 'so noi vu chu tri nhung nhiem vu nao'],
    ['Ai ký kế hoạch?', 'ai ky ke hoach'],
    ['Kế hoạch nói gì về cập nhật cơ sở dữ liệu cán bộ, công chức?', 'ke hoach noi gi ve cap nhat co so du lieu can bo cong chuc'],
  ])('%s ≡ %s', async (accented, plain) => {
    const [withMarks, without] = [await ask(accented), await ask(plain)];
    expect(withMarks.abstained).toBe(false);
    expect(sections(without)).toEqual(sections(withMarks));
    expect(without.answer).toBe(withMarks.answer);
  });
});

describe('abbreviations, typos and English', () => {
  it.each([
    ['SNV chủ trì những nv nào?', 'Sở Nội vụ chủ trì những nhiệm vụ nào?'],
    ['Đv nào chủ trì rà soát KNL VTVL của CBCC cấp xã?', 'Đơn vị nào chủ trì rà soát khung năng lực vị trí việc làm của cán bộ, công chức cấp xã?'],
    ['nv7 đv phối hợp là ai?', 'Đơn vị phối hợp nhiệm vụ 7 là ai?'],
    ['Đơn vị nào chủ trì việc tuyển dụg công chức cấp xã?', 'Đơn vị nào chủ trì việc tuyển dụng công chức cấp xã?'],
    ['Thời hạn bồi duỡng cán bộ?', 'Thời hạn bồi dưỡng cán bộ?'],
    ['Ai phoi hpo với Sở Nội vụ trong nhiệm vụ 4?', 'Ai phối hợp với Sở Nội vụ trong nhiệm vụ 4?'],
    ['Who leads task 7?', 'Ai chủ trì nhiệm vụ 7?'],
    ['Which tasks are due in June 2026?', 'Những nhiệm vụ nào có hạn trong tháng 6/2026?'],
    ['Who is in charge of recruiting civil servants for communes?', 'Ai chủ trì tuyển dụng công chức cấp xã?'],
  ])('%s → same sections as %s', async (variant, reference) => {
    const [left, right] = [await ask(variant), await ask(reference)];
    expect(left.abstained).toBe(false);
    expect(new Set(sections(left))).toEqual(new Set(sections(right)));
  });
});
