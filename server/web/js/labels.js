/**
 * What the pages show instead of internal names: the display label of an address ("Điều 18
 * khoản 1", "phần chữ ký") and a document's short name ("NĐ 335/2025").
 *
 * `addressLabel` is a port of ingest/parse/labels.ts (the source of truth; the API's sections
 * carry its result as `label`). Citations do not carry a label, so the pages compute it here;
 * test/web/modules.test.ts checks this port against the original on every section of the real
 * documents, and the type table below against ingest/vocabulary/document-types.json.
 */

const ROMAN = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

function toRoman(value) {
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

const FIXED = {
  header: 'phần đầu văn bản',
  preamble: 'phần mở đầu',
  closing: 'đoạn kết',
  recipients: 'phần Nơi nhận',
  signature: 'phần chữ ký',
};
const PAIR_KINDS = new Set(['chuong', 'muc', 'dieu', 'khoan', 'diem', 'table', 'row', 'p']);

function roman(value) {
  return /^\d+$/.test(value) ? toRoman(Number(value)) || value : value;
}

function splitRepeat(address) {
  const match = /_(\d+)(?=\.|$)/.exec(address);
  if (!match) return { base: address, repeat: '' };
  return { base: address.replace(/_\d+(?=\.|$)/g, ''), repeat: ` (lần thứ ${match[1]})` };
}

function pairLabel(names) {
  if (names.table !== undefined) return names.row !== undefined ? `bảng ${names.table}, dòng ${names.row}` : `bảng ${names.table}`;
  if (names.p !== undefined) return `đoạn ${names.p}`;
  if (names.dieu !== undefined) {
    if (names.diem !== undefined) return `điểm ${names.diem}${names.khoan ? ` khoản ${names.khoan}` : ''} Điều ${names.dieu}`;
    return names.khoan !== undefined ? `Điều ${names.dieu} khoản ${names.khoan}` : `Điều ${names.dieu}`;
  }
  const words = [];
  if (names.muc !== undefined) words.push(`Mục ${names.muc}`);
  if (names.chuong !== undefined) words.push(`Chương ${roman(names.chuong)}`);
  return words.join(' ');
}

function bodyLabel(address) {
  const fixed = Object.hasOwn(FIXED, address) ? FIXED[address] : undefined;
  if (fixed) return fixed;
  if (/^[IVXLC]+$/.test(address)) return `phần ${address}`;
  const closing = /^([IVXLC]+)\.closing$/.exec(address);
  if (closing) return `đoạn kết phần ${closing[1]}`;
  if (/^([IVXLC]+|\d+)(\.[0-9a-zđ]+)*$/.test(address)) return `mục ${address}`;
  const parts = address.split('.');
  const names = {};
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

function appendixLabel(address) {
  const match = APPENDIX.exec(address);
  if (!match) return null;
  const [, container, number, form, rest] = match;
  const names = [];
  if (container.startsWith('phu-luc')) names.push(number ? `Phụ lục ${toRoman(Number(number))}` : 'Phụ lục');
  else if (container === 'kem-theo') names.push('văn bản kèm theo');
  else names.push(`Mẫu số ${container.slice(4)}`);
  if (form) names.push(`Mẫu số ${form.slice(4)}`);
  const where = names.join(', ');
  if (!rest) return where;
  const row = /^table\.(\d+)\.row\.(\d+)$/.exec(rest);
  if (row) return row[1] === '1' ? `${where}, dòng ${row[2]}` : `${where}, bảng ${row[1]}, dòng ${row[2]}`;
  const inner = bodyLabel(rest);
  return inner ? `${where}, ${inner}` : null;
}

/** The display label of an address ("dieu.18.khoan.1" → "Điều 18 khoản 1"). */
export function addressLabel(address) {
  const footnote = /^footnote\.(\d+)(?:_\d+)?$/.exec(address);
  if (footnote) return `chú thích ${footnote[1]}`;
  const { base, repeat } = splitRepeat(address);
  const label = appendixLabel(base) ?? bodyLabel(base);
  return label ? `${label}${repeat}` : `mục ${address}`;
}

/** A label that starts a sentence or a chip: "mục II.4" → "Mục II.4". */
export function capitalized(label) {
  return label ? label.charAt(0).toLocaleUpperCase('vi') + label.slice(1) : label;
}

/** Document types: the Vietnamese name and the symbol used in numbers (document-types.json). */
export const DOCUMENT_TYPES = {
  'ke-hoach': { name: 'Kế hoạch', symbol: 'KH' },
  'chi-thi': { name: 'Chỉ thị', symbol: 'CT' },
  'nghi-quyet': { name: 'Nghị quyết', symbol: 'NQ' },
  'quyet-dinh': { name: 'Quyết định', symbol: 'QĐ' },
  'thong-tu': { name: 'Thông tư', symbol: 'TT' },
  'nghi-dinh': { name: 'Nghị định', symbol: 'NĐ' },
  luat: { name: 'Luật', symbol: null },
  'phap-lenh': { name: 'Pháp lệnh', symbol: 'PL' },
  'khung-nang-luc': { name: 'Khung năng lực', symbol: null },
  'cong-van': { name: 'Công văn', symbol: null },
  'thong-bao': { name: 'Thông báo', symbol: 'TB' },
  'bao-cao': { name: 'Báo cáo', symbol: 'BC' },
  'huong-dan': { name: 'Hướng dẫn', symbol: 'HD' },
  'de-an': { name: 'Đề án', symbol: 'ĐA' },
  'chuong-trinh': { name: 'Chương trình', symbol: 'CTr' },
  'quy-dinh': { name: 'Quy định', symbol: 'QyĐ' },
  'ket-luan': { name: 'Kết luận', symbol: 'KL' },
  'to-trinh': { name: 'Tờ trình', symbol: 'TTr' },
  other: { name: 'Văn bản', symbol: null },
};

/** "Nghị định" for "nghi-dinh"; "Văn bản" for a type not known. */
export function typeName(type) {
  return (DOCUMENT_TYPES[type] ?? DOCUMENT_TYPES.other).name;
}

/**
 * A document's short name for chips: "NĐ 335/2025", "Luật 80/2025", "Chỉ thị 012/CT-UBND",
 * or the type name alone ("Kế hoạch") when the document has no number.
 * @param {{ type?: string, number?: string | null }} doc
 */
export function shortName(doc) {
  const known = DOCUMENT_TYPES[doc.type] ?? DOCUMENT_TYPES.other;
  if (!doc.number) return known.name;
  // "335/2025/NĐ-CP" → "335/2025": the symbol already says the type.
  const numberYear = /^(\d+\/\d{4})\//.exec(doc.number);
  if (numberYear) return `${known.symbol ?? known.name} ${numberYear[1]}`;
  return `${known.name} ${doc.number}`;
}

/** A number line without a doubled "Số:" ("Số: /KH-UBND" → "/KH-UBND"). */
export function bareNumber(text) {
  return text ? text.replace(/^\s*(số|so)\s*[:.]?\s*/i, '').trim() : text;
}
