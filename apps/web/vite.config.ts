import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * libavoid-js's WASM binary, which its package `exports` do not expose: the connector router
 * worker imports it as `libavoid-js/libavoid.wasm?url`, so Vite emits it as an asset.
 */
const libavoidWasm = join(dirname(createRequire(import.meta.url).resolve('libavoid-js')), 'libavoid.wasm');

/**
 * Workers are minified without oxc's compress pass: compressed, the validator ran 1.3-1.8x slower
 * in Chromium's worker (e2e/bench/validator.bench.ts, 2026-11-25: large estate warm 112-122 ms
 * compressed, 66-74 ms mangled only, 64 ms unminified), with ten times the "embedded weak objects"
 * deoptimizations. Mangling alone costs nothing. The bench builds its worker with this too.
 */
export const workerMinify = { compress: false, mangle: true } as const;

// The app consumes the workspace packages as TypeScript source (package.json `exports`).
export default defineConfig({
  plugins: [react()],
  resolve: { alias: [{ find: /^libavoid-js\/libavoid\.wasm/, replacement: libavoidWasm }] },
  worker: {
    format: 'es',
    rolldownOptions: { output: { minify: workerMinify } },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022', chunkSizeWarningLimit: 2500 },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  preview: { proxy: { '/api': { target: 'http://127.0.0.1:8080' } } },
});
