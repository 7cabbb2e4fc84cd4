/**
 * MCP over Streamable HTTP with sessions, as an Express router that owns the `/mcp` path
 * (the app mounts it at the root, before its own body parser):
 * - POST /mcp without a session and with `initialize` starts a session (its own McpServer);
 * - POST/GET/DELETE /mcp with `Mcp-Session-Id` go to that session (GET = SSE stream, DELETE = end);
 * - an unknown session is 404, a missing one on anything but `initialize` is 400;
 * - Host and Origin are validated first (DNS rebinding), 403 otherwise.
 * Sessions are bounded: when full, the least recently used one is closed; a session unused for
 * `MCP_SESSION_IDLE_MINUTES` (no request, no open SSE stream) is closed too (checked at each
 * request and by a timer), and a later request with its id gets the protocol's 404 "session not found".
 */
import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { AppConfig } from '../../common/config.js';
import type { PlanAssistant } from '../core/types.js';
import { hostGuard, hostPolicy } from './host-guard.js';
import { createMcpServer } from './server.js';

export const MCP_PATH = '/mcp';
/** JSON-RPC bodies are small; a larger one is a mistake or an attack. */
export const MCP_BODY_LIMIT = '1mb';
export const DEFAULT_MAX_SESSIONS = 100;

export interface McpHttpDeps {
  getAssistant: () => PlanAssistant;
  config: AppConfig;
  logger: Logger;
  /** Most sessions kept open at once; default 100. */
  maxSessions?: number;
  /** Clock in milliseconds, for idle expiry; default `Date.now`. */
  now?: () => number;
}

export interface McpHttpHandler {
  router: express.Router;
  /** Ends every session (their SSE streams too). Called at shutdown; later requests get 503. */
  close(): Promise<void>;
  /** Open sessions, for diagnostics and tests. */
  sessionCount(): number;
  /** Closes the sessions idle longer than the configured time; runs by itself on a timer too. */
  closeIdleSessions(): Promise<void>;
}

/** How often the timer looks for idle sessions, at most. */
const IDLE_SWEEP_MS = 60_000;

interface Session {
  transport: StreamableHTTPServerTransport;
  cleanup(): Promise<void>;
  lastSeen: number;
  /** Open GET (SSE) streams: a client listening is not idle; its idle time starts when the stream ends. */
  openStreams: number;
}

function sendRpcError(res: Response, status: number, code: number, message: string): void {
  res.status(status).json({ jsonrpc: '2.0', error: { code, message }, id: null });
}

function sessionHeader(req: Request): string | undefined {
  const value = req.headers['mcp-session-id'];
  return Array.isArray(value) ? value[0] : value;
}

/** Body-parser failures as JSON-RPC errors instead of the app's HTML or API error shape. */
const bodyErrors: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
  if (error?.type === 'entity.parse.failed') return sendRpcError(res, 400, -32700, 'Parse error: thân yêu cầu không phải JSON hợp lệ.');
  if (error?.type === 'entity.too.large') return sendRpcError(res, 413, -32600, `Yêu cầu quá lớn (tối đa ${MCP_BODY_LIMIT}).`);
  next(error);
};

