/**
 * The Express application: request logs, security, the JSON API, MCP, the web pages, and one
 * error mapper. A factory that never listens (see `start.ts`), so tests can mount it anywhere.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { Logger } from 'pino';
import type { AppConfig } from '../../common/config.js';
import type { PlanAssistant } from '../core/types.js';
import { MCP_PATH } from '../mcp/http.js';
import { errorHandler, notFoundHandler } from './errors.js';
import { buildOpenApiDocument } from './openapi.js';
import { onlyUnder } from './mount.js';
import { requestLogger } from './request-log.js';
import { askRouter } from './routes/ask.js';
import { libraryRouter } from './routes/library.js';
import { obligationRouter } from './routes/obligations.js';
import { taskRouter } from './routes/tasks.js';
import { applySecurity } from './security.js';

export interface AppDeps {
  /** A getter, not a value: the index (and so the assistant) can be swapped at run time. */
  getAssistant: () => PlanAssistant;
  config: AppConfig;
  logger: Logger;
  /** The MCP Streamable HTTP router; it handles its own `/mcp` paths and bodies. */
  mcp?: { router: express.Router };
  /** Clock for calendar stamps; tests pin it. */
  now?: () => Date;
}

/** Largest JSON body accepted; beyond it the answer is 413 `payload_too_large`. */
export const JSON_BODY_LIMIT = '64kb';

/** Folder of the static web pages (html, css, browser ES modules). */
export const WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));

export { onlyUnder };

function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version?: string }).version ?? '0.0.0';
}

/** Builds the app. Mount order matters: logs, security, MCP, body parser, routes, pages, 404, errors. */
export function createApp(deps: AppDeps): express.Express {
  const now = deps.now ?? (() => new Date());
  const app = express();
  app.use(requestLogger(deps.logger));
  applySecurity(app, deps.config, deps.logger);

  // Before our JSON parser: the MCP transport reads its own bodies (and has its own limits).
  if (deps.mcp) app.use(onlyUnder(MCP_PATH, deps.mcp.router));

  app.use(onlyUnder('/api', express.json({ limit: JSON_BODY_LIMIT, strict: true })));
  // The ask route first: it is the busiest, and the others answer GET only (no path is shared).
  app.use(askRouter({ getAssistant: deps.getAssistant, logger: deps.logger }));
  app.use(libraryRouter({ getAssistant: deps.getAssistant }));
  app.use(taskRouter({ getAssistant: deps.getAssistant, now }));
  app.use(obligationRouter({ getAssistant: deps.getAssistant, now }));

  // Built on the first request, not at start: converting every schema took ~100 ms of the start-up.
  let openApi: ReturnType<typeof buildOpenApiDocument> | null = null;
  app.get('/openapi.json', (_req, res) => {
    openApi ??= buildOpenApiDocument(packageVersion());
    res.json(openApi);
  });

  app.use(express.static(WEB_ROOT, { index: 'index.html', extensions: ['html'], maxAge: 0 }));
  // A browser asking for a page that does not exist gets a page in Vietnamese, not raw JSON.
  app.use((req, res, next) => {
    if (req.method === 'GET' && !req.path.startsWith('/api/') && req.accepts(['json', 'html']) === 'html') res.status(404).sendFile('404.html', { root: WEB_ROOT });
    else next();
  });
  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
