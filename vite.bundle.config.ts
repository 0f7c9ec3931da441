// SPDX-License-Identifier: MIT
/**
 * The no-npm build: one self-contained `dist/citizen-elements.js` (lit, @lit/* and zod/mini
 * inside) for `<script type="module" src=".../citizen-elements.js">`. Runs after
 * vite.config.ts and must keep its output.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  // Library mode leaves `process.env.NODE_ENV` for the consumer's bundler; a browser has none.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    minify: true,
    lib: {
      entry: { 'citizen-elements': 'src/index.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      output: {
        minify: true,
        // One file even when an element lazy-loads a module (e.g. the captcha widget).
        codeSplitting: false,
      },
    },
  },
});
