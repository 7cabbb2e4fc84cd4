/**
 * The issuing body of a header, and the parent body written above it (Nghị định 30/2020/NĐ-CP,
 * Phụ lục I: "BỘ NỘI VỤ" over "CỤC …", "UBND TỈNH …" over "SỞ …"). A header line that opens with
 * an organization head word, under another line, starts the issuer; the lines above are its
 * parent. "ỦY BAN NHÂN DÂN" over "TỈNH …" is one body: "TỈNH" opens no organization.
 */
import layout from '../vocabulary/header-layout.json' with { type: 'json' };
import { foldForMatch } from '../normalize/index.js';
import { organizationCase } from './text-case.js';

/** Organization head words, folded, longest first so "chi cuc" wins over "cuc". */
const HEADS: readonly string[] = layout.organizationHeads.map((head) => foldForMatch(head)).sort((a, b) => b.length - a.length);

/** Whether a header line opens the name of an organization. */
export function opensOrganization(line: string): boolean {
  const folded = foldForMatch(line).trim();
  return HEADS.some((head) => folded === head || folded.startsWith(`${head} `));
}

/** The issuer and its parent, cased for display; `expected` (the registry's spelling) wins when it names the same body. */
export function splitIssuer(lines: readonly string[], expected?: string): { issuer: string; parent: string | null } {
  let start = 0;
  for (let index = lines.length - 1; index > 0; index -= 1) {
    if (opensOrganization(lines[index])) {
      start = index;
      break;
    }
  }
  const written = lines.slice(start).join(' ');
  const parent = start > 0 ? organizationCase(lines.slice(0, start).join(' ')) : null;
  const sameAsExpected = expected !== undefined && foldForMatch(expected) === foldForMatch(written);
  return { issuer: sameAsExpected ? expected : organizationCase(written), parent };
}
