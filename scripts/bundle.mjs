/**
 * The esbuild step of `scripts/build.mjs`: every entry becomes one ESM bundle for Node 20
 * (`server/main.ts` → `dist/server/main.js`), written in one pass so shared code is parsed once.
 *
 * Packages are bundled too: resolving and reading some 1,500 separate files from node_modules
 * was more than half of the start (measured on the 2-core machine: first 200 on /healthz at
 * ~1.1–1.6 s with packages external, ~0.5–0.7 s bundled). Kept external: the native
 * hnswlib-node, pdfjs-dist (imported lazily; ships its own worker and fonts) and pino (its
 * transports find worker files beside their own sources).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Packages left to Node's resolver at run time (see the module comment for why). */
const EXTERNAL_PACKAGES = ['hnswlib-node', 'pdfjs-dist', 'pino'];

/** Bundled CommonJS packages call `require` for Node built-ins; an ES module has none by itself. */
const REQUIRE_BANNER =
  "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);";

/** `dist/server/main.js` for `server/main.ts`, under `root`. */
export function outputPathOf(root, entry) {
  return path.join(root, 'dist', entry.replace(/\.ts$/, '.js'));
}

/**
 * esbuild plugin: `import.meta.url` in a project source file becomes the URL of that source
 * file, relative to the bundle's own URL, so code that finds files beside itself (web pages,
 * prompts, vocabularies, package.json) works from `dist/` unchanged, wherever the repo lives.
 */
function sourceUrlPlugin(bundleFolder) {
  return {
    name: 'source-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (/\bimport\.meta\.(dirname|filename)\b/.test(source)) {
          return { errors: [{ text: 'import.meta.dirname/filename are not rewritten for bundles; use import.meta.url' }] };
        }
        if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
        const relative = path.relative(bundleFolder, args.path).split(path.sep).join('/');
        const ownUrl = `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
        return { contents: source.replace(/\bimport\.meta\.url\b/g, ownUrl), loader: 'ts' };
      });
    },
  };
}

/**
 * The folder every bundle is written to: the rewritten `import.meta.url` is relative to the
 * bundle, so all entries must sit at the same depth (`server/…`, `ingest/…`).
 */
function commonBundleFolder(root, entries) {
  const depths = new Set(entries.map((entry) => entry.split('/').length));
  if (depths.size !== 1) throw new Error('build: every entry must sit at the same folder depth');
  return path.dirname(outputPathOf(root, entries[0]));
}

/**
 * Bundles `entries` (paths relative to `root`) into `root/dist/`. Resolves with the project
 * files it read (relative, node_modules left out), for the staleness check; rejects with
 * esbuild's error (its `errors` list says where) when a source does not compile.
 */
export async function bundleEntries(root, entries) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: entries.map((entry) => path.join(root, entry)),
    outbase: root,
    outdir: path.join(root, 'dist'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL_PACKAGES,
    banner: { js: REQUIRE_BANNER },
    // For `NODE_OPTIONS=--enable-source-maps`; the sources themselves stay in the repo.
    sourcemap: true,
    sourcesContent: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [sourceUrlPlugin(commonBundleFolder(root, entries))],
  });
  return Object.keys(result.metafile.inputs)
    .filter((input) => !input.startsWith('node_modules/'))
    .sort();
}
