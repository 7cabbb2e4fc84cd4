/**
 * Structured request logs: one pino line per request on stderr, each carrying a request id
 * (the client's `X-Request-Id` when it is sane, else a fresh UUID, echoed in the response).
 * Privacy: what users type (questions, search terms, query strings) is logged only at debug.
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { pino, type Logger } from 'pino';
import type { AppConfig } from '../../common/config.js';

/** The response header that carries the request id both ways. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Ids a client may choose: short, printable, no spaces, so they cannot forge log lines. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * The process logger: JSON lines on stderr (stdout stays free for the stdio MCP protocol).
 * Tests pass LOG_LEVEL=silent.
 */
export function createLogger(config: Pick<AppConfig, 'LOG_LEVEL'>): Logger {
  return pino({ level: config.LOG_LEVEL, base: { pid: process.pid } }, pino.destination({ fd: 2, sync: true }));
}

/** The client's request id when sane, else a new UUID. */
export function pickRequestId(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

/** The request id given to this response by `requestLogger`. */
export function requestIdOf(res: Response): string | undefined {
  return res.locals.requestId as string | undefined;
}

/** The child logger of this request (bound to its id, made on first use), or `fallback` outside `requestLogger`. */
export function requestLog(res: Response, fallback: Logger): Logger {
  const locals = res.locals as { log?: Logger; logger?: Logger; requestId?: string };
  if (!locals.log && locals.logger && locals.requestId !== undefined) locals.log = locals.logger.child({ reqId: locals.requestId });
  return locals.log ?? fallback;
}

/** The path without its query string: the query may hold what the user typed. */
function pathOf(req: Request): string {
  const url = req.originalUrl || req.url;
  const queryStart = url.indexOf('?');
  return queryStart === -1 ? url : url.slice(0, queryStart);
}

/** The user's words in this request, for debug logs only. */
function userText(req: Request): Record<string, unknown> {
  const text: Record<string, unknown> = {};
  const queryStart = req.originalUrl.indexOf('?');
  if (queryStart !== -1) text.query = req.originalUrl.slice(queryStart + 1);
  const body = req.body as { question?: unknown } | undefined;
  if (body && typeof body === 'object' && typeof body.question === 'string') text.question = body.question;
  return text;
}

/**
 * Middleware: assigns the request id, sets `X-Request-Id` on the response, gives the request a
 * child logger bound to its id (`requestLog`), and logs one line when the response finishes (or
 * the client goes away). The child logger is made when first used: at a level that writes no
 * request line, most requests never need it.
 */
export function requestLogger(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const reqId = pickRequestId(req.headers['x-request-id']);
    res.locals.requestId = reqId;
    res.locals.logger = logger;
    res.setHeader(REQUEST_ID_HEADER, reqId);
    // A silent logger writes no request line, whatever the outcome: nothing to wait for.
    if (!logger.isLevelEnabled('error')) {
      next();
      return;
    }

    const started = process.hrtime.bigint();
    let logged = false;
    const done = (event: 'finish' | 'close') => {
      if (logged) return;
      logged = true;
      // Nothing this line would write at the logger's level: no line, no child logger.
      if (!logger.isLevelEnabled(res.statusCode >= 500 ? 'error' : 'info')) return;
      const log = requestLog(res, logger);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = {
        method: req.method,
        path: pathOf(req),
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        ...(event === 'close' ? { aborted: true } : {}),
      };
      if (log.isLevelEnabled('debug')) log.debug(userText(req), 'request input');
      if (res.statusCode >= 500) log.error(line, 'request failed');
      else log.info(line, event === 'close' ? 'request aborted' : 'request');
    };
    res.once('finish', () => done('finish'));
    res.once('close', () => done(res.writableFinished ? 'finish' : 'close'));
    next();
  };
}
