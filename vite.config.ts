// SPDX-License-Identifier: MIT
/**
 * npm build: ESM only, one entry per element (`dist/elements/<tag>.js`) plus `dist/index.js`,
 * shared code in `dist/chunks/`. lit, @lit/* and zod stay external so that a site bundling
 * several packages gets one copy of each. The self-contained CDN file is built by
 * vite.bundle.config.ts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vite';

/** Every `src/elements/<tag>/<tag>.ts`: a new element folder becomes an entry by itself. */
export function elementEntries(root = 'src/elements'): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const dir of readdirSync(root, { withFileTypes: true })) {
    const file = join(root, dir.name, `${dir.name}.ts`);
    if (dir.isDirectory() && existsSync(file)) entries[`elements/${dir.name}`] = file;
  }
  return entries;
}

const external = /^(lit|@lit\/[^/]+|zod)(\/.*)?$/;

export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    minify: true,
    lib: {
      entry: { index: 'src/index.ts', ...elementEntries() },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      external: (id) => external.test(id),
      output: {
        // Vite 8 library mode leaves whitespace with `build.minify` alone (see TOOLCHAIN.md).
        minify: true,
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
