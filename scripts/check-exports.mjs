// SPDX-License-Identifier: MIT
/**
 * Checks package.json's export map against the files a build produced (last step of
 * `npm run build`):
 * - every subpath resolves with Node's own resolver (package self-reference) to a file
 *   that exists, and its `types` target exists; `./elements/*.js` is expanded over
 *   dist/elements/, so each element is checked;
 * - a TypeScript consumer (moduleResolution nodenext) importing every subpath type-checks,
 *   and each element's tag is in HTMLElementTagNameMap;
 * - the npm entries leave lit, @lit/* and zod to the consumer; the CDN bundle imports nothing;
 * - index.js, each element entry and the bundle register their tags (a tree-shaken define()
 *   or an element missing from src/index.ts shows up here);
 * - custom-elements.json names every element of dist/elements/.
 * Exits 1 with the list of problems.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const problems = [];
const fail = (message) => problems.push(message);

/** Each export subpath, with its targets; a `*` pattern becomes one entry per matching file. */
function expandExports() {
  const out = [];
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const targets = typeof target === 'string' ? { default: target } : target;
    if (!subpath.includes('*')) {
      out.push({ subpath, targets });
      continue;
    }
    // Expand over the files the `default` target matches, e.g. ./dist/elements/*.js.
    const [before, after] = targets.default.split('*');
    const dir = join(root, posix.dirname(before + 'x'));
    const prefix = basename(before + 'x').slice(0, -1);
    const names = existsSync(dir) ? readdirSync(dir) : [];
    const matches = names.filter((n) => n.startsWith(prefix) && n.endsWith(after) && n.length > prefix.length + after.length);
    if (matches.length === 0) fail(`${subpath}: no file matches ${targets.default}`);
    for (const name of matches) {
      const star = name.slice(prefix.length, name.length - after.length);
      const concrete = Object.fromEntries(Object.entries(targets).map(([k, v]) => [k, v.replaceAll('*', star)]));
      out.push({ subpath: subpath.replaceAll('*', star), targets: concrete, star });
    }
  }
  return out;
}

const entries = expandExports();

// 1. Node resolution and file existence.
for (const { subpath, targets } of entries) {
  const specifier = pkg.name + subpath.slice(1);
  try {
    const resolved = fileURLToPath(import.meta.resolve(specifier));
    if (!existsSync(resolved)) fail(`${specifier} resolves to ${relative(root, resolved)}, which does not exist`);
  } catch (error) {
    fail(`${specifier} does not resolve: ${error.message}`);
  }
  for (const [condition, target] of Object.entries(targets)) {
    if (!existsSync(join(root, target))) fail(`${subpath} [${condition}] → ${target} does not exist`);
  }
}
for (const field of ['main', 'module', 'types', 'customElements']) {
  if (pkg[field] && !existsSync(join(root, pkg[field]))) fail(`package.json "${field}": ${pkg[field]} does not exist`);
}

// 2. Every built element is exported.
const elementsDir = join(root, 'dist/elements');
const tags = existsSync(elementsDir) ? readdirSync(elementsDir).filter((n) => n.endsWith('.js')).map((n) => n.slice(0, -3)) : [];
if (tags.length === 0) fail('dist/elements/ holds no element');
for (const tag of tags) {
  if (!entries.some((e) => e.subpath === `./elements/${tag}.js`)) fail(`dist/elements/${tag}.js has no export`);
}

// 3. What each build leaves external. Lit's runtime registers itself in `litHtmlVersions`.
// Not after a dot: catalog keys such as "dashboard.agenda.from":"Du" are no import.
const bareImports = (code) =>
  [...code.matchAll(/(?<![.$])(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"'./][^"']*)["']/g)].map((m) => m[1]);
