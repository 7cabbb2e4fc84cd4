/**
 * Test helpers for MCP over HTTP: the router mounted in a bare Express app on 127.0.0.1:0
 * (no dependency on the HTTP app), and raw requests with any Host header (fetch cannot set it).
 */
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino, type Logger } from 'pino';
import { loadConfig } from '../../common/config.js';
import type { PlanAssistant } from '../../server/core/types.js';
import { createMcpHttpHandler, type McpHttpHandler } from '../../server/mcp/http.js';

export interface RunningMcpHttp {
  url: string;
  port: number;
  handler: McpHttpHandler;
  close(): Promise<void>;
}

/**
 * Serves the MCP router on a free loopback port; `env` is read like the real environment.
 * `appJson: false` leaves body parsing to the router, as the real app does (it mounts MCP
 * before its own parser).
 */
export async function serveMcp(
  getAssistant: () => PlanAssistant,
  options: { env?: Record<string, string>; maxSessions?: number; logger?: Logger; appJson?: boolean; now?: () => number } = {},
): Promise<RunningMcpHttp> {
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', ...options.env });
  const handler = createMcpHttpHandler({
    getAssistant,
    config,
    logger: options.logger ?? pino({ level: 'silent' }),
    maxSessions: options.maxSessions,
    now: options.now,
  });
  const app = express();
  if (options.appJson !== false) app.use(express.json());
  app.use(handler.router);
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    port,
    handler,
    async close() {
      await handler.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request with full control of the headers; resolves when the body ends. */
export function rawRequest(
  port: number,
  options: { method: string; headers?: Record<string, string>; body?: string; path?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method, path: options.path ?? '/mcp', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** An `initialize` request body. */
export const INITIALIZE_BODY = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw-test', version: '1.0.0' } },
});

/** Headers a Streamable HTTP client sends with a POST. */
export function postHeaders(host: string, extra: Record<string, string> = {}): Record<string, string> {
  return { Host: host, 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...extra };
}
