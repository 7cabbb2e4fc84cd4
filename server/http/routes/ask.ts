/**
 * `POST /api/ask`: one answer as JSON, or the same answer as server-sent events when the client
 * sends `Accept: text/event-stream` (events `citations`, `delta`, `done`, and `error` on failure).
 */
import { Router, type Request, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { PlanAssistant } from '../../core/types.js';
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

function abortOnDisconnect(req: Request): AbortSignal {
  const controller = new AbortController();
  req.res?.on('close', () => {
    if (!req.res?.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** Builds the router for the ask endpoint. */
export function askRouter(deps: AskRouteDeps): Router {
  const router = Router();
  router.post('/api/ask', requireJsonBody, async (req, res) => {
    const body: AskBody = parseInput(askBodySchema, req.body);
    const assistant = deps.getAssistant();
    if (!wantsEventStream(req)) {
      res.json(await assistant.ask(body, { signal: abortOnDisconnect(req) }));
      return;
    }
    const stream = openEventStream(res);
    try {
      for await (const event of assistant.askStream(body, { signal: stream.signal })) {
        const payload =
          event.type === 'citations'
            ? { citations: event.citations }
            : event.type === 'delta'
              ? { text: event.text }
              : event.response;
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
