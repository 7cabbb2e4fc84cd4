/**
 * .docx → text: mammoth converts the document to HTML, then the HTML path renders it, so Word
 * tables become pipe rows and paragraphs are separated by blank lines exactly as for .html files.
 */
import { htmlToText } from './html-to-text.js';
import { LoadProblem, skipReasons } from './skip-reasons.js';

/**
 * Extracts the text of a .docx; throws LoadProblem 'corrupt' when it is not a readable .docx.
 * mammoth (with jszip and underscore) is loaded on the first .docx, not when a process that may
 * ingest starts: the server opens its index through the pipeline, and evaluating these packages
 * at every start cost ~60 ms of the built server's start-up for corpora that hold no .docx.
 */
export async function docxToText(bytes: Buffer): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  // Images carry no text: keep them out of the HTML instead of inlining them as base64.
  const dropImages = mammoth.images.imgElement(async () => ({ src: '' }));
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      // A .docx can link files by path; reading them while indexing would leak local files.
      { convertImage: dropImages, externalFileAccess: false, ignoreEmptyParagraphs: true },
    );
    html = result.value;
  } catch {
    throw new LoadProblem('corrupt', skipReasons.corruptDocx());
  }
  return htmlToText(html);
}
