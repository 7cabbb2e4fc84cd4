/**
 * The one place where errors become HTTP responses: `{ error: { code, message } }`, code in
 * English for programs, message in Vietnamese for people. Unknown errors become a generic 500:
 * no stack trace or internal message ever reaches a client.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { CorpusNotIndexedError, DomainError, IndexMismatchError, InvalidInputError, NotFoundError } from '../../common/errors.js';
import { requestLog } from './request-log.js';

/** An error raised by the HTTP edge itself (validation, content type), with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface ErrorBody {
  error: { code: string; message: string };
}

export interface MappedError {
  status: number;
  body: ErrorBody;
}

const GENERIC_MESSAGE = 'Đã xảy ra lỗi không mong muốn trên máy chủ. Vui lòng thử lại sau.';

/** Errors thrown by body-parser carry a `type` and a `status`; these are the ones a client causes. */
const BODY_PARSER_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': {
    status: 413,
    code: 'payload_too_large',
    message: 'Nội dung yêu cầu quá lớn (tối đa 64 KB).',
  },
  'entity.parse.failed': {
    status: 400,
    code: 'invalid_json',
    message: 'Nội dung yêu cầu không phải JSON hợp lệ.',
  },
  'encoding.unsupported': {
    status: 415,
    code: 'unsupported_media_type',
    message: 'Bảng mã của nội dung yêu cầu không được hỗ trợ; hãy gửi JSON UTF-8.',
  },
  'charset.unsupported': {
    status: 415,
    code: 'unsupported_media_type',
    message: 'Bảng mã của nội dung yêu cầu không được hỗ trợ; hãy gửi JSON UTF-8.',
  },
  'request.aborted': { status: 400, code: 'request_aborted', message: 'Yêu cầu bị ngắt giữa chừng.' },
};

function bodyParserError(error: unknown): MappedError | null {
  if (typeof error !== 'object' || error === null || !('type' in error)) return null;
  const known = BODY_PARSER_ERRORS[String((error as { type: unknown }).type)];
  return known ? { status: known.status, body: { error: { code: known.code, message: known.message } } } : null;
}

function statusOfDomainError(error: DomainError): number {
  if (error instanceof NotFoundError) return 404;
  if (error instanceof InvalidInputError) return 400;
  if (error instanceof CorpusNotIndexedError || error instanceof IndexMismatchError) return 503;
  return 500;
}

/** Maps any thrown value to a status and the error body. Pure: logging is the caller's job. */
export function mapError(error: unknown): MappedError {
  if (error instanceof HttpError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message } } };
  }
  if (error instanceof DomainError) {
    const status = statusOfDomainError(error);
    const message = status === 500 ? GENERIC_MESSAGE : error.message;
    return { status, body: { error: { code: status === 500 ? 'internal_error' : error.code, message } } };
  }
  const parserError = bodyParserError(error);
  if (parserError) return parserError;
  return { status: 500, body: { error: { code: 'internal_error', message: GENERIC_MESSAGE } } };
}

/** The Express error middleware: maps, logs server faults (with the stack, to the log only), responds. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    const mapped = mapError(error);
    // The path only: the query string may hold what the user typed (see SECURITY.md, logs).
    if (mapped.status >= 500) requestLog(res, logger).error({ err: error, method: req.method, path: req.path }, 'request failed');
    if (res.headersSent) {
      // The response is already under way (a stream): nothing to map, only cut it.
      next(error);
      return;
    }
    res.status(mapped.status).json(mapped.body);
  };
}

/** Answers every route nobody claimed with a 404 in the error format. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `Không tìm thấy đường dẫn ${req.method} ${req.path.slice(0, 200)}.`));
};
