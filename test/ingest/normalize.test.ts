import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  foldForMatch,
  foldVietnamese,
  normalizeDocumentText,
  toMatchForm,
  tokenizeSyllables,
} from '../../ingest/normalize/index.js';

const PLAN_FILE = new URL('../../corpus/ke-hoach-nang-cao-chat-luong-cbcc-cap-xa-ninh-binh-2026.txt', import.meta.url);
const planRaw = readFileSync(PLAN_FILE, 'utf8');

describe('normalizeDocumentText: cleaning', () => {
  it('composes to NFC, unifies line ends, strips BOM, zero-width chars and trailing spaces', () => {
    const raw = '\uFEFFTi\u0301nh.\u200B   \r\nhi\u0300nh.  \rmo\u031B\u0301i\n';
    expect(normalizeDocumentText(raw)).toBe('Tính.\nhình.\nmới');
  });

  it('reduces runs of blank lines to one blank line and trims the ends', () => {
    expect(normalizeDocumentText('\n\n\nA.\n\n\n\n\nB.\n \n\t\nC.\n\n')).toBe('A.\n\nB.\n\nC.');
  });

  it('treats a form feed as a paragraph break and no-break spaces as spaces', () => {
    expect(normalizeDocumentText('Sở\u00A0Nội vụ.\fTrang sau.')).toBe('Sở Nội vụ.\n\nTrang sau.');
  });
});

describe('normalizeDocumentText: hard-wrap repair', () => {
  it('joins a line that continues the one before in lowercase, with one space', () => {
    expect(normalizeDocumentText('Thực hiện nghiêm việc cải\ncách thủ tục, nâng cao chất lượng,\nkiểm soát chặt chẽ.')).toBe(
      'Thực hiện nghiêm việc cải cách thủ tục, nâng cao chất lượng, kiểm soát chặt chẽ.',
    );
    expect(normalizeDocumentText('Bắc Ninh, ngày 20\ntháng 11 năm 2025')).toBe('Bắc Ninh, ngày 20 tháng 11 năm 2025');
  });

  it('keeps a line break before a lettered point, after a sentence, a heading, a table row or before a capital', () => {
    for (const text of ['1. Sở Nội vụ\na) Tham mưu', 'như sau:\nđ) Điểm', 'Xong.\nviệc khác', 'KẾ HOẠCH\nnâng cao', '| a | b |\nghi chú', 'Căn cứ Luật\nCăn cứ Nghị định']) {
      expect(normalizeDocumentText(text)).toBe(text);
    }
  });

  it('never joins a paragraph that opens with a lettered point', () => {
    expect(normalizeDocumentText('**3. Sở Nội vụ**\n\na) Tiếp tục tham mưu')).toBe('**3. Sở Nội vụ**\n\na) Tiếp tục tham mưu');
  });
});

describe('normalizeDocumentText: page-break repair', () => {
  it('rejoins a paragraph cut before a lowercase continuation', () => {
    expect(normalizeDocumentText('các nghị\n\nquyết, kết luận.')).toBe('các nghị quyết, kết luận.');
    expect(normalizeDocumentText('tình hình, yêu\n\n\ncầu thực tiễn.')).toBe('tình hình, yêu cầu thực tiễn.');
  });

  it('keeps a break after terminal punctuation, before a capital, after a heading or a table row', () => {
    for (const text of ['Xong.\n\nviệc khác', 'Câu một\n\nCâu hai', 'KẾ HOẠCH\n\nnâng cao', '| a | b |\n\nghi chú']) {
      expect(normalizeDocumentText(text)).toBe(text);
    }
  });

  it('repairs the shipped plan: "các nghị quyết" and "yêu cầu thực tiễn"', () => {
    const text = normalizeDocumentText(planRaw);
    expect(text).toContain('các nghị quyết, kết luận, quy định của Ban Chấp hành Trung ương Đảng');
    expect(text).toContain('tình hình, yêu cầu thực tiễn, tham mưu');
    expect(text).not.toContain('các nghị\n');
  });
});

