import { defineConfig } from 'vitest/config';

/**
 * Test files that start processes (the real entries, ingest killed mid-write, the build, the
 * bench probes) or drive a browser: the full suite (`npm test`) runs them, the fast lane
 * (`npm run test:unit`, vitest.unit.config.ts) leaves them out.
 */
export const SLOW_TESTS = [
  // Every page test drives chromium; test/web/modules.test.ts checks the browser modules in Node.
  'test/web/!(modules).test.ts',
  'test/build.test.ts',
  'test/core/ask-cli.test.ts',
  'test/http/main-entry.test.ts',
  'test/mcp/stdio.test.ts',
  'test/ingest/interrupted-ingest.test.ts',
  'test/ingest/ingest-cli.test.ts',
  'test/bench/smoke.test.ts',
  'test/reliability/hot-swap.test.ts',
  'test/reliability/index-policy.test.ts',
  'test/reliability/ingest-kill.test.ts',
  'test/reliability/shutdown.test.ts',
  'test/reliability/startup-faults.test.ts',
  'test/reliability/load.test.ts',
];

export const BASE_EXCLUDE = ['test/.tmp/**', 'node_modules/**'];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: BASE_EXCLUDE,
    // The shipped corpus is ingested once per run, before the workers start.
    globalSetup: ['test/setup/shipped-index.global.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
