/**
 * Server-sent events over an Express response: the headers that keep proxies from buffering,
 * and one writer per event. Data is JSON on a single line, so a `data:` field never needs splitting.
 */
import type { Request, Response } from 'express';

/** Whether the client asked for an event stream (`Accept: text/event-stream`). */
export function wantsEventStream(req: Request): boolean {
  return (req.get('accept') ?? '').toLowerCase().includes('text/event-stream');
}

export interface EventStream {
  /** Sends one event; returns false once the client is gone. */
  send(event: string, data: unknown): boolean;
  /** Aborted when the client disconnects before the stream ends. */
  readonly signal: AbortSignal;
  end(): void;
}

/** Starts an event stream on `res` (status 200, headers flushed at once). */
export function openEventStream(res: Response): EventStream {
  const controller = new AbortController();
  res.status(200);
  res.set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    // nginx and some other proxies buffer responses unless told otherwise.
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return {
    signal: controller.signal,
    send(event, data) {
      if (controller.signal.aborted || res.writableEnded) return false;
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      return true;
    },
    end() {
      if (!res.writableEnded) res.end();
    },
  };
}
