/**
 * The header of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): issuer lines,
 * national motto, "Số: …", "<place>, ngày … tháng … năm …", the type line ("KẾ HOẠCH") and the
 * title. The header section runs from the top through the title.
 */
import { DOCUMENT_TYPES, SUBJECT_LINE_PREFIXES } from '../document-types.js';
import type { DocumentHeader, DocumentType, ExpectedDocument } from '../types.js';
import { foldForMatch } from '../normalize/index.js';
import { classifyLine } from './classify.js';
import type { Line } from './lines.js';
import { DATE_LINE, joinWrappedDates, NUMBER_LINE, splitColumns } from './header-lines.js';
import { splitIssuer } from './issuer.js';

/** Type lines, folded, and the document type each names (from the one document-types table). */
const TYPE_WORDS: ReadonlyMap<string, DocumentType> = new Map(
  DOCUMENT_TYPES.flatMap((entry) => entry.typeLines.map((line): [string, DocumentType] => [foldForMatch(line), entry.type])),
);
/** Number symbols ("KH" of "12/KH-UBND"), folded, and the type each names. */
const TYPE_SYMBOLS: ReadonlyMap<string, DocumentType> = new Map(
  DOCUMENT_TYPES.flatMap((entry) => entry.symbols.map((symbol): [string, DocumentType] => [foldForMatch(symbol), entry.type])),
);
const SUBJECT_LINE = new RegExp(`^(?:${SUBJECT_LINE_PREFIXES.map(escapeRegExp).join('|')})\\s*:?\\s*(\\S.*)$`, 'iu');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const SEPARATOR = /^[-_=*•.~\s]{3,}$/u;
const MOTTO = /cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc|dang cong san viet nam/;
const FIXTURE = /synthetic test fixture|tai lieu gia lap/;
/** Openers of body text: a paragraph starting so is not part of a title. */
const BODY_OPENER = /^(can cu|trien khai|thuc hien|theo|xet|de |nham|qua |tren co so|sau khi|hien nay|ngay )/;
/** How far down the type line may stand. */
const HEADER_WINDOW = 30;
const TITLE_MAX_LINES = 4;
const TITLE_LINE_MAX = 400;

/** Whether a line is the fixture marker that synthetic test documents carry first. */
export function isFixtureLine(line: Line | undefined): boolean {
  return line !== undefined && FIXTURE.test(foldForMatch(line.clean));
}

