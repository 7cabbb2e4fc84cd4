/**
 * Stage "parse": a loaded text becomes a CorpusDocument with addressed sections
 * (header, preamble, I, II.4, II.6.a, III.closing, footnote.1, recipients, signature,
 * dieu.5.khoan.2.diem.a, table.1.row.3, p.1 …). Never throws on any string.
 */
import path from 'node:path';
import type { CorpusDocument, DocumentType, ExpectedDocument, LoadedText, Section } from '../types.js';
import { normalizeDocumentText } from '../normalize/index.js';
import { appendixStart, buildAppendices } from './appendix.js';
import { buildBody } from './body.js';
import { footnoteNodes, footnoteStart, linkFootnotes } from './footnotes.js';
import { isFixtureLine, readHeader } from './header.js';
import { splitLines, type Line } from './lines.js';
import type { Node } from './nodes.js';
import { toSections } from './sections.js';
import { completeHeader } from './metadata.js';
import { readTail } from './tail.js';
import { lowerFirst, sentenceCase, slugify } from './text-case.js';

export { firstSentence } from './body.js';
export { parseTableRow, cellSpan, isSeparatorRow } from './tables.js';
export { slugify } from './text-case.js';

function fileStem(file: string): string {
  return path.posix.basename(file.replace(/\\/g, '/')).replace(/\.[^.]+$/, '');
}

/** Header, recipients and signature nodes around the body. */
function frameNodes(lines: readonly Line[], headerEnd: number, tail: ReturnType<typeof readTail>, typeText: string | null): Node[] {
  const nodes: Node[] = [];
  const frame = (address: string, type: Node['type'], first: number, last: number, heading: string | null) =>
    nodes.push({ address, type, heading, label: null, first, last, parent: null, numbered: 0 });
  if (headerEnd > 0) frame('header', 'header', 0, headerEnd - 1, typeText);
  if (tail.recipients) frame('recipients', 'recipients', tail.recipients.first, tail.recipients.last, 'Nơi nhận');
  if (tail.signature) frame('signature', 'signature', tail.signature.first, tail.signature.last, null);
  return nodes;
}

/** Gives repeated footnote numbers (two pages each starting at ¹) distinct addresses. */
function uniqueAddresses(nodes: Node[]): void {
  const seen = new Set<string>();
  for (const node of nodes) {
    let address = node.address;
    for (let n = 2; seen.has(address); n += 1) address = `${node.address}_${n}`;
    node.address = address;
    seen.add(address);
  }
}

/** Parses a loaded text; `expected` is its entry in the corpus registry, when listed there. */
export function parseDocument(loaded: LoadedText, expected?: ExpectedDocument): CorpusDocument {
  const text = normalizeDocumentText(loaded.text);
  const lines = splitLines(text);
  const notesFrom = footnoteStart(lines);
  const reading = readHeader(lines, notesFrom, expected);
  // Appendices and forms follow the signature: the tail is looked for before them.
  const appendixFrom = appendixStart(lines, reading.endLine, notesFrom);
  const tail = readTail(lines, reading.endLine, appendixFrom);
  const notes = footnoteNodes(lines, notesFrom);
  const nodes = [
    ...frameNodes(lines, reading.endLine, tail, reading.header.typeText),
    ...buildBody(lines, reading.endLine, tail.start),
    ...buildAppendices(lines, reading.endLine, notesFrom),
    ...notes.map((note) => ({ ...note, numbered: 0 })),
  ];
  uniqueAddresses(nodes);
  const sections = toSections(nodes, lines, text);
  const footnoteAddresses = new Set(nodes.slice(nodes.length - notes.length).map((node) => node.address));
  const footnotes = sections.filter((section) => footnoteAddresses.has(section.address));
  const body = sections.filter((section) => !footnoteAddresses.has(section.address));
  const bodyEnd = notesFrom < lines.length ? lines[notesFrom].start : text.length;
  linkFootnotes(footnotes, notes.map((note) => note.marker), body, text, bodyEnd);

  const { header } = reading;
  const type: DocumentType = reading.type && reading.type !== 'other' ? reading.type : (expected?.type ?? reading.type ?? 'other');
  const signer = tail.signature?.signer ?? null;
  const recipients = tail.recipients?.list ?? [];
  const bodyStart = reading.endLine < lines.length ? lines[reading.endLine].start : text.length;
  completeHeader({ header, type, text, sections, bodyStart, signer, recipients, issuerFromRegistry: reading.issuerFromRegistry });
  const document: CorpusDocument = {
    id: expected?.id ?? (slugify(fileStem(loaded.file)) || 'document'),
    type,
    file: loaded.file,
    format: loaded.format,
    hash: loaded.hash,
    header,
    title: expected?.title ?? displayTitle(header.typeText, header.title, fileStem(loaded.file)),
    signer,
    recipients,
    text,
    sections: sections satisfies Section[],
  };
  if (isFixtureLine(lines[0])) document.fixture = true;
  return document;
}

/** "KẾ HOẠCH" + "Nâng cao …" → "Kế hoạch nâng cao …". */
function displayTitle(typeText: string | null, title: string | null, fallback: string): string {
  if (typeText && title) return `${sentenceCase(typeText)} ${lowerFirst(title)}`;
  return title ?? (typeText ? sentenceCase(typeText) : fallback);
}
