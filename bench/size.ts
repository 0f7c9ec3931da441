// SPDX-License-Identifier: MIT
/**
 * Size of what a page downloads: gzip (level 9) of each dist entry with the local chunks it
 * imports statically, against Lit core alone bundled and minified like our CDN bundle,
 * built in the same run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { printTable, ratio, root, thousands } from './lib.js';

const gzip = (code: string | Uint8Array) => gzipSync(code, { level: 9 }).length;

/** A built file and every local chunk it imports statically, transitively (dist-relative). */
export function staticClosure(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [...seen];
  seen.add(file);
  const code = readFileSync(posix.join(root, 'dist', file), 'utf8');
  // Minified ESM: `import{a as b}from"./chunks/x.js"`, `import"./x.js"`, `export{…}from"./x.js"`.
  // Dynamic import() is left out on purpose: it is not downloaded up front.
  for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
    staticClosure(posix.normalize(posix.join(posix.dirname(file), match[1]!)), seen);
  }
  return [...seen];
}

/** Lit core (`LitElement`, `html`, `css`) bundled and minified with the bundle's settings. */
async function litCoreBaseline(): Promise<{ min: number; gzip: number }> {
  // A virtual entry: nothing written into the repo. Library mode makes the entry a path under
  // root, hence the suffix match.
  const id = '\0bench-lit-core';
  const isEntry = (source: string) => source.endsWith('bench-lit-core');
  const output = (await build({
    configFile: false,
    root,
    logLevel: 'silent',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [
      {
        name: 'bench-lit-core-entry',
        resolveId: (source) => (isEntry(source) ? id : null),
        load: (source) => (source === id ? `import { LitElement, html, css } from 'lit';\nexport { LitElement, html, css };\n` : null),
      },
    ],
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry: 'bench-lit-core', formats: ['es'], fileName: () => 'lit-core.js' },
      rolldownOptions: { output: { minify: true, codeSplitting: false } },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((o) => o.type === 'chunk');
  const code = chunks.map((c) => c.code).join('\n');
  return { min: Buffer.byteLength(code), gzip: gzip(code) };
}

export async function sizeBench() {
  if (!existsSync(`${root}dist/index.js`) || !existsSync(`${root}dist/citizen-elements.js`)) {
    console.log('dist/ is missing: running npm run build first…');
    const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
  }

  const baseline = await litCoreBaseline();
  const elements = readdirSync(`${root}dist/elements`)
    .filter((n) => n.endsWith('.js'))
    .sort()
    .map((n) => `elements/${n}`);

  const rows: (string | number)[][] = [['Lit core alone (baseline)', thousands(baseline.min), thousands(baseline.gzip), '1.00×', 'lit']];
  const measure = (label: string, file: string, note: string) => {
    const files = staticClosure(file);
    // Each file is its own response, so each is compressed on its own.
    const contents = files.map((f) => readFileSync(`${root}dist/${f}`));
    const min = contents.reduce((sum, c) => sum + c.length, 0);
    const gz = contents.reduce((sum, c) => sum + gzip(c), 0);
    const chunks = files.length > 1 ? ` + ${files.length - 1} chunk${files.length > 2 ? 's' : ''}` : '';
    rows.push([label, thousands(min), thousands(gz), ratio(gz, baseline.gzip), note + chunks]);
  };
  measure('dist/citizen-elements.js (CDN)', 'citizen-elements.js', 'self-contained');
  measure('dist/index.js (npm)', 'index.js', 'lit, zod external');
  for (const file of elements) measure(`dist/${file} (npm)`, file, 'lit, zod external');

  console.log('\nSize — gzip -9 per file, entry + the chunks it imports statically; ratio to Lit core alone built in this run');
  printTable(['entry', 'min bytes', 'gzip bytes', 'gzip ratio', 'contents'], rows);
}
