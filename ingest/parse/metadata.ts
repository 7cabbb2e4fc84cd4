/**
 * Completes a document's header once its sections exist: the bases ("Căn cứ …" lines of the
 * preamble), the effective date and replaced documents, facts the header lacks but another line
 * states verbatim (with `factSources`), and the gaps: each fact the source does not give, with
 * the reason in Vietnamese. Nothing is guessed: a blank stays blank and is reported.
 */
import layout from '../vocabulary/header-layout.json' with { type: 'json' };
import { DOCUMENT_TYPE_NAMES } from '../document-types.js';
import type { DocumentGap, DocumentHeader, DocumentType, HeaderFact, Section, Signer } from '../types.js';
import { foldForMatch } from '../normalize/index.js';
import { readEffective, readReplaces } from './effective.js';
import { foldedText, sourceOf, textLines, type TextLine } from './sources.js';
import { organizationCase } from './text-case.js';

const REASONS: Readonly<Record<string, string>> = layout.gapReasons;

/** What the header completion reads. */
export interface MetadataInput {
  header: DocumentHeader;
  type: DocumentType;
  text: string;
  sections: readonly Section[];
  /** Offset where the body starts (after the header). */
  bodyStart: number;
  signer: Signer | null;
  recipients: readonly string[];
  /** Whether the issuer came from the corpus registry, the text having none. */
  issuerFromRegistry?: boolean;
}

const BASIS = /^can cu\b/;
/** The first line of the body proper: a chapter, article, part or numbered item. */
const BODY_START = /^(?:chuong|dieu|muc|phan)\s+\S|^[ivxlc]+\.\s|^\d+\.\s/;
/** "(Kèm theo <loại> số <số của văn bản> ngày … tháng … năm …)". */
const ATTACHED_TO = /kèm theo\s+(?:\p{L}+\s+){1,3}số\s+(\S+?)\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const APPENDIX_KINDS = new Set(['appendix']);

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** The preamble lines: after the header, up to the first chapter, article or numbered item. */
function preambleLines(lines: readonly TextLine[]): TextLine[] {
  const end = lines.findIndex((line) => BODY_START.test(foldedText(line)));
  return lines.slice(0, end < 0 ? Math.min(lines.length, 40) : end);
}

/** The issue date from "Kèm theo <type> số <this number> ngày …" when the header has none. */
function dateFromAttachment(input: MetadataInput, lines: readonly TextLine[]): void {
  const { header } = input;
  if (header.issuedDate !== null || header.number === null) return;
  for (const line of lines) {
    const match = ATTACHED_TO.exec(line.text);
    if (!match || match[1].replace(/[.,;)]+$/, '') !== header.number) continue;
    const date = isoDate(Number(match[4]), Number(match[3]), Number(match[2]));
    if (!date) continue;
    header.issuedDate = date;
    header.year = Number(match[4]);
    header.factSources = { ...header.factSources, date: sourceOf(line, input.sections) };
    return;
  }
}

/** The issuer from the enacting formula ("<Cơ quan> ban hành <loại văn bản> …") when the header has none. */
function issuerFromEnactment(input: MetadataInput, preamble: readonly TextLine[]): void {
  const { header } = input;
  if (header.issuer !== null || input.type === 'other') return;
  const typeName = foldForMatch(DOCUMENT_TYPE_NAMES[input.type]);
  for (const line of preamble) {
    if (!/ban hành/iu.test(line.text)) continue;
    const folded = foldedText(line);
    const at = folded.indexOf(` ban hanh ${typeName}`);
    if (at <= 0 || folded.slice(0, at).split(' ').length > 8) continue;
    const written = line.text.split(/\s+ban hành\s+/iu)[0];
    header.issuer = organizationCase(written);
    header.factSources = { ...header.factSources, issuer: sourceOf(line, input.sections) };
    return;
  }
}

/** The facts the source does not give (or gives only elsewhere), with their reasons. */
function gapsOf(input: MetadataInput): DocumentGap[] {
  const { header } = input;
  const gaps: DocumentGap[] = [];
  const add = (field: HeaderFact, reason: string): void => {
    const elsewhere = header.factSources?.[field] ? ` ${REASONS.fromElsewhere}` : '';
    gaps.push({ field, reason: reason + elsewhere });
  };
  if (input.issuerFromRegistry) gaps.push({ field: 'issuer', reason: `${REASONS.issuer} ${REASONS.fromRegistry}` });
  else if (header.factSources?.issuer || header.issuer === null) add('issuer', REASONS.issuer);
  if (header.number === null) add('number', header.numberText ? REASONS.numberBlank : REASONS.number);
  if (header.dateText === null) add('date', REASONS.date);
  else if (header.issuedDate === null) add('date', REASONS.dateBlank);
  if (header.place === null) add('place', REASONS.place);
  if (header.typeText === null && input.type === 'other') add('type', REASONS.type);
  if (header.title === null) add('title', REASONS.title);
  if (input.signer === null || input.signer.name === null) add('signer', REASONS.signer);
  if (input.recipients.length === 0) add('recipients', REASONS.recipients);
  return gaps;
}

/** Fills bases, effective date, replaced documents, facts from elsewhere and gaps, in place. */
export function completeHeader(input: MetadataInput): void {
  const { header, text, sections } = input;
  const appendix = sections.find((section) => APPENDIX_KINDS.has(section.kind));
  const bodyEnd = appendix ? appendix.span.start : text.length;
  const body = textLines(text, input.bodyStart, bodyEnd);
  const preamble = preambleLines(body);
  header.bases = preamble.filter((line) => BASIS.test(foldedText(line))).map((line) => line.text);
  issuerFromEnactment(input, preamble);
  dateFromAttachment(input, appendix ? textLines(text, appendix.span.start) : body);
  const effective = readEffective(body, sections, header.issuedDate);
  header.effectiveDate = effective?.date ?? null;
  header.effectiveSource = effective?.source ?? null;
  header.replaces = readReplaces(body, sections);
  header.gaps = gapsOf(input);
}
