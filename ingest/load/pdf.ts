/**
 * PDF → text with pdf.js (legacy build, which runs on Node 20). Pages are laid out by
 * `layoutPageText` and separated by a blank line; the normalizer downstream rejoins sentences a
 * page break cut. Corrupt files, password protection and scans without a text layer become
 * LoadProblems with a reason the user can act on.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { layoutPageText, type PositionedRun } from './pdf-layout.js';
import { LoadProblem, skipReasons } from './skip-reasons.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsModule: Promise<PdfJs> | null = null;

/**
 * Imports pdf.js once, on first use (it is large, and loading it must not cost anything to code
 * that never reads a PDF). While it initialises, pdf.js may `console.log` a warning (e.g. when its
 * optional canvas package is missing) before any `verbosity` option can apply; stdout belongs to
 * the MCP stdio protocol, so those calls are swallowed for the duration of the import only.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= (async () => {
    const { log, info } = console;
    console.log = () => undefined;
    console.info = () => undefined;
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = log;
      console.info = info;
    }
  })();
  return pdfjsModule;
}

/** pdf.js reads standard font data from this folder with fs (a path, not a URL, on Node). */
function standardFontDataPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;
}

/** Extracts the text of a PDF; throws LoadProblem 'corrupt' or 'unreadable'. */
export async function pdfToText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given, so hand it a copy.
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    standardFontDataUrl: standardFontDataPath(),
  });
  try {
    const document = await task.promise.catch((error: unknown) => {
      throw toLoadProblem(error);
    });
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      pages.push(await pageText(document, number));
    }
    const text = pages.filter((page) => page !== '').join('\n\n');
    if (text.trim() === '') throw new LoadProblem('unreadable', skipReasons.scannedPdf());
    return text;
  } finally {
    await task.destroy();
  }
}

async function pageText(document: Awaited<ReturnType<PdfJs['getDocument']>['promise']>, number: number): Promise<string> {
  try {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    page.cleanup();
    const runs = content.items.filter((item): item is PositionedRun & (typeof content.items)[number] => 'str' in item);
    return layoutPageText(runs);
  } catch (error) {
    throw toLoadProblem(error);
  }
}

function toLoadProblem(error: unknown): LoadProblem {
  if (error instanceof LoadProblem) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new LoadProblem('unreadable', skipReasons.encryptedPdf());
  return new LoadProblem('corrupt', skipReasons.corruptPdf());
}