describe('normalizeDocumentText: footnotes', () => {
  it('lifts footnotes out of a sentence cut by a page break and rejoins the sentence', () => {
    const raw = 'bảo đảm “đúng người, đúng thời\n\n¹ Văn bản thứ nhất.\n\n² Văn bản thứ hai.\n\nđiểm, đúng địa bàn” và tiếp.\n\nĐoạn cuối.';
    expect(normalizeDocumentText(raw)).toBe(
      'bảo đảm “đúng người, đúng thời điểm, đúng địa bàn” và tiếp.\n\nĐoạn cuối.\n\n¹ Văn bản thứ nhất.\n\n² Văn bản thứ hai.',
    );
  });

  it('moves a footnote standing between two whole paragraphs, "[n]" style included', () => {
    const raw = 'Đoạn một.\n\n[1] Chú thích một.\n\nĐoạn hai.';
    expect(normalizeDocumentText(raw)).toBe('Đoạn một.\n\nĐoạn hai.\n\n[1] Chú thích một.');
  });

  it('repairs the shipped plan: item 5 reads on, footnotes at the end verbatim', () => {
    const text = normalizeDocumentText(planRaw);
    expect(text).toContain('“đúng người, đúng việc, đúng thời điểm, đúng địa bàn” và phát huy');
    const first = text.indexOf('¹ Văn bản số 533-CV/BTCTW');
    const second = text.indexOf('² Văn bản số 4614/BNV-CVCC');
    expect(first).toBeGreaterThan(text.indexOf('Nguyễn Anh Chức'));
    expect(second).toBeGreaterThan(first);
    expect(text.endsWith('đối với công chức cấp xã.')).toBe(true);
  });

  it('loses and reorders no body character: the plan without footnotes and whitespace is unchanged', () => {
    const text = normalizeDocumentText(planRaw);
    const strip = (s: string) =>
      s
        .split(/\n\s*\n/)
        .filter((paragraph) => !/^[¹²]/.test(paragraph.trim()))
        .join('')
        .replace(/\s+/g, '');
    expect(strip(text)).toBe(strip(planRaw.normalize('NFC')));
  });

  it('is idempotent on the shipped plan', () => {
    const once = normalizeDocumentText(planRaw);
    expect(normalizeDocumentText(once)).toBe(once);
  });
});

describe('toMatchForm', () => {
  it('puts the tone of open oa/oe/uy syllables on the first vowel', () => {
    expect(toMatchForm('Uỷ ban')).toBe('ủy ban');
    expect(toMatchForm('hoà thuỷ khoẻ HOÁ xoè')).toBe('hòa thủy khỏe hóa xòe');
    expect(toMatchForm('Nguỵ')).toBe('ngụy');
  });

  it('leaves closed syllables and "qu" alone, and is already right for the first form', () => {
    expect(toMatchForm('hoàng quý quỳnh thuyết toán')).toBe('hoàng quý quỳnh thuyết toán');
    expect(toMatchForm('ủy hòa')).toBe('ủy hòa');
  });

  it('makes both spellings equal', () => {
    expect(toMatchForm('ỦY BAN NHÂN DÂN')).toBe(toMatchForm('UỶ BAN NHÂN DÂN'));
  });
});

describe('foldVietnamese', () => {
  it('strips marks, maps đ to d and lowercases', () => {
    expect(foldVietnamese('Đơn vị chủ trì: Sở Nội vụ')).toBe('don vi chu tri: so noi vu');
    expect(foldVietnamese('ỦY BAN NHÂN DÂN TỈNH')).toBe('uy ban nhan dan tinh');
  });

  it('folds decomposed input like composed input', () => {
    expect(foldVietnamese('Ti\u0301nh')).toBe('tinh');
  });

  it('preserves length character by character on NFC text (the whole plan)', () => {
    const text = normalizeDocumentText(planRaw);
    const folded = foldVietnamese(text);
    expect(folded.length).toBe(text.length);
    for (let i = 0; i < text.length; i += 1) {
      expect(folded[i]).toBe(foldVietnamese(text[i]));
    }
    const at = folded.indexOf('so noi vu');
    expect(text.slice(at, at + 9)).toBe('Sở Nội vụ');
  });

  it('keeps length for characters outside Latin: emoji, Greek, Hangul, stray marks', () => {
    for (const sample of ['😀 a', 'ΑΒΓ', '한국', 'x\u0301', 'İ']) {
      expect(foldVietnamese(sample).length).toBe(sample.normalize('NFC').length);
    }
  });

  it('foldForMatch equals fold for either tone placement', () => {
    expect(foldForMatch('Hoà Bình')).toBe(foldForMatch('Hòa Bình'));
    expect(foldForMatch('Hoà Bình')).toBe('hoa binh');
  });
});

describe('tokenizeSyllables', () => {
  it('returns folded syllables, splitting on punctuation', () => {
    expect(tokenizeSyllables('Ai chủ trì, rà soát?')).toEqual(['ai', 'chu', 'tri', 'ra', 'soat']);
  });

  it('keeps "&" inside tokens and document numbers whole', () => {
    expect(tokenizeSyllables('Sở KH&CN; Chỉ thị số 18/CT-TTg, Nghị định 30/2020/NĐ-CP.')).toEqual([
      'so',
      'kh&cn',
      'chi',
      'thi',
      'so',
      '18/ct-ttg',
      'nghi',
      'dinh',
      '30/2020/nd-cp',
    ]);
  });

  it('splits "/" and "-" between plain words', () => {
    expect(tokenizeSyllables('và/hoặc kinh tế-xã hội')).toEqual(['va', 'hoac', 'kinh', 'te', 'xa', 'hoi']);
  });
});
