/**
 * Access control and hardening for the HTTP app: API key, Host validation, CORS allowlist,
 * security headers and per-client rate limits. Each piece is a separate middleware factory;
 * `applySecurity` mounts them in the order that matters (see its comment).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import cors from 'cors';
import helmet from 'helmet';
import { rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import type { AppConfig } from '../../common/config.js';
import { onlyUnder } from './mount.js';

/** Paths that carry data or actions; everything else (pages, /healthz, /openapi.json) stays open. */
export const PROTECTED_PATHS = ['/api', '/mcp'] as const;

/** The Content-Security-Policy the web pages are written to pass: no inline script or style. */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'];
const ALL_INTERFACES = ['0.0.0.0', '::', '[::]'];

type Config = Pick<
  AppConfig,
  'HOST' | 'API_KEY' | 'CORS_ORIGINS' | 'ALLOWED_HOSTS' | 'RATE_LIMIT_PER_MINUTE' | 'TRUST_PROXY'
>;

/** Sends an error in the SPEC format `{ error: { code, message } }`. */
function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/**
 * The warning to log when the server listens on every interface without an API key, or null.
 * Anyone on the network could then read the index and spend the model budget.
 */
export function bindWarning(config: Pick<AppConfig, 'HOST' | 'API_KEY'>): string | null {
  if (!ALL_INTERFACES.includes(config.HOST.trim()) || config.API_KEY) return null;
  return (
    `Máy chủ đang lắng nghe trên mọi giao diện mạng (HOST=${config.HOST}) mà không có API_KEY: ` +
    'bất kỳ ai trong mạng đều gọi được /api và /mcp. Đặt API_KEY (và ALLOWED_HOSTS) — xem SECURITY.md.'
  );
}

/** Hashing both sides first gives equal-length buffers, so `timingSafeEqual` never throws or leaks length. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Constant-time comparison of a presented key with the configured one. */
export function keysMatch(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

/** Extracts the token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match ? match[1] : null;
}

/** Requires `Authorization: Bearer <apiKey>`; answers 401 with `WWW-Authenticate: Bearer` otherwise. */
export function requireApiKey(apiKey: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    // Preflight requests never carry credentials; CORS (mounted before) answers them when allowed.
    if (req.method === 'OPTIONS') return next();
    const token = bearerToken(req.headers.authorization);
    if (token !== null && keysMatch(token, apiKey)) return next();
    res.setHeader(
      'WWW-Authenticate',
      token === null ? 'Bearer realm="plan-assistant"' : 'Bearer realm="plan-assistant", error="invalid_token"',
    );
    sendError(
      res,
      401,
      'unauthorized',
      token === null
        ? 'Cần khóa truy cập: gửi tiêu đề "Authorization: Bearer <khóa>".'
        : 'Khóa truy cập không đúng.',
    );
  };
}

/** The host name of a Host header, lower-cased, without port or IPv6 brackets. */
export function hostName(hostHeader: string | undefined): string | null {
  if (!hostHeader) return null;
  const value = hostHeader.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) return bracketed[1];
  const plain = /^([^:]+)(?::\d+)?$/.exec(value);
  return plain ? plain[1] : null;
}

/**
 * The Host names accepted, or null when any is. Loopback binds accept loopback names only,
 * which defeats DNS rebinding (a hostile page resolving its own name to 127.0.0.1); a LAN bind
 * accepts what `ALLOWED_HOSTS` lists, or anything when it lists nothing (bindWarning covers that).
 */
export function allowedHosts(config: Pick<AppConfig, 'HOST' | 'ALLOWED_HOSTS'>): Set<string> | null {
  const extra = config.ALLOWED_HOSTS.map((host) => hostName(host) ?? host.toLowerCase());
  const host = hostName(config.HOST) ?? config.HOST;
  if (LOOPBACK_HOSTS.includes(host)) return new Set([...LOOPBACK_HOSTS, ...extra]);
  if (extra.length === 0) return null;
  return new Set([...LOOPBACK_HOSTS, host, ...extra].filter((name) => !ALL_INTERFACES.includes(name)));
}

/** Refuses requests whose Host header is not in `allowed` with 403. */
export function validateHost(allowed: Set<string>): RequestHandler {
  return (req, res, next) => {
    const name = hostName(req.headers.host);
    if (name !== null && allowed.has(name)) return next();
    sendError(res, 403, 'forbidden_host', 'Tên máy chủ (Host) không được phép. Thêm nó vào ALLOWED_HOSTS nếu cần.');
  };
}

