#!/usr/bin/env node
/**
 * Bundles the `viplane` command into apps/cli/dist/ with esbuild (the bundler tsx and Vite already
 * bring), so a start costs one parse of plain JavaScript instead of tsx compiling every TypeScript
 * module of five packages (issue 11 §6). Runs from the root `prepare` script (so `npm ci` leaves a
 * working `npx viplane`), from the CLI tests and from the bench; dist/ is git-ignored.
 *
 * Code splitting keeps each command's dependencies in its own chunk: `validate` never loads the
 * exporters, importers, diagrams or the PNG renderer (main.ts imports every command lazily).
 */
import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

// `--if-available` (the root `prepare` script): an install without the CLI's dependencies (the server's
// Docker image: `npm ci --omit=dev --workspace @viplane/server`) skips the bundle instead of failing.
let esbuild;
try {
  esbuild = await import('esbuild');
} catch (error) {
  if (!process.argv.includes('--if-available')) throw error;
  process.stdout.write('viplane CLI not bundled: esbuild is not installed (the bin runs the sources through tsx)\n');
  process.exit(0);
}
const { analyzeMetafile, build } = esbuild;

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist`;

await rm(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { viplane: 'src/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // ESM builds first: UMD builds (jsonc-parser's) hide their requires from the bundler.
  mainFields: ['module', 'main'],
  metafile: true,
  // The native PNG renderer loads a platform binary, and exceljs (the handoff's XLSX writer, loaded on
  // first use) is a large CommonJS package: both stay runtime imports from node_modules.
  external: ['@resvg/resvg-js', 'exceljs'],
  // CommonJS dependencies bundled into ESM call require() for Node built-ins.
  banner: { js: "import { createRequire as __viplaneRequire } from 'node:module'; const require = __viplaneRequire(import.meta.url);" },
  minify: true,
  keepNames: false,
  legalComments: 'none',
  logLevel: 'warning',
});
// What each chunk holds and imports: the CLI tests check that validate loads no export/import code.
await writeFile(`${outdir}/meta.json`, JSON.stringify(result.metafile));
if (process.argv.includes('--analyze')) process.stdout.write(await analyzeMetafile(result.metafile));
