/**
 * What the load test sends: each connection cycles ask → tasks → search → MCP `tools/call`,
 * inputs rotating; every response is checked (status and body) and counted per route.
 */
import type autocannon from 'autocannon';

/** autocannon's request shape, as the bench's typings declare it. */
export type RequestSpec = NonNullable<Parameters<typeof autocannon>[0]['requests']>[number];

/** A request of the mix; autocannon calls `onResponse` with each response (the bench's typings omit it). */
type MixRequest = RequestSpec & {
  onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void;
};

const MCP_PROTOCOL = '2025-06-18';

const QUESTIONS = [
  'Ai chủ trì rà soát khung năng lực vị trí việc làm?',
  'ai chu tri ra soat khung nang luc vtvl',
  'Nhiệm vụ 8 do đơn vị nào phối hợp?',
  'SNV phải làm gì?',
  'Thời hạn xây dựng kế hoạch nâng cao chất lượng cán bộ trên địa bàn xã?',
  'Lương tối thiểu vùng năm 2026 là bao nhiêu?',
];
const SEARCHES = ['khung năng lực', 'tuyen dung cong chuc', 'chuyển đổi số', 'kỷ luật kỷ cương'];
const TASK_FILTERS = ['', '?unit=SNV', '?unit=so%20noi%20vu&role=lead', '?dueBefore=2026-12-31', '?kind=recurring'];
const MCP_CALLS = [
  { name: 'search_documents', arguments: { query: 'khung năng lực' } },
  { name: 'list_tasks', arguments: { unit: 'Sở Nội vụ' } },
  { name: 'get_task', arguments: { address: 'II.4' } },
];

/** Responses and failures (connection errors aside) per route. */
export type RouteCounts = Record<string, { responses: number; failures: number }>;

/** Opens an MCP session with raw JSON-RPC; returns the headers of later calls. */
export async function openMcpSession(url: string, auth: Record<string, string>): Promise<Record<string, string>> {
  const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...auth };
  const init = await fetch(`${url}/mcp`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: { protocolVersion: MCP_PROTOCOL, capabilities: {}, clientInfo: { name: 'load-test', version: '1' } },
    }),
  });
  if (!init.ok) throw new Error(`load: MCP initialize answered ${init.status}: ${await init.text()}`);
  await init.text();
  const session = init.headers.get('mcp-session-id');
  const callHeaders = { ...headers, 'mcp-protocol-version': MCP_PROTOCOL, ...(session ? { 'mcp-session-id': session } : {}) };
  const initialized = await fetch(`${url}/mcp`, {
    method: 'POST',
    headers: callHeaders,
    body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
  });
  await initialized.text();
  return callHeaders;
}

/** Whether a JSON-RPC tools/call answer (plain JSON or one SSE message) is a success. */
function mcpSucceeded(body: string): boolean {
  const json = body.trimStart().startsWith('{') ? body : (/^data: (.*)$/m.exec(body)?.[1] ?? '');
  try {
    const message = JSON.parse(json) as { result?: { isError?: boolean }; error?: unknown };
    return message.result !== undefined && message.result.isError !== true && message.error === undefined;
  } catch {
    return false;
  }
}

/** The request mix: each connection cycles ask → tasks → search → MCP, inputs rotating. */
export function requestMix(auth: Record<string, string>, mcpHeaders: Record<string, string>, routes: RouteCounts): RequestSpec[] {
  let turn = 0;
  const next = <T>(list: readonly T[]): T => list[turn++ % list.length];
  const count = (route: string, ok: boolean) => {
    routes[route] ??= { responses: 0, failures: 0 };
    routes[route].responses += 1;
    if (!ok) routes[route].failures += 1;
  };
  const mix: MixRequest[] = [
    {
      method: 'POST',
      path: '/api/ask',
      headers: { 'content-type': 'application/json', ...auth },
      setupRequest: (request) => ({ ...request, body: JSON.stringify({ question: next(QUESTIONS) }) }),
      onResponse: (status, body) => count('POST /api/ask', status === 200 && body.includes('"answer"')),
    },
    {
      method: 'GET',
      headers: auth,
      setupRequest: (request) => ({ ...request, path: `/api/tasks${next(TASK_FILTERS)}` }),
      onResponse: (status, body) => count('GET /api/tasks', status === 200 && body.includes('"tasks"')),
    },
    {
      method: 'GET',
      headers: auth,
      setupRequest: (request) => ({ ...request, path: `/api/search?q=${encodeURIComponent(next(SEARCHES))}` }),
      onResponse: (status) => count('GET /api/search', status === 200),
    },
    {
      method: 'POST',
      path: '/mcp',
      headers: mcpHeaders,
      // Ids unique per session: concurrent calls of one session are told apart by id.
      setupRequest: (request) => ({
        ...request,
        body: JSON.stringify({ jsonrpc: '2.0', id: ++turn, method: 'tools/call', params: next(MCP_CALLS) }),
      }),
      onResponse: (status, body) => count('MCP tools/call', status === 200 && mcpSucceeded(body)),
    },
  ];
  return mix;
}