/** CORS closed by default: only origins in `CORS_ORIGINS` get CORS headers (and preflight answers). */
export function corsPolicy(config: Pick<AppConfig, 'CORS_ORIGINS'>): RequestHandler {
  const allowlist = new Set(config.CORS_ORIGINS.map((origin) => origin.replace(/\/+$/, '')));
  return cors({
    origin: allowlist.size === 0 ? false : (origin, callback) => callback(null, Boolean(origin && allowlist.has(origin))),
    methods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Authorization', 'Accept', 'Mcp-Session-Id', 'Mcp-Protocol-Version', 'Last-Event-ID', 'X-Request-Id'],
    exposedHeaders: ['Mcp-Session-Id', 'X-Request-Id', 'WWW-Authenticate', 'RateLimit', 'RateLimit-Policy', 'Retry-After'],
    maxAge: 600,
  });
}

/** Helmet with the pages' Content-Security-Policy. */
function helmetMiddleware(): RequestHandler {
  return helmet({
    // Without defaults: helmet's `upgrade-insecure-requests` would break a plain-HTTP LAN deployment.
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  }) as RequestHandler;
}

/** What helmet does to a response: the headers it sets, in order, and those it removes. */
interface HeaderEdits {
  set: [string, string][];
  removed: string[];
}

/**
 * Runs helmet once on a recording response. Our policy has no per-request part (no nonce, no
 * function directive), so the headers are the same for every request.
 */
function recordHelmetHeaders(): HeaderEdits {
  const edits: HeaderEdits = { set: [], removed: [] };
  const recorder = {
    setHeader: (name: string, value: string) => edits.set.push([name, String(value)]),
    removeHeader: (name: string) => edits.removed.push(name),
  };
  let failure: unknown = null;
  helmetMiddleware()({} as Request, recorder as unknown as Response, (error?: unknown) => (failure = error ?? null));
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return edits;
}

/**
 * Security headers (helmet's, with the pages' Content-Security-Policy). Helmet runs once at
 * start on a recording response and each request gets the recorded headers in one step, not
 * through helmet's chain of twelve middlewares.
 */
export function securityHeaders(): RequestHandler {
  const { set, removed } = recordHelmetHeaders();
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    next();
  };
}

/** Per-client rate limit (client = IP, or the proxy's X-Forwarded-For with TRUST_PROXY); null when 0. */
export function rateLimiter(config: Pick<AppConfig, 'RATE_LIMIT_PER_MINUTE'>): RequestHandler | null {
  if (config.RATE_LIMIT_PER_MINUTE === 0) return null;
  return rateLimit({
    windowMs: 60_000,
    limit: config.RATE_LIMIT_PER_MINUTE,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) =>
      sendError(res, 429, 'rate_limited', 'Quá nhiều yêu cầu trong một phút. Vui lòng thử lại sau ít giây.'),
  }) as RequestHandler;
}

/**
 * Mounts the security middlewares on `app`, before any route. Order: headers on everything;
 * then, on /api and /mcp only, Host validation, CORS (so an allowed preflight is answered
 * before the key is asked), the rate limit (so failed key guesses count), and the key.
 */
export function applySecurity(app: Express, config: Config, logger?: Logger): void {
  // Behind a reverse proxy the client address comes from X-Forwarded-For; trust one hop only.
  if (config.TRUST_PROXY) app.set('trust proxy', 1);
  app.disable('x-powered-by');
  app.use(securityHeaders());
  const hosts = allowedHosts(config);
  const limiter = rateLimiter(config);
  // None of these reads the URL below the prefix: mounted without an Express mount path (see mount.ts).
  const paths = PROTECTED_PATHS;
  if (hosts) app.use(onlyUnder(paths, validateHost(hosts)));
  // With no origin allowed, the CORS middleware adds nothing and passes every request on: not mounted.
  if (config.CORS_ORIGINS.length > 0) app.use(onlyUnder(paths, corsPolicy(config)));
  if (limiter) app.use(onlyUnder(paths, limiter));
  if (config.API_KEY) app.use(onlyUnder(paths, requireApiKey(config.API_KEY)));
  const warning = bindWarning(config);
  if (warning && logger) logger.warn(warning);
}
