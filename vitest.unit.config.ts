/**
 * The fast lane (`npm run test:unit`): the whole suite but the files that start processes or
 * a browser (SLOW_TESTS in vitest.config.ts). Same global setup (the shipped index built once).
 * Files share their worker's module cache (`isolate: false`): importing the core, LangChain and
 * the MCP SDK once per worker instead of once per file costs a third of the CPU. Tests that
 * spy or fake timers restore them; the full suite (`npm test`) still isolates every file.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base, { BASE_EXCLUDE, SLOW_TESTS } from './vitest.config.js';

export default mergeConfig(base, defineConfig({ test: { exclude: [...BASE_EXCLUDE, ...SLOW_TESTS], isolate: false } }));
