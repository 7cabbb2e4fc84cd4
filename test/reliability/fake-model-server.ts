/**
 * A FAKE OpenAI-compatible endpoint over real HTTP (`POST /v1/chat/completions`, plain and
 * streamed), for the reliability tests of the model path: it can answer well, slowly, with a
 * 500, with garbage, or with invented citations, and it records every request it receives.
 * Replies are canned test text, never the text of a document.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeModelBehaviour =
  /** A well-formed answer citing source [1]. */
  | 'ok'
  /** The same, after `delayMs` (past the client's timeout when set so). */
  | 'slow'
  | 'error-500'
  /** 200 with a body that is not a completion. */
  | 'garbage'
  /** A fluent answer whose markers name sources that were never given. */
  | 'invented-citations';

export interface FakeModelOptions {
  behaviour: FakeModelBehaviour;
  /** For `slow`, and between streamed pieces. */
  delayMs?: number;
}

export interface RecordedRequest {
  messages: Array<{ role: string; content: string }>;
  stream: boolean;
}

export interface FakeModelServer {
  /** Base URL to put in OPENAI_BASE_URL (ends with /v1). */
  baseUrl: string;
  requests: RecordedRequest[];
  options: FakeModelOptions;
  close(): Promise<void>;
}

const GOOD_ANSWER = 'Theo nguồn đã cho, đơn vị được nêu trong văn bản [1]. Thời hạn cũng được ghi trong nguồn [1].';
const INVENTED_ANSWER = 'Đơn vị chủ trì là Bộ Giả Định [7]. Thời hạn là ngày 01/01/2030 [9].';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

function completion(content: string) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model: 'fake',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  };
}

async function streamReply(res: ServerResponse, content: string, delayMs: number): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const piece of content.split(/(?<= )/)) {
    if (delayMs) await sleep(delayMs);
    if (res.destroyed) return;
    const chunk = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model: 'fake', choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] };
    res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  }
  res.end('data: [DONE]\n\n');
}

async function handle(options: FakeModelOptions, requests: RecordedRequest[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const text = await readBody(req);
  if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
    res.writeHead(404).end();
    return;
  }
  const body = JSON.parse(text) as { messages: RecordedRequest['messages']; stream?: boolean };
  requests.push({ messages: body.messages, stream: Boolean(body.stream) });
  const { behaviour, delayMs = 0 } = options;
  if (behaviour === 'error-500') {
    res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"fake failure"}}');
    return;
  }
  if (behaviour === 'garbage') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"choices": "not a list", <<garbage>>');
    return;
  }
  if (behaviour === 'slow') await sleep(delayMs);
  const content = behaviour === 'invented-citations' ? INVENTED_ANSWER : GOOD_ANSWER;
  if (body.stream) await streamReply(res, content, behaviour === 'slow' ? 0 : delayMs);
  else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion(content)));
}

/** Starts the fake on a free loopback port. `options` may be changed between requests. */
export async function startFakeModelServer(options: FakeModelOptions): Promise<FakeModelServer> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    handle(options, requests, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(400);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    options,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback URL where nothing listens (connection refused). */
export async function refusedBaseUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}