/** Builds the router and the session table. */
export function createMcpHttpHandler(deps: McpHttpDeps): McpHttpHandler {
  const { logger } = deps;
  const maxSessions = deps.maxSessions ?? DEFAULT_MAX_SESSIONS;
  const now = deps.now ?? Date.now;
  const idleMs = deps.config.MCP_SESSION_IDLE_MINUTES * 60_000;
  const sessions = new Map<string, Session>();
  let closed = false;

  async function closeIdleSessions(): Promise<void> {
    const cutoff = now() - idleMs;
    const idle = [...sessions].filter(([, session]) => session.openStreams === 0 && session.lastSeen <= cutoff);
    for (const [sessionId] of idle) {
      sessions.delete(sessionId);
      logger.info({ sessionId }, 'MCP: phiên không hoạt động quá lâu, đóng phiên');
    }
    await Promise.allSettled(idle.map(([, session]) => session.cleanup()));
  }
  // The timer must not keep the process alive, and a failed sweep is only logged.
  const sweeper = setInterval(() => {
    closeIdleSessions().catch((error: unknown) => logger.error({ err: error }, 'MCP: lỗi khi đóng phiên không hoạt động'));
  }, Math.min(idleMs, IDLE_SWEEP_MS));
  sweeper.unref();

  async function evictLeastRecent(): Promise<void> {
    let oldest: [string, Session] | null = null;
    for (const entry of sessions) if (!oldest || entry[1].lastSeen < oldest[1].lastSeen) oldest = entry;
    if (!oldest) return;
    logger.info({ sessionId: oldest[0] }, 'MCP: đủ số phiên tối đa, đóng phiên cũ nhất');
    sessions.delete(oldest[0]);
    await oldest[1].cleanup();
  }

  async function startSession(req: Request, res: Response): Promise<void> {
    if (sessions.size >= maxSessions) await evictLeastRecent();
    const mcp = createMcpServer({ getAssistant: deps.getAssistant, logger });
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: randomUUID,
      onsessioninitialized: (sessionId) => {
        sessions.set(sessionId, { transport, cleanup: mcp.cleanup, lastSeen: now(), openStreams: 0 });
        logger.debug({ sessionId }, 'MCP: phiên mới');
      },
    });
    // Set before connect: the server chains its own close handler after this one.
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    await mcp.server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  }

  /** The session a request names, or null after answering 400/404. */
  function findSession(req: Request, res: Response): Session | null {
    const sessionId = sessionHeader(req);
    if (!sessionId) {
      sendRpcError(res, 400, -32000, 'Bad Request: thiếu Mcp-Session-Id; hãy gửi initialize trước (no valid session ID provided).');
      return null;
    }
    const session = sessions.get(sessionId);
    if (!session) {
      sendRpcError(res, 404, -32001, 'Phiên MCP không tồn tại hoặc đã kết thúc; hãy khởi tạo lại (session not found).');
      return null;
    }
    session.lastSeen = now();
    return session;
  }

  async function handlePost(req: Request, res: Response): Promise<void> {
    if (!sessionHeader(req) && isInitializeRequest(req.body)) return startSession(req, res);
    const session = findSession(req, res);
    if (session) await session.transport.handleRequest(req, res, req.body);
  }

  async function handleSessionRequest(req: Request, res: Response): Promise<void> {
    const session = findSession(req, res);
    if (!session) return;
    if (req.method === 'GET') {
      session.openStreams += 1;
      res.on('close', () => {
        session.openStreams -= 1;
        session.lastSeen = now();
      });
    }
    await session.transport.handleRequest(req, res);
  }

  /** Wraps a handler: 503 after close, and a generic 500 (logged) for anything unforeseen. */
  function guarded(handler: (req: Request, res: Response) => Promise<void>) {
    return (req: Request, res: Response) => {
      if (closed) return sendRpcError(res, 503, -32000, 'Máy chủ MCP đang dừng (shutting down).');
      closeIdleSessions()
        .then(() => handler(req, res))
        .catch((error: unknown) => {
        logger.error({ err: error, method: req.method }, 'MCP: lỗi khi xử lý yêu cầu HTTP');
        if (!res.headersSent) sendRpcError(res, 500, -32603, 'Lỗi nội bộ của máy chủ MCP (internal error).');
      });
    };
  }

  const router = express.Router();
  router.use(MCP_PATH, hostGuard(hostPolicy(deps.config)));
  router.post(MCP_PATH, express.json({ limit: MCP_BODY_LIMIT }), guarded(handlePost));
  router.get(MCP_PATH, guarded(handleSessionRequest));
  router.delete(MCP_PATH, guarded(handleSessionRequest));
  router.all(MCP_PATH, (req, res) => {
    res.setHeader('Allow', 'GET, POST, DELETE');
    sendRpcError(res, 405, -32000, `Phương thức ${req.method} không được hỗ trợ ở ${MCP_PATH}.`);
  });
  router.use(MCP_PATH, bodyErrors);

  return {
    router,
    async close() {
      closed = true;
      clearInterval(sweeper);
      const open = [...sessions.values()];
      sessions.clear();
      await Promise.allSettled(open.map((session) => session.cleanup()));
    },
    sessionCount: () => sessions.size,
    closeIdleSessions,
  };
}