const hasTagLiteral = (code, tag) => ['"', "'", '`'].some((q) => code.includes(q + tag + q));
/** A built file and the local chunks it imports statically, transitively. */
function closure(file, seen = new Set()) {
  if (seen.has(file) || !existsSync(join(root, file))) return [...seen];
  seen.add(file);
  const code = readFileSync(join(root, file), 'utf8');
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
    closure(posix.join(posix.dirname(file), m[1]), seen);
  }
  return [...seen];
}
const npmFiles = [];
for (const dir of ['dist', 'dist/elements', 'dist/chunks']) {
  if (!existsSync(join(root, dir))) continue;
  for (const n of readdirSync(join(root, dir))) {
    if (n.endsWith('.js') && n !== 'citizen-elements.js') npmFiles.push(join(dir, n));
  }
}
for (const file of npmFiles) {
  const code = readFileSync(join(root, file), 'utf8');
  for (const spec of bareImports(code)) {
    if (!/^(lit|@lit\/[^/]+|zod)(\/.*)?$/.test(spec)) fail(`${file} imports "${spec}", which is not a peer the consumer provides`);
  }
  if (code.includes('litHtmlVersions')) fail(`${file} contains a copy of lit (it should stay external)`);
}
const bundlePath = join(root, 'dist/citizen-elements.js');
if (existsSync(bundlePath)) {
  const bundle = readFileSync(bundlePath, 'utf8');
  for (const spec of bareImports(bundle)) fail(`dist/citizen-elements.js imports "${spec}": it must be self-contained`);
  if (/\bimport\s*\(/.test(bundle)) fail('dist/citizen-elements.js has a dynamic import(): it must be one file');
  if (!bundle.includes('litHtmlVersions')) fail('dist/citizen-elements.js does not contain lit');
  if (bundle.includes('process.env')) fail('dist/citizen-elements.js reads process.env, which browsers lack');
  // A tree-shaken define() call takes the tag's only string literal with it.
  for (const tag of tags) {
    if (!hasTagLiteral(bundle, tag)) fail(`dist/citizen-elements.js never names <${tag}>: its define() call was dropped (package.json sideEffects?)`);
  }
}
// src/index.ts is a hand-kept list: an element missing from it is missing from index.js.
const indexCode = closure('dist/index.js').map((f) => readFileSync(join(root, f), 'utf8')).join('\n');
for (const tag of tags) {
  if (!hasTagLiteral(indexCode, tag)) fail(`dist/index.js never registers <${tag}>: add its define file to src/index.ts`);
}
for (const tag of tags) {
  const code = closure(`dist/elements/${tag}.js`).map((f) => readFileSync(join(root, f), 'utf8')).join('\n');
  if (!hasTagLiteral(code, tag)) fail(`dist/elements/${tag}.js and its chunks never name <${tag}>: its define() call was dropped`);
}

// 4. custom-elements.json names every element.
const manifestPath = join(root, pkg.customElements ?? 'custom-elements.json');
if (existsSync(manifestPath)) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const declared = new Set(manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean)));
  for (const tag of tags) if (!declared.has(tag)) fail(`custom-elements.json has no element <${tag}>`);
} else {
  fail(`${relative(root, manifestPath)} is missing`);
}

// 5. A TypeScript consumer sees the types through the export map.
const tmp = mkdtempSync(join(tmpdir(), 'check-exports-'));
try {
  mkdirSync(join(tmp, 'node_modules'));
  symlinkSync(root, join(tmp, 'node_modules', pkg.name), 'dir');
  const lines = entries
    .filter((e) => e.targets.types)
    .map((e, i) => `import * as m${i} from '${pkg.name}${e.subpath.slice(1)}';\nexport { m${i} };`);
  lines.push(`import { CitizenError } from '${pkg.name}';\nexport const e: CitizenError = new CitizenError('server_error');`);
  for (const tag of tags) lines.push(`export type T_${tag.replaceAll('-', '_')} = HTMLElementTagNameMap['${tag}'];`);
  writeFileSync(join(tmp, 'consumer.ts'), lines.join('\n') + '\n');
  writeFileSync(join(tmp, 'package.json'), '{"type":"module","private":true}\n');
  writeFileSync(
    join(tmp, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        lib: ['es2023', 'dom', 'dom.iterable'],
        types: [],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
      },
      files: ['consumer.ts'],
    }),
  );
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', tmp], { stdio: 'pipe' });
} catch (error) {
  fail(`TypeScript consumer (nodenext) fails:\n${error.stdout ?? ''}${error.stderr ?? error.message}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (problems.length) {
  console.error(`check-exports: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`check-exports: ${entries.length} export paths and ${tags.length} element(s) OK (${tags.join(', ')})`);
