/**
 * Runs a built entry in this same process, building it first when a source changed:
 * `node scripts/run.mjs server/main.ts [args…]` (what `npm start`, `npm run mcp`, `npm run ask`
 * and `npm run ingest` call). Same process, so signals, exit codes, stdin and stdout are the
 * entry's own, and the entry finds its arguments at `process.argv.slice(2)` as before.
 * Prints nothing to stdout itself. Stack traces name the bundle; for TypeScript lines, run with
 * `NODE_OPTIONS=--enable-source-maps`.
 */
import { pathToFileURL } from 'node:url';
import { describeBuildFailure, ENTRIES, ensureBuilt, outputPathOf, PROJECT, PROJECT_ROOT } from './build.mjs';

const USAGE = `Cách dùng: node scripts/run.mjs <${ENTRIES.join('|')}> [tham số…]`;

async function main() {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry || !ENTRIES.includes(entry)) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  try {
    await ensureBuilt(PROJECT);
  } catch (error) {
    process.stderr.write(describeBuildFailure(error));
    process.exit(1);
  }
  const output = outputPathOf(PROJECT_ROOT, entry);
  process.argv = [process.argv[0], output, ...args];
  await import(pathToFileURL(output).href);
}

await main();
