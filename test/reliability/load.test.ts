/**
 * The load test in short form: the real server in its own process, 16 connections for about
 * 3 s over the request mix (ask, tasks, search, MCP tools/call), with an index swap under load.
 * Zero failed requests, every route exercised, the new index serving at the end.
 */
import { describe, expect, it } from 'vitest';
import { renderLoadMarkdown, runLoadTest } from '../../bench/load.js';

describe('load (short form)', () => {
  it('16 connections, ~3 s, index swapped under load: zero failures', async () => {
    const result = await runLoadTest({ durationSec: 3, connections: 16, swapAt: 1, rebuildUnderLoad: false });
    expect(result.failures, renderLoadMarkdown(result)).toBe(0);
    expect(result.errors + result.timeouts + result.non2xx).toBe(0);
    for (const route of ['POST /api/ask', 'GET /api/tasks', 'GET /api/search', 'MCP tools/call']) {
      expect(result.routes[route]?.responses, route).toBeGreaterThan(5);
      expect(result.routes[route]?.failures, route).toBe(0);
    }
    expect(result.swap?.error).toBeUndefined();
    expect(result.swap?.documentsAfter).toBe((result.swap?.documentsBefore ?? 0) + 1);
    // The swap was seen while the load still ran.
    expect(result.swap!.visibleAtSec!).toBeLessThanOrEqual(result.durationSec + 0.5);
    expect(result.latencyMs.p99).toBeGreaterThan(0);
  }, 120_000);
});