function isUppercase(text: string): boolean {
  return /\p{L}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** The document type named by a type line, or undefined when the line is not one. */
export function typeOfLine(clean: string): DocumentType | undefined {
  if (!isUppercase(clean)) return undefined;
  return TYPE_WORDS.get(foldForMatch(clean).replace(/[:.]$/, '').replace(/\s+/g, ' ').trim());
}

function isStructural(clean: string): boolean {
  const kind = classifyLine(clean).kind;
  return kind !== 'plain' && kind !== 'dash';
}

function isHeaderish(line: Line): boolean {
  const folded = foldForMatch(line.clean);
  return (
    SUBJECT_LINE.test(line.clean) ||
    NUMBER_LINE.test(line.clean) ||
    DATE_LINE.test(line.clean) ||
    SEPARATOR.test(line.clean) ||
    MOTTO.test(folded) ||
    FIXTURE.test(folded) ||
    (isUppercase(line.clean) && line.clean.length <= 80 && !isStructural(line.clean))
  );
}

/** The header as read: where it ends, its fields, and the type its type line names. */
export interface HeaderReading {
  /** Index of the first line after the header (0 when there is no header). */
  endLine: number;
  header: DocumentHeader;
  /** The type named by the type line, when there is one. */
  type?: DocumentType;
  /** Whether the issuer was not in the text and came from the expected-document registry. */
  issuerFromRegistry: boolean;
}

/** Where the type line stands, or -1. */
function findTypeLine(lines: readonly Line[], limit: number): number {
  for (let i = 0; i < Math.min(limit, HEADER_WINDOW); i += 1) {
    const clean = lines[i].clean;
    if (typeOfLine(clean) !== undefined) return i;
    if (isStructural(clean)) return -1;
  }
  return -1;
}

/** Whether a line reads as body text rather than part of a title. */
function looksLikeBody(clean: string): boolean {
  return (
    isStructural(clean) ||
    SEPARATOR.test(clean) ||
    BODY_OPENER.test(foldForMatch(clean)) ||
    /[:;]$/.test(clean) ||
    clean.length > TITLE_LINE_MAX
  );
}

/**
 * The title lines after the type line: one paragraph (the rest of the type line's, else the
 * next), at most a few lines, stopping at anything that reads as body text.
 */
function titleLines(lines: readonly Line[], typeLine: number, limit: number): number[] {
  const taken: number[] = [];
  for (let i = typeLine + 1; i < limit && taken.length < TITLE_MAX_LINES; i += 1) {
    const previous = lines[taken.length > 0 ? taken[taken.length - 1] : typeLine];
    if (taken.length > 0 && (lines[i].paragraph !== previous.paragraph || /[.!?]$/.test(previous.clean))) break;
    if (looksLikeBody(lines[i].clean)) break;
    taken.push(i);
  }
  return taken;
}

function emptyHeader(): DocumentHeader {
  return {
    issuer: null,
    number: null,
    numberText: null,
    place: null,
    issuedDate: null,
    dateText: null,
    year: null,
    typeText: null,
    title: null,
  };
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Fills number, date and issuer fields from the lines above the type line. */
function readFields(lines: readonly Line[], header: DocumentHeader, expected?: ExpectedDocument): void {
  const issuerParts: string[] = [];
  let numberSeen = false;
  for (const clean of joinWrappedDates(lines.flatMap((line) => splitColumns(line.clean)))) {
    const folded = foldForMatch(clean);
    const number = NUMBER_LINE.exec(clean);
    const date = DATE_LINE.exec(clean);
    if (number && header.numberText === null) {
      header.numberText = clean;
      const value = number[1].trim();
      header.number = /^\d/.test(value) ? value.split(/\s/)[0] : null;
      numberSeen = true;
    } else if (date && header.dateText === null) {
      header.dateText = clean;
      header.place = date[1]?.trim() || null;
      header.year = Number(date[4]);
      header.issuedDate = date[2] && date[3] ? isoDate(header.year, Number(date[3]), Number(date[2])) : null;
    } else if (!numberSeen && isUppercase(clean) && !MOTTO.test(folded) && !FIXTURE.test(folded) && !SEPARATOR.test(clean)) {
      issuerParts.push(clean);
    }
  }
  if (issuerParts.length > 0) {
    const { issuer, parent } = splitIssuer(issuerParts, expected?.issuer ?? undefined);
    header.issuer = issuer;
    header.issuerParent = parent;
  }
}

/** The type a number's symbol names ("12/KH-UBND" → ke-hoach), when the header has no type line. */
function typeOfNumber(number: string | null): DocumentType | undefined {
  const symbol = number?.split('/').find((part) => /^\p{L}/u.test(part))?.split('-')[0];
  return symbol ? TYPE_SYMBOLS.get(foldForMatch(symbol)) : undefined;
}

/** A subject line ("V/v …") standing where a công văn has no type line, as the title. */
function readSubjectLine(lines: readonly Line[], header: DocumentHeader): DocumentType | undefined {
  for (const line of lines) {
    const subject = SUBJECT_LINE.exec(line.clean);
    if (!subject) continue;
    header.title = subject[1].trim();
    return 'cong-van';
  }
  return undefined;
}

/**
 * Reads the header from the top of the document. Lines at and after `limit` (the tail and the
 * footnotes) are never part of it. Without a type line, the header is the run of header-like
 * lines at the top, when it holds a number or a date line.
 */
export function readHeader(lines: readonly Line[], limit: number, expected?: ExpectedDocument): HeaderReading {
  const header = emptyHeader();
  const typeLine = findTypeLine(lines, limit);
  let endLine = 0;
  let type: DocumentType | undefined;
  if (typeLine >= 0) {
    readFields(lines.slice(0, typeLine), header, expected);
    header.typeText = lines[typeLine].clean.replace(/[:.]$/, '');
    type = typeOfLine(lines[typeLine].clean);
    const title = titleLines(lines, typeLine, limit);
    header.title = title.length > 0 ? title.map((i) => lines[i].clean).join(' ') : null;
    endLine = (title.length > 0 ? title[title.length - 1] : typeLine) + 1;
    while (endLine < limit && SEPARATOR.test(lines[endLine].clean)) endLine += 1;
  } else {
    while (endLine < Math.min(limit, HEADER_WINDOW) && isHeaderish(lines[endLine])) endLine += 1;
    const zone = lines.slice(0, endLine);
    if (zone.some((line) => NUMBER_LINE.test(line.clean) || DATE_LINE.test(line.clean))) {
      readFields(zone, header, expected);
      type = readSubjectLine(lines.slice(0, Math.min(limit, endLine + 2)), header) ?? typeOfNumber(header.number);
    } else {
      endLine = 0;
    }
  }
  const issuerFromRegistry = header.issuer === null && Boolean(expected?.issuer);
  header.issuer ??= expected?.issuer ?? null;
  return { endLine, header, type, issuerFromRegistry };
}
