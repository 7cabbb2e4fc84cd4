/**
 * `POST /api/ask`: one answer as JSON, or the same answer as server-sent events when the client
 * sends `Accept: text/event-stream` (events `citations`, `delta`, `done`, and `error` on failure).
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import { shortNamesOf, toCitationView, type ShortNames } from '../../core/catalog/display.js';
import type { AskResponse, PlanAssistant } from '../../core/types.js';
import { HttpError, mapError } from '../errors.js';
import { askBodySchema, parseInput, type AskBody } from '../schemas.js';
import { openEventStream, wantsEventStream } from '../sse.js';

export interface AskRouteDeps {
  getAssistant: () => PlanAssistant;
  logger: Logger;
}

/** POST bodies must be JSON: anything else is refused before parsing (415). */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) {
    next(
      new HttpError(
        415,
        'unsupported_media_type',
        'Yêu cầu phải gửi nội dung JSON với tiêu đề Content-Type: application/json.',
      ),
    );
    return;
  }
  next();
};

/** The response with each citation's label and document short name, so pages compute neither. */
function withLabels(response: AskResponse, shortNames: ShortNames): AskResponse {
  return { ...response, citations: response.citations.map((citation) => toCitationView(citation, shortNames)) };
}

function abortOnDisconnect(req: Request): AbortSignal {
  const controller = new AbortController();
  // Read late (see askOptions), the client may already be gone.
  if (req.res?.destroyed && !req.res.writableFinished) controller.abort();
  req.res?.on('close', () => {
    if (!req.res?.writableFinished) controller.abort();
  });
  return controller.signal;
}

/**
 * Ask options whose `signal` (aborted when the client goes away) is made on first read: an
 * extractive answer never reads it, a model call does. A class, so the getter is defined once
 * on its prototype rather than on a new object literal for every request.
 */
class AskOptions {
  #signal: AbortSignal | undefined;

  constructor(private readonly req: Request) {}

  get signal(): AbortSignal {
    this.#signal ??= abortOnDisconnect(this.req);
    return this.#signal;
  }
}

function askOptions(req: Request): { readonly signal: AbortSignal } {
  return new AskOptions(req);
}

/**
 * Sends `body` as `res.json` does (same JSON text, same Content-Type and Content-Length), without
 * the ETag Express would hash the body for: a POST answer is never revalidated. The text goes out
 * with the headers in one write, not as a separate buffer.
 */
function sendJson(res: Response, body: unknown): void {
  const text = JSON.stringify(body);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/**
 * The documents' short names, once per assistant: listing the documents cost ~0.1 ms, a twentieth
 * of a request. A reloaded index comes with a new assistant, so the names follow it.
 */
const shortNamesByAssistant = new WeakMap<PlanAssistant, ShortNames>();

function shortNamesFor(assistant: PlanAssistant): ShortNames {
  let names = shortNamesByAssistant.get(assistant);
  if (!names) {
    names = shortNamesOf(assistant.listDocuments().documents);
    shortNamesByAssistant.set(assistant, names);
  }
  return names;
}

/** One line per answer: its intent, and why it abstained (the decide stage's reason). */
function logAnswer(logger: Logger, response: AskResponse): void {
  if (!logger.isLevelEnabled('info')) return;
  logger.info({ intent: response.intent, intentRule: response.intentRule, abstained: response.abstained, abstainReason: response.abstainReason, mode: response.mode }, 'answer');
}

/** Builds the router for the ask endpoint. */
export function askRouter(deps: AskRouteDeps): Router {
  const router = Router();
  router.post('/api/ask', requireJsonBody, async (req, res) => {
    const body: AskBody = parseInput(askBodySchema, req.body);
    const assistant = deps.getAssistant();
    const shortNames = shortNamesFor(assistant);
    if (!wantsEventStream(req)) {
      const response = await assistant.ask(body, askOptions(req));
      logAnswer(deps.logger, response);
      sendJson(res, withLabels(response, shortNames));
      return;
    }
    const stream = openEventStream(res);
    try {
      for await (const event of assistant.askStream(body, { signal: stream.signal })) {
        const payload =
          event.type === 'citations'
            ? { citations: event.citations.map((citation) => toCitationView(citation, shortNames)) }
            : event.type === 'delta'
              ? { text: event.text }
              : withLabels(event.response, shortNames);
        if (event.type === 'done') logAnswer(deps.logger, event.response);
        if (!stream.send(event.type, payload)) break;
      }
    } catch (error) {
      // Headers are gone: the fault is reported as an event the page can show, in the usual shape.
      const mapped = mapError(error);
      if (mapped.status >= 500) deps.logger.error({ err: error }, 'answer stream failed');
      stream.send('error', mapped.body);
    } finally {
      stream.end();
    }
  });
  return router;
}
