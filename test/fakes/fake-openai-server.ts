/**
 * A fake OpenAI-compatible endpoint on a real loopback HTTP server, for the model paths:
 * POST /v1/chat/completions (plain and streamed) and POST /v1/embeddings (deterministic
 * vectors). The behaviour is a mode, switchable between requests:
 * - `good`: a reply citing source [1], plus one uncited sentence (which the checker must drop);
 * - `invents-citation`: a reply citing [7] only;
 * - `error-500`: HTTP 500 with an error body;
 * - `hang`: never answers (the client's time limit must fire);
 * - `garbage`: HTTP 200 with a body that is not JSON.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FakeMode = 'good' | 'invents-citation' | 'error-500' | 'hang' | 'garbage';

/** The sentence `good` mode cites; tests look for it in answers. */
export const GOOD_SENTENCE = 'Theo nguồn được cung cấp, nội dung trả lời nằm trong văn bản [1].';
/** The sentence `good` mode adds without a marker; it must never reach the user. */
export const UNCITED_SENTENCE = 'Câu này không có nguồn nên phải bị loại bỏ.';
export const INVENTED_SENTENCE = 'Theo nguồn [7], đây là thông tin bịa đặt.';

export interface RecordedRequest {
  path: string;
  body: unknown;
}

export interface FakeOpenAIServer {
  /** Base URL for `OPENAI_BASE_URL` ("http://127.0.0.1:PORT/v1"). */
  baseUrl: string;
  setMode(mode: FakeMode): void;
  /** Requests received, in order. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 with a free port. */
export async function startFakeOpenAIServer(initial: FakeMode = 'good'): Promise<FakeOpenAIServer> {
  let mode: FakeMode = initial;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (piece: string) => (raw += piece));
    request.on('end', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
      requests.push({ path: request.url ?? '', body });
      respond(mode, request.url ?? '', body, response);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    setMode: (next) => {
      mode = next;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function respond(mode: FakeMode, path: string, body: unknown, response: http.ServerResponse): void {
  if (mode === 'hang') return; // keep the socket open, never answer
  if (mode === 'error-500') {
    sendJson(response, 500, { error: { message: 'fake failure', type: 'server_error' } });
    return;
  }
  if (mode === 'garbage') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('<<<not json at all');
    return;
  }
  if (path.endsWith('/embeddings')) {
    sendJson(response, 200, embeddingsReply(body));
    return;
  }
  if (!path.endsWith('/chat/completions')) {
    sendJson(response, 404, { error: { message: 'not found' } });
    return;
  }
  const text = mode === 'invents-citation' ? INVENTED_SENTENCE : `${GOOD_SENTENCE} ${UNCITED_SENTENCE}`;
  if ((body as { stream?: boolean } | null)?.stream) streamReply(response, text);
  else sendJson(response, 200, completion(text));
}

function sendJson(response: http.ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(value));
}

function completion(text: string): unknown {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model: 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

/** Server-sent events, a few characters per chunk, as the real API streams tokens. */
function streamReply(response: http.ServerResponse, text: string): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const pieces = text.match(/.{1,7}/gsu) ?? [];
  for (const piece of pieces) {
    const chunk = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model: 'fake-model', choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] };
    response.write(`data: ${JSON.stringify(chunk)}\n\n`);
  }
  const last = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model: 'fake-model', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] };
  response.write(`data: ${JSON.stringify(last)}\n\n`);
  response.end('data: [DONE]\n\n');
}

/** One deterministic unit vector per input, from the characters of the text. */
function embeddingsReply(body: unknown): unknown {
  const request = (body ?? {}) as { input?: string | string[]; dimensions?: number };
  const inputs = Array.isArray(request.input) ? request.input : [request.input ?? ''];
  const dimensions = request.dimensions ?? 16;
  const data = inputs.map((input, index) => {
    const vector = new Array<number>(dimensions).fill(0);
    for (let i = 0; i < input.length; i += 1) vector[input.charCodeAt(i) % dimensions] += 1;
    const norm = Math.hypot(...vector) || 1;
    return { object: 'embedding', index, embedding: vector.map((value) => value / norm) };
  });
  return { object: 'list', data, model: 'fake-embedding', usage: { prompt_tokens: 1, total_tokens: 1 } };
}
