/**
 * DNS-rebinding protection for the MCP endpoint. The Host names allowed come from the HTTP
 * app's policy (`allowedHosts` in server/http/security.ts: loopback names on a loopback bind,
 * plus ALLOWED_HOSTS), so there is one list; MCP is stricter on two points:
 * - a loopback name must carry the port the request actually arrived on ("127.0.0.1:3000");
 *   names listed in ALLOWED_HOSTS may carry any port (a reverse proxy may present another);
 * - a browser's Origin must be the same origin, a listed CORS origin or an allowed host name.
 * The checks are pure functions; `hostGuard` is the Express middleware around them.
 */
import type { RequestHandler } from 'express';
import type { AppConfig } from '../../common/config.js';
import { allowedHosts, hostName } from '../http/security.js';

export interface HostPolicy {
  /** Host names accepted, lower-case, IPv6 without brackets; null when any is (LAN bind without ALLOWED_HOSTS). */
  names: Set<string> | null;
  /** Names from ALLOWED_HOSTS: accepted with any port. */
  listed: Set<string>;
  /** Origins from CORS_ORIGINS, without trailing slash. */
  corsOrigins: Set<string>;
}

/** The policy for a configuration. */
export function hostPolicy(config: Pick<AppConfig, 'HOST' | 'ALLOWED_HOSTS' | 'CORS_ORIGINS'>): HostPolicy {
  return {
    names: allowedHosts(config),
    listed: new Set(config.ALLOWED_HOSTS.map((host) => hostName(host) ?? host.toLowerCase())),
    corsOrigins: new Set(config.CORS_ORIGINS.map((origin) => origin.replace(/\/+$/, ''))),
  };
}

/** The port of a Host header; 80 when it names none (plain HTTP); null when malformed. */
export function hostPort(hostHeader: string): number | null {
  const match = /^(?:\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(hostHeader.trim());
  if (!match) return null;
  return match[1] === undefined ? 80 : Number(match[1]);
}

/** Whether a request with this Host header, arriving on local port `port`, may proceed. */
export function isAllowedHost(policy: HostPolicy, hostHeader: string | undefined, port: number): boolean {
  if (policy.names === null) return true;
  const name = hostName(hostHeader);
  if (hostHeader === undefined || name === null || !policy.names.has(name)) return false;
  return policy.listed.has(name) || hostPort(hostHeader) === port;
}

/**
 * Whether a request with this Origin may proceed. No Origin (not a browser) passes; "null"
 * and malformed origins do not; otherwise the same origin as the Host header, a listed CORS
 * origin, or an origin whose host name the policy allows.
 */
export function isAllowedOrigin(policy: HostPolicy, origin: string | undefined, hostHeader: string | undefined): boolean {
  if (origin === undefined) return true;
  const trimmed = origin.trim().replace(/\/+$/, '');
  if (policy.corsOrigins.has(trimmed)) return true;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (hostHeader !== undefined && url.host === hostHeader.trim().toLowerCase()) return true;
  const name = hostName(url.host);
  return policy.names !== null && name !== null && policy.names.has(name);
}

/** Express middleware: 403 with a JSON-RPC error body when Host or Origin is not allowed. */
export function hostGuard(policy: HostPolicy): RequestHandler {
  return (req, res, next) => {
    const host = req.headers.host;
    const port = req.socket.localPort ?? 0;
    const hostOk = isAllowedHost(policy, host, port);
    if (hostOk && isAllowedOrigin(policy, req.headers.origin, host)) return next();
    const what = hostOk ? `Origin “${req.headers.origin}”` : `Host “${host ?? ''}”`;
    res.status(403).json({
      jsonrpc: '2.0',
      error: { code: -32000, message: `${what} không được phép (forbidden). Thêm tên máy vào ALLOWED_HOSTS nếu cần.` },
      id: null,
    });
  };
}
