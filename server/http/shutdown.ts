/**
 * Graceful close of an HTTP server: stop accepting, let requests in flight finish within a
 * bound, then cut whatever is left. Idle keep-alive sockets are dropped as soon as they idle,
 * so a browser's open connection never holds the process up.
 */
import type { Server } from 'node:http';

export interface CloseResult {
  /** True when the grace period ran out and open connections were cut. */
  forced: boolean;
}

/** Closes `server`; resolves when every connection is gone (at most about `graceMs` later). */
export function closeServerGracefully(server: Server, graceMs: number): Promise<CloseResult> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve({ forced: false });
      return;
    }
    let forced = false;
    // A connection that finishes its response becomes idle; sweep those until the grace ends.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => {
      forced = true;
      server.closeAllConnections();
    }, graceMs);
    sweep.unref();
    deadline.unref();
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve({ forced });
    });
    server.closeIdleConnections();
  });
}
