/**
 * Display labels of addresses: what people see instead of "dieu.18.khoan.1" — the way the
 * document itself would name the place ("Điều 18 khoản 1", "điểm a khoản 2 Điều 30",
 * "mục II.5", "Phụ lục I, dòng 4"). Pure: the label depends on the address alone, so it is
 * stable across re-ingest and can be computed for any address a face receives.
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
  preamble: 'phần căn cứ',
  recipients: 'phần Nơi nhận',
  signature: 'phần chữ ký',
};

/** Pairs of (kind, value) of a dotted address: "dieu.5.khoan.2" → [["dieu","5"],["khoan","2"]]. */
function pairs(parts: readonly string[]): Array<[string, string]> | null {
  if (parts.length % 2 !== 0) return null;
  const out: Array<[string, string]> = [];
  for (let i = 0; i < parts.length; i += 2) out.push([parts[i], parts[i + 1]]);
  return out;
}

function structuredLabel(address: string): string | null {
  const parts = address.split('.');
  const list = pairs(parts);
  if (!list) return null;
  const names: Record<string, string> = {};
  for (const [kind, value] of list) names[kind] = value;
  const known = new Set(['chuong', 'muc', 'dieu', 'khoan', 'diem', 'phu-luc', 'table', 'row', 'p']);
  if (!list.every(([kind]) => known.has(kind))) return null;
  const words: string[] = [];
  const appendix = names['phu-luc'];
  if (names.diem) words.push(`điểm ${names.diem}`);
  if (names.khoan && names.dieu) {
    if (names.diem) words.push(`khoản ${names.khoan}`, `Điều ${names.dieu}`);
    else words.push(`Điều ${names.dieu} khoản ${names.khoan}`);
  } else if (names.khoan) words.push(`khoản ${names.khoan}`);
  else if (names.dieu) words.push(`Điều ${names.dieu}`);
  if (!names.dieu && names.muc) words.push(`Mục ${names.muc}`);
  if (!names.dieu && names.chuong) words.push(`Chương ${toRoman(Number(names.chuong)) || names.chuong}`);
  let label = words.join(' ');
  if (appendix !== undefined) {
    const name = /^\d+$/.test(appendix) ? `Phụ lục ${toRoman(Number(appendix))}` : 'Phụ lục';
    label = label ? `${label} ${name}` : name;
  }
  if (names.table !== undefined) {
    const row = names.row !== undefined ? `dòng ${names.row}` : `bảng ${names.table}`;
    label = label ? `${label}, ${row}` : names.row !== undefined ? `bảng ${names.table}, ${row}` : row;
  }
  if (names.p !== undefined && !label) label = `đoạn ${names.p}`;
  return label ? label.charAt(0).toUpperCase() + label.slice(1) : null;
}

/** The display label of an address; an address of no known shape is shown as "mục <address>". */
export function addressLabel(address: string): string {
  const fixed = FIXED[address];
  if (fixed) return fixed;
  const footnote = /^footnote\.(\d+)(?:_\d+)?$/.exec(address);
  if (footnote) return `chú thích ${footnote[1]}`;
  if (/^[IVXLC]+$/.test(address)) return `phần ${address}`;
  const closing = /^([IVXLC]+)\.closing$/.exec(address);
  if (closing) return `đoạn kết phần ${closing[1]}`;
  if (/^[IVXLC]+(\.[0-9a-zđ]+)+$/.test(address)) return `mục ${address}`;
  return structuredLabel(address) ?? `mục ${address}`;
}
