/**
 * Why a file was not loaded: machine codes plus the Vietnamese reasons a user reads in the ingest
 * summary. Each reason says what is wrong and what to do, so nobody needs a log to fix the corpus.
 */
import path from 'node:path';

/** Machine-readable causes of a skipped file (the `code` of a SkippedFile). */
export type SkipCode = 'empty' | 'corrupt' | 'legacy-encoding' | 'unsupported' | 'unreadable';

/**
 * Thrown by a format loader when a file cannot become text; `loadFile` turns it into a SkippedFile.
 * Internal to the load stage: it never leaves `loadFile`.
 */
export class LoadProblem extends Error {
  constructor(
    readonly code: SkipCode,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'LoadProblem';
  }
}

const RERUN = 'rồi chạy lại ingest';

/** The supported formats as a user reads them in a reason. */
const SUPPORTED_LIST = '.txt, .md, .docx, .pdf, .html';

/** Reason texts, by situation. Functions where the text names the file's format. */
export const skipReasons = {
  empty: (): string =>
    `Tệp rỗng hoặc chỉ có khoảng trắng, không có nội dung để lập chỉ mục; hãy kiểm tra lại nội dung tệp (hoặc xóa tệp khỏi thư mục corpus) ${RERUN}.`,
  legacyEncoding: (detected: string): string =>
    `Tệp dùng bảng mã cũ (TCVN3/VNI; nhận dạng là ${detected}), chưa được lập chỉ mục; hãy chuyển sang Unicode (UTF-8), ví dụ bằng chức năng chuyển mã của Unikey, ${RERUN}.`,
  binaryText: (): string =>
    `Tệp văn bản chứa dữ liệu nhị phân, không phải chữ; hãy kiểm tra lại tệp (có thể đặt nhầm phần mở rộng) ${RERUN}.`,
  notUnicode: (): string =>
    `Tệp không dùng bảng mã Unicode (UTF-8 hoặc UTF-16) nên chưa được lập chỉ mục; hãy lưu lại tệp với bảng mã UTF-8 ${RERUN}.`,
  corruptPdf: (): string =>
    `Tệp PDF bị hỏng hoặc không đúng cấu trúc PDF (có thể bị tải về chưa hết); hãy lấy lại bản PDF gốc hoặc xuất lại PDF từ văn bản gốc ${RERUN}.`,
  encryptedPdf: (): string =>
    `Tệp PDF được bảo vệ bằng mật khẩu nên không đọc được nội dung; hãy gỡ mật khẩu (hoặc xuất lại PDF không đặt mật khẩu) ${RERUN}.`,
  scannedPdf: (): string =>
    `Tệp PDF không có lớp chữ (có thể là bản scan dạng ảnh) nên không trích xuất được văn bản; cần nhận dạng ký tự (OCR) để chuyển sang PDF có lớp chữ hoặc tệp .docx/.txt ${RERUN}.`,
  htmlWithoutDocument: (): string =>
    `Trang HTML không chứa nội dung văn bản (chỉ có phần khung trang như trình đơn, tập lệnh, liên kết); hãy lưu lại đúng trang có toàn văn văn bản ${RERUN}.`,
  markdownWithoutText: (): string =>
    `Tệp Markdown chỉ có các dòng kẻ bảng "|", không có chữ của văn bản; hãy lấy lại bản đầy đủ của văn bản ${RERUN}.`,
  corruptDocx: (): string =>
    `Tệp Word (.docx) bị hỏng hoặc không đúng định dạng .docx; hãy mở tệp bằng Word hoặc LibreOffice và lưu lại dưới dạng .docx ${RERUN}.`,
  unexpected: (format: string): string =>
    `Không trích xuất được nội dung tệp .${format} (tệp có thể bị hỏng hoặc dùng tính năng chưa hỗ trợ); hãy mở và lưu lại tệp, hoặc chuyển sang .txt/.docx ${RERUN}.`,
  unreadableFile: (cause: string): string =>
    `Không đọc được tệp (${cause}); hãy kiểm tra quyền đọc và tình trạng tệp ${RERUN}.`,
  unsupported: (extension: string): string => unsupportedReason(extension),
};

function unsupportedReason(extension: string): string {
  const shown = extension === '' ? 'không có phần mở rộng' : extension;
  if (extension === '.doc') {
    return `Định dạng .doc (Word 97–2003) chưa được hỗ trợ; hãy mở bằng Word hoặc LibreOffice và lưu lại dưới dạng .docx ${RERUN}.`;
  }
  return `Định dạng tệp (${shown}) chưa được hỗ trợ; hãy chuyển sang một trong các định dạng ${SUPPORTED_LIST} ${RERUN}.`;
}

/** The lowercase extension of a path, with its dot ('' when none). */
export function extensionOf(filePath: string): string {
  return path.extname(filePath).toLowerCase();
}
