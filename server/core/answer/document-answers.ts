/**
 * Facts of a document (issuer, province, signer, date, number, recipients, bases, title,
 * type, overview), read from the parsed header and quoted from the lines that state them.
 * When the text leaves a fact blank (the plan's day and number), the answer says so and
 * quotes the blank line.
 */
import type { CorpusDocument, Section } from '../../../ingest/types.js';
import { sectionAt } from '../registry-lookup.js';
import type { DocumentFact } from '../intent/types.js';
import { findSection } from './citations.js';
import { capitalize, documentLabel, formatDate, joinVi, placeLabel } from './format.js';
import { sentenceMatching } from '../read/sentences.js';
import type { ComposeContext } from './task-answers.js';

/** Composes one sentence (or a short list) per fact asked. */
export function composeDocumentFacts(context: ComposeContext, document: CorpusDocument, facts: readonly DocumentFact[]): string {
  // The effective-date sentence already quotes what the header records as replaced.
  const told = facts.includes('effective') && Boolean(document.header.effectiveSource) && (document.header.replaces ?? []).length > 0;
  return facts.filter((fact) => !(told && fact === 'replaces')).map((fact) => factSentence(context, document, fact)).filter(Boolean).join('\n');
}

function factSentence(context: ComposeContext, document: CorpusDocument, fact: DocumentFact): string {
  const label = documentLabel(document);
  const cite = (address: string, quote: string | null | undefined): string =>
    quote ? context.citations.cite(document.id, address, quote) : context.citations.cite(document.id, address, findSection(document, address)?.text ?? '');
  const { header } = document;
  switch (fact) {
    case 'signer': {
      const signer = document.signer;
      if (!signer) return `${label} không có khối chữ ký trong văn bản đã nạp.`;
      const role = signer.role ? sentenceCase(signer.role) : 'người có thẩm quyền';
      const authority = signer.authority.length > 0 ? ` (${signer.authority.join(', ')})` : '';
      const who = signer.name ? `${signer.name}, ${role}` : role;
      return `Người ký ${label} là ${who}${authority} ${cite('signature', null)}.`;
    }
    case 'issuer':
      return `${label} do ${header.issuer ?? 'cơ quan ghi trong phần chữ ký'} ban hành ${cite(issuerQuote(document).address, issuerQuote(document).quote)}.`;
    case 'province': {
      const province = provinceOf(document);
      return province
        ? `${label} là của tỉnh ${province}${header.issuer ? ` (cơ quan ban hành: ${header.issuer})` : ''} ${cite('header', header.dateText)}.`
        : `${label} không ghi rõ địa phương ${cite('header', null)}.`;
    }
    case 'date':
      // The date is cited where it was read: the header, or (when the header leaves it out) the line that writes it ("Kèm theo Nghị định … ngày …" of an appendix).
      if (header.issuedDate) {
        const source = header.factSources?.date;
        return `${label} ban hành ngày ${formatDate(header.issuedDate)} ${source ? cite(source.address, source.text) : cite('header', header.dateText)}.`;
      }
      return `${label} để trống ngày, tháng ban hành: dòng ngày tháng ghi “${header.dateText ?? ''}” ${cite('header', header.dateText)}${header.year ? `, nên chỉ biết văn bản ban hành năm ${header.year}` : ''}.`;
    case 'number':
      if (header.number) return `Số hiệu của ${label} là ${header.number} ${cite('header', header.numberText)}.`;
      return `${label} để trống số: dòng số hiệu ghi “${header.numberText ?? ''}” ${cite('header', header.numberText)}, tức là chưa có số văn bản.`;
    case 'recipients': {
      const section = findSection(document, 'recipients');
      if (!section || document.recipients.length === 0) return `${label} không có phần Nơi nhận trong văn bản đã nạp.`;
      // "Lưu: VT, …" is the issuer's own archive copy, not a recipient.
      const recipients = document.recipients.map((item) => item.replace(/[;.]$/, '')).filter((item) => !/^lưu\s*:/i.test(item));
      return `${label} được gửi đến: ${joinVi(recipients)} ${cite('recipients', section.text)}.`;
    }
    case 'bases':
    case 'references':
      return referencesSentence(context, document, fact === 'bases');
    case 'title':
      return `Tên của ${label}: “${header.title ?? document.title}” ${cite('header', header.title)}.`;
    case 'type':
      return `Văn bản thuộc loại ${(header.typeText ?? label).toLowerCase()} ${cite('header', header.typeText)}.`;
    case 'overview':
      return overviewSentences(context, document);
    case 'effective':
      return effectiveSentence(context, document);
    case 'replaces':
      return replacesSentence(context, document);
    case 'structure':
      return structureSentences(context, document);
  }
}

