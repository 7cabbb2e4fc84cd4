/**
 * Turns the bytes of a text file (.txt, .md, .html) into a string: UTF-8 with or without BOM,
 * UTF-16 LE/BE with a BOM or recognised by its NUL-byte pattern. Anything else is not guessed at:
 * it is decoded as windows-1252 only to tell the user whether it is TCVN3/VNI, then refused.
 */
import iconv from 'iconv-lite';
import { detectLegacyVietnamese } from './legacy-encoding.js';
import { LoadProblem, skipReasons } from './skip-reasons.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** How many leading bytes are sampled for the UTF-16 NUL-byte pattern. */
const SAMPLE_BYTES = 4096;
/** In UTF-16 Vietnamese most characters are ASCII or Latin-1, so one byte of most pairs is NUL. */
const MIN_NUL_SHARE = 0.2;
/** …and the other byte of the pair almost never is. */
const MAX_OTHER_NUL_SHARE = 0.02;

/** Finds the encoding from a BOM or the NUL-byte pattern; null means "try UTF-8". */
export function detectUnicodeEncoding(bytes: Uint8Array): TextEncoding | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return detectBomlessUtf16(bytes);
}

function detectBomlessUtf16(bytes: Uint8Array): TextEncoding | null {
  const length = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (length < 2) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenNuls += 1;
    if (bytes[index + 1] === 0) oddNuls += 1;
  }
  const pairs = length / 2;
  if (oddNuls >= MIN_NUL_SHARE * pairs && evenNuls <= MAX_OTHER_NUL_SHARE * pairs) return 'utf-16le';
  if (evenNuls >= MIN_NUL_SHARE * pairs && oddNuls <= MAX_OTHER_NUL_SHARE * pairs) return 'utf-16be';
  return null;
}

/**
 * Decodes a text file's bytes. Throws LoadProblem 'legacy-encoding' for bytes that are not
 * Unicode (naming TCVN3/VNI when detected) and 'corrupt' for binary data in a text file.
 */
export function decodeTextBytes(bytes: Buffer): { text: string; encoding: TextEncoding } {
  const encoding = detectUnicodeEncoding(bytes);
  if (encoding === 'utf-16le') return { text: stripBom(bytes.toString('utf16le')), encoding };
  if (encoding === 'utf-16be') return { text: stripBom(iconv.decode(bytes, 'utf-16be')), encoding };
  const utf8 = decodeStrictUtf8(bytes);
  if (utf8 !== null) {
    if (utf8.includes('\u0000')) throw new LoadProblem('corrupt', skipReasons.binaryText());
    return { text: stripBom(utf8), encoding: 'utf-8' };
  }
  if (bytes.includes(0)) throw new LoadProblem('corrupt', skipReasons.binaryText());
  // Decoded only to recognise the legacy encoding and name it; never returned as text.
  const latin = iconv.decode(bytes, 'windows-1252');
  const verdict = detectLegacyVietnamese(latin);
  const reason = verdict.encoding ? skipReasons.legacyEncoding(verdict.encoding) : skipReasons.notUnicode();
  throw new LoadProblem('legacy-encoding', reason);
}

function decodeStrictUtf8(bytes: Buffer): string | null {
  try {
    // ignoreBOM keeps a BOM in the string so stripBom handles every encoding the same way.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
