/**
 * The end matter of a document: "Nơi nhận:" with its list, and the signature block
 * (TM./KT./role lines, then the signer's name after the space left for signing).
 */
import type { Signer } from '../types.js';
import { classifyLine } from './classify.js';
import type { Line } from './lines.js';
import { roleCase } from './text-case.js';

const RECIPIENTS = /^nơi nhận\s*:?\s*(.*)$/iu;
const AUTHORITY = /^(?:TM|KT|TL|TUQ|Q|T\/M|K\/T)\.?\s+\S/u;
const SIGNED_NOTE = /^[([]?\s*(?:đã ký|ký tên|ký|chữ ký)[^)\]]{0,30}[)\]]?$/iu;
const NAME = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5}$/u;
const LIST_ENTRY = /^[-–+•]\s*(.*?)[;.,]?$/u;

/** Recipients and signature as read, by line indexes. */
export interface TailReading {
  /** Index of the first tail line (recipients or signature), or `limit` when there is none. */
  start: number;
  recipients: { first: number; last: number; list: string[] } | null;
  signature: { first: number; last: number; signer: Signer } | null;
}

function isUppercaseShort(clean: string): boolean {
  return clean.length <= 80 && /\p{L}/u.test(clean) && !/\p{Ll}/u.test(clean) && !/\d/.test(clean);
}

function isRoleLine(clean: string): boolean {
  const kind = classifyLine(clean).kind;
  return isUppercaseShort(clean) && (kind === 'plain' || AUTHORITY.test(clean));
}

/** Finds the signature block by reading up from the last line before the footnotes. */
function readSignature(lines: readonly Line[], from: number, limit: number): TailReading['signature'] {
  let i = limit - 1;
  let nameLine = -1;
  if (i >= from && NAME.test(lines[i].clean)) nameLine = i--;
  while (i >= from && SIGNED_NOTE.test(lines[i].clean)) i -= 1;
  const block: number[] = [];
  while (i >= from && isRoleLine(lines[i].clean)) {
    const joinsBlock = block.length === 0 || lines[i].paragraph === lines[block[0]].paragraph || AUTHORITY.test(lines[i].clean);
    if (!joinsBlock) break;
    block.unshift(i--);
  }
  if (block.length === 0) return null;
  const texts = block.map((index) => lines[index].clean);
  let roleIndex = texts.length - 1;
  while (roleIndex >= 0 && AUTHORITY.test(texts[roleIndex])) roleIndex -= 1;
  const signer: Signer = {
    name: nameLine >= 0 ? lines[nameLine].clean : null,
    role: roleIndex >= 0 ? roleCase(texts[roleIndex]) : null,
    authority: roleIndex >= 0 ? texts.filter((_, index) => index !== roleIndex) : texts,
  };
  return { first: block[0], last: nameLine >= 0 ? nameLine : block[block.length - 1], signer };
}

/** Finds the last "Nơi nhận" line and the list entries under it. */
function readRecipients(lines: readonly Line[], from: number, limit: number): { first: number; lastEntry: number; list: string[] } | null {
  let first = -1;
  for (let i = limit - 1; i >= from; i -= 1) {
    if (RECIPIENTS.test(lines[i].clean)) {
      first = i;
      break;
    }
  }
  if (first < 0) return null;
  const list: string[] = [];
  const inline = RECIPIENTS.exec(lines[first].clean)?.[1] ?? '';
  if (inline) list.push(LIST_ENTRY.exec(inline)?.[1] ?? inline);
  let lastEntry = first;
  for (let i = first + 1; i < limit; i += 1) {
    const entry = LIST_ENTRY.exec(lines[i].clean);
    if (!entry) break;
    if (entry[1]) list.push(entry[1]);
    lastEntry = i;
  }
  return { first, lastEntry, list };
}

/**
 * Reads recipients and signature between `from` (after the header) and `limit` (where the
 * footnotes start). Lines between the recipients list and the signature (a filing code such
 * as "TC_VP7_CCVG_30") stay with the recipients, so no text is left without a section.
 */
export function readTail(lines: readonly Line[], from: number, limit: number): TailReading {
  const signature = readSignature(lines, from, limit);
  const found = readRecipients(lines, from, signature ? signature.first : limit);
  const recipientsAfterSignature = found === null && signature ? readRecipients(lines, signature.last + 1, limit) : null;
  const chosen = found ?? recipientsAfterSignature;
  let recipients: TailReading['recipients'] = null;
  if (chosen) {
    const last = signature && chosen.first < signature.first ? signature.first - 1 : Math.max(chosen.lastEntry, limit - 1);
    recipients = { first: chosen.first, last, list: chosen.list };
  }
  const starts = [recipients?.first, signature?.first].filter((value): value is number => value !== undefined);
  return { start: starts.length > 0 ? Math.min(...starts) : limit, recipients, signature };
}