/** "Luật … có hiệu lực thi hành từ ngày 01/7/2025 [1]", and what it replaces, from the clauses that say so. */
function effectiveSentence(context: ComposeContext, document: CorpusDocument): string {
  const label = documentLabel(document);
  const { effectiveDate, effectiveSource, replaces } = document.header;
  if (!effectiveSource) return `${label} không ghi thời điểm có hiệu lực trong văn bản đã nạp.`;
  const marker = context.citations.cite(document.id, effectiveSource.address, effectiveSource.text);
  const when = effectiveDate ? `có hiệu lực từ ngày ${formatDate(effectiveDate)}` : 'có hiệu lực như sau';
  const lines = [`Theo ${label}, ${placeLabel(effectiveSource.address)}, văn bản ${when}: “${effectiveSource.text.trim()}” ${marker}.`];
  // "… từ ngày 01 tháng 7 năm 2025, trừ trường hợp quy định tại khoản 2 Điều này.": the exception is part of the answer.
  for (const section of exceptedClauses(document, effectiveSource.address, effectiveSource.text)) {
    lines.push(`${placeLabel(section.address)}: “${section.text.trim()}” ${context.citations.cite(document.id, section.address, section.text)}.`);
  }
  for (const item of replaces ?? []) {
    lines.push(`${placeLabel(item.source.address)}: “${item.source.text.trim()}” ${context.citations.cite(document.id, item.source.address, item.source.text)}.`);
  }
  return lines.join('\n');
}

/** "trừ trường hợp quy định tại khoản 2 Điều này", "trừ quy định tại khoản 2 và khoản 3 Điều này": clauses of the same article. */
const EXCEPTED = /trừ\s+(?:(?:các\s+)?trường hợp\s+)?(?:quy định\s+)?tại\s+(khoản\s+\d+(?!\d)(?:\s*(?:,|và)\s*(?:khoản\s+)?\d+(?!\d))*)(?:\s+Điều này)?(?![\s,]*Điều\s+\d)/iu;

/** The clauses of the same article that a clause makes an exception for, as sections. */
export function exceptedClauses(document: CorpusDocument, address: string, text: string): Section[] {
  const named = EXCEPTED.exec(text);
  const article = /^dieu\.[^.]+/.exec(address)?.[0];
  if (!named || !article) return [];
  const numbers = [...named[1].matchAll(/\d+/g)].map((match) => match[0]);
  return numbers.flatMap((number) => {
    const section = sectionAt(document, `${article}.khoan.${number}`);
    return section && section.address !== address ? [section] : [];
  });
}

/** A clause that ends other documents: "… hết hiệu lực …", "bãi bỏ …", "thay thế …", naming a number. */
const ENDING_CLAUSE = /(?:hết hiệu lực|bãi bỏ|thay thế)[^]*?\d+\/(?:\d{4}\/)?\p{Lu}/u;

/** The clauses by which a document replaces or repeals others, each quoted; the header's list first. */
export function replacingClauses(document: CorpusDocument): Array<{ address: string; text: string }> {
  const listed = (document.header.replaces ?? []).map((item) => ({ address: item.source.address, text: item.source.text.trim() }));
  if (listed.length > 0) return listed;
  return document.sections
    .filter((section) => (section.kind === 'clause' || section.kind === 'point' || section.kind === 'article') && ENDING_CLAUSE.test(section.text))
    .filter((section, _index, all) => !all.some((other) => other !== section && other.parent === section.address))
    .map((section) => ({ address: section.address, text: section.text.trim() }));
}

function replacesSentence(context: ComposeContext, document: CorpusDocument): string {
  const label = documentLabel(document);
  const clauses = replacingClauses(document);
  if (clauses.length === 0) return `${label} không có điều khoản nào thay thế hay bãi bỏ văn bản khác.`;
  const lines = clauses.map((clause) => `- ${placeLabel(clause.address)}: “${clause.text}” ${context.citations.cite(document.id, clause.address, clause.text)}`);
  return [`Theo ${label}, các văn bản bị thay thế hoặc hết hiệu lực:`, ...lines].join('\n');
}

