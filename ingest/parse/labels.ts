/**
 * Display labels of addresses: what people see instead of "dieu.18.khoan.1" — the way the
 * document itself would name the place ("Điều 18 khoản 1", "điểm a khoản 2 Điều 30",
 * "mục II.5", "Mục 1 Chương II", "Phụ lục I, dòng 4"). Pure: the label depends on the address
 * alone, so it is stable across re-ingest and can be computed for any address a face receives.
 */

const ROMAN: ReadonlyArray<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** 4 → "IV". */
export function toRoman(value: number): string {
  let rest = value;
  let out = '';
  for (const [amount, letters] of ROMAN) {
    while (rest >= amount) {
      out += letters;
      rest -= amount;
    }
  }
  return out;
}

const FIXED: Readonly<Record<string, string>> = {
  header: 'phần đầu văn bản',
  preamble: 'phần mở đầu',
  closing: 'đoạn kết',
  recipients: 'phần Nơi nhận',
  signature: 'phần chữ ký',
};

/** Kinds of address pairs ("dieu.5") and the word each stands for. */
const PAIR_KINDS = new Set(['chuong', 'muc', 'dieu', 'khoan', 'diem', 'table', 'row', 'p']);

/** "II" stays, "2" → "II": chapters are numbered in Roman numerals in the text. */
function roman(value: string): string {
  return /^\d+$/.test(value) ? toRoman(Number(value)) || value : value;
}

/**
 * A repeated address of a misnumbered source ("dieu.5_2", "dieu.5_2.khoan.1") names the
 * occurrence: the label of "dieu.5" plus " (lần thứ 2)".
 */
function splitRepeat(address: string): { base: string; repeat: string } {
  const match = /_(\d+)(?=\.|$)/.exec(address);
  if (!match) return { base: address, repeat: '' };
  return { base: address.replace(/_\d+(?=\.|$)/g, ''), repeat: ` (lần thứ ${match[1]})` };
}

/** Label of Chương / Mục / Điều / khoản / điểm / bảng / dòng / đoạn pairs. */
function pairLabel(names: Readonly<Record<string, string>>): string {
  if (names.table !== undefined) return names.row !== undefined ? `bảng ${names.table}, dòng ${names.row}` : `bảng ${names.table}`;
  if (names.p !== undefined) return `đoạn ${names.p}`;
  if (names.dieu !== undefined) {
    if (names.diem !== undefined) return `điểm ${names.diem}${names.khoan ? ` khoản ${names.khoan}` : ''} Điều ${names.dieu}`;
    return names.khoan !== undefined ? `Điều ${names.dieu} khoản ${names.khoan}` : `Điều ${names.dieu}`;
  }
  const words: string[] = [];
  if (names.muc !== undefined) words.push(`Mục ${names.muc}`);
  if (names.chuong !== undefined) words.push(`Chương ${roman(names.chuong)}`);
  return words.join(' ');
}

/** Label of an address inside the body (no appendix prefix), or null when of no known shape. */
function bodyLabel(address: string): string | null {
  const fixed = FIXED[address];
  if (fixed) return fixed;
  if (/^[IVXLC]+$/.test(address)) return `phần ${address}`;
  const closing = /^([IVXLC]+)\.closing$/.exec(address);
  if (closing) return `đoạn kết phần ${closing[1]}`;
  // Items of plans and directives: "II.5", "II.6.a", "3", "3.a", "chuong.1.2" (item under a chapter).
  if (/^([IVXLC]+|\d+)(\.[0-9a-zđ]+)*$/.test(address)) return `mục ${address}`;
  const parts = address.split('.');
  const names: Record<string, string> = {};
  let i = 0;
  while (i + 1 < parts.length && PAIR_KINDS.has(parts[i])) {
    names[parts[i]] = parts[i + 1];
    i += 2;
  }
  if (i === 0) return null;
  const head = pairLabel(names);
  if (i === parts.length) return head || null;
  const rest = bodyLabel(parts.slice(i).join('.'));
  if (!rest) return null;
  return head ? `${rest} ${head}` : rest;
}

const APPENDIX = /^(phu-luc(?:\.(\d+))?|mau\.[0-9a-zA-Z]+|kem-theo)(?:\.(mau\.[0-9a-zA-Z]+))?(?:\.(.+))?$/;

/**
 * "phu-luc.1.mau.2.table.1.row.4" → "Phụ lục I, Mẫu số 2, dòng 4", "kem-theo.dieu.3" → "văn bản
 * kèm theo, Điều 3"; null when the address is not in an appendix, a form or an attached text.
 */
function appendixLabel(address: string): string | null {
  const match = APPENDIX.exec(address);
  if (!match) return null;
  const [, container, number, form, rest] = match;
  const names: string[] = [];
  if (container.startsWith('phu-luc')) names.push(number ? `Phụ lục ${toRoman(Number(number))}` : 'Phụ lục');
  else if (container === 'kem-theo') names.push('văn bản kèm theo');
  else names.push(`Mẫu số ${container.slice(4)}`);
  if (form) names.push(`Mẫu số ${form.slice(4)}`);
  const where = names.join(', ');
  if (!rest) return where;
  // The first table of an appendix is "its" table: "Phụ lục I, dòng 4".
  const row = /^table\.(\d+)\.row\.(\d+)$/.exec(rest);
  if (row) return row[1] === '1' ? `${where}, dòng ${row[2]}` : `${where}, bảng ${row[1]}, dòng ${row[2]}`;
  const inner = bodyLabel(rest);
  return inner ? `${where}, ${inner}` : null;
}

/** The display label of an address; an address of no known shape is shown as "mục <address>". */
export function addressLabel(address: string): string {
  const footnote = /^footnote\.(\d+)(?:_\d+)?$/.exec(address);
  if (footnote) return `chú thích ${footnote[1]}`;
  const { base, repeat } = splitRepeat(address);
  const label = appendixLabel(base) ?? bodyLabel(base);
  return label ? `${label}${repeat}` : `mục ${address}`;
}
