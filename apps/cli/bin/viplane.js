#!/usr/bin/env node
// The bundle (dist/, built by scripts/build.mjs at `npm ci` / `npm install` through the root
// `prepare` script) starts in a fraction of the time tsx needs to compile the TypeScript sources;
// without it (a checkout before its first install), or with VIPLANE_FROM_SOURCE=1 while editing the
// sources, tsx compiles them on load.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/viplane.js', import.meta.url);
let main;
if (!process.env.VIPLANE_FROM_SOURCE && existsSync(bundle)) ({ main } = await import(bundle.href));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/main.ts'));
}
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