/** The references a document cites: in its preamble only (bases), or all. */
function referencesSentence(context: ComposeContext, document: CorpusDocument, basesOnly: boolean): string {
  const references = context.registry.references.filter((reference) =>
    reference.citedIn.some((place) => place.documentId === document.id && (!basesOnly || place.address === 'preamble')),
  );
  if (references.length === 0) return `${documentLabel(document)} không dẫn chiếu văn bản nào.`;
  const lines = references.map((reference) => {
    const place = reference.citedIn.find((item) => item.documentId === document.id && (!basesOnly || item.address === 'preamble')) ?? reference.citedIn[0];
    const marker = context.citations.cite(place.documentId, place.address, place.quote);
    const date = reference.date ? ` ngày ${formatDate(reference.date)}` : '';
    const issuer = reference.issuer ? ` của ${reference.issuer}` : '';
    return `- ${reference.typeText} số ${reference.number}${date}${issuer}${reference.subject ? ` ${reference.subject}` : ''} (${placeLabel(place.address)}) ${marker}`;
  });
  const heading = basesOnly
    ? `${documentLabel(document)} được ban hành để triển khai các văn bản sau:`
    : `${documentLabel(document)} dẫn chiếu ${references.length} văn bản:`;
  return [heading, ...lines].join('\n');
}

/**
 * Title; then what the document governs, by its shape: a regulation's first article (its scope,
 * "Phạm vi điều chỉnh") and how many articles it has; else the first part of the body (a plan's
 * "Mục đích, yêu cầu"), under its own heading; and the number of tasks, if any.
 */
function overviewSentences(context: ComposeContext, document: CorpusDocument): string {
  const label = documentLabel(document);
  const title = document.header.title ?? document.title;
  const parts = [`${label} có tên “${title}” ${context.citations.cite(document.id, 'header', title)}.`];
  const body = document.sections.filter((section) => !section.address.startsWith('phu-luc'));
  const articles = body.filter((section) => section.kind === 'article');
  const opening = articles[0] ?? body.find((section) => section.kind === 'part');
  if (opening) {
    const first = sentenceMatching(opening.text.slice(opening.text.indexOf('\n') + 1), /\p{L}{3,}/u);
    const heading = opening.heading?.trim() ? ` (${capitalize(opening.heading.trim().toLowerCase())})` : '';
    if (first) parts.push(`${capitalize(placeLabel(opening.address))}${heading}: “${first.text}” ${context.citations.cite(document.id, opening.address, first.text)}.`);
  }
  if (articles.length > 1) parts.push(`${label} gồm ${articles.length} điều.`);
  const tasks = context.registry.tasks.filter((task) => task.documentId === document.id);
  if (tasks.length > 0) parts.push(`${label} đề ra ${tasks.length} nhiệm vụ, giải pháp (${placeLabel(tasks[0].address)} đến ${placeLabel(tasks[tasks.length - 1].address)}).`);
  return parts.join(' ');
}

/** The parts (I, II, III …) with their headings, and the number of tasks. */
function structureSentences(context: ComposeContext, document: CorpusDocument): string {
  const parts = document.sections.filter((section) => section.kind === 'part');
  const label = documentLabel(document);
  if (parts.length === 0) return `${label} không chia thành các phần có đánh số La Mã.`;
  const tasks = context.registry.tasks.filter((task) => task.documentId === document.id);
  const lines = parts.map((part) => {
    const heading = (part.heading ?? '').trim();
    const count = tasks.filter((task) => task.address.startsWith(`${part.address}.`)).length;
    const marker = context.citations.cite(document.id, part.address, part.text.split('\n')[0].trim());
    return `- Phần ${part.address}: ${sentenceCase(heading)}${count > 0 ? ` (${count} nhiệm vụ)` : ''} ${marker}`;
  });
  return [`${label} gồm ${parts.length} phần:`, ...lines].join('\n');
}

/** The line that names the issuer: the preamble's "… ban hành …", else the signature. */
function issuerQuote(document: CorpusDocument): { address: string; quote: string | null } {
  const preamble = findSection(document, 'preamble');
  const sentence = preamble ? sentenceMatching(preamble.text, /ban hành/i) : null;
  if (sentence) {
    const at = sentence.text.search(/[^;]*ban hành[^;]*$/i);
    return { address: 'preamble', quote: at > 0 ? sentence.text.slice(at).trim() : sentence.text };
  }
  return { address: 'signature', quote: null };
}

/** "Ninh Bình" from the issuer ("Ủy ban nhân dân tỉnh Ninh Bình") or the place line. */
function provinceOf(document: CorpusDocument): string | null {
  const fromIssuer = /tỉnh\s+(.+)$/i.exec(document.header.issuer ?? '');
  return fromIssuer ? fromIssuer[1].trim() : document.header.place;
}

/** "PHÓ CHỦ TỊCH" → "Phó Chủ tịch", "MỤC ĐÍCH, YÊU CẦU" → "Mục đích, yêu cầu". */
function sentenceCase(text: string): string {
  if (text !== text.toUpperCase()) return text;
  const lower = text.toLowerCase();
  if (/^(phó |chủ tịch)/.test(lower)) {
    return lower.replace(/(^|\s)(phó|chủ)(?=\s|$)/g, (_match, space: string, word: string) => space + word.charAt(0).toUpperCase() + word.slice(1));
  }
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
