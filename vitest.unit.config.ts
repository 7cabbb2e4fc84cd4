/**
 * The fast lane (`npm run test:unit`): the whole suite but the files that start processes or
 * a browser (SLOW_TESTS in vitest.config.ts). Same global setup.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base, { BASE_EXCLUDE, SLOW_TESTS } from './vitest.config.js';

export default mergeConfig(base, defineConfig({ test: { exclude: [...BASE_EXCLUDE, ...SLOW_TESTS] } }));
