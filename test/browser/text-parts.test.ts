// SPDX-License-Identifier: MIT
/**
 * Each element looks its texts up only in the catalog parts it declares (`static texts`). A key
 * used in an element's code but missing from its parts would show raw to the user, so this
 * test reads each element's source and the modules it imports (as the test server serves
 * them) and checks every catalog key written there, and every key built from a template
 * (`dashboard.agenda.conflict.${code}`: every key under that prefix), against the element.
 */
import { expect } from '@open-wc/testing';
import * as library from '../../src/index.js';
import { CitizenElement } from '../../src/core/citizen-element.js';
import { catalogs } from '../../src/i18n/index.js';

const panels = 'src/elements/family-dashboard/panels';
/** Every element class of the library, by tag, with the file of its class. */
const ELEMENTS: Record<string, string> = {
  'cgu-gate': 'src/elements/cgu-gate/cgu-gate.component.ts',
  'citizen-activation': 'src/elements/citizen-activation/citizen-activation.component.ts',
  'citizen-franceconnect-button': 'src/elements/citizen-franceconnect-button/citizen-franceconnect-button.component.ts',
  'citizen-login': 'src/elements/citizen-login/citizen-login.component.ts',
  'citizen-password-change': 'src/elements/citizen-password-change/citizen-password-change.component.ts',
  'citizen-password-reset': 'src/elements/citizen-password-reset/citizen-password-reset.component.ts',
  'citizen-session-timeout': 'src/elements/citizen-session-timeout/citizen-session-timeout.component.ts',
  'citizen-signup': 'src/elements/citizen-signup/citizen-signup.component.ts',
  'citizen-terms': 'src/elements/citizen-terms/citizen-terms.component.ts',
  'family-dashboard': 'src/elements/family-dashboard/family-dashboard.component.ts',
  ...Object.fromEntries(
    [
      'dashboard-header',
      'household-panel',
      'entourage-panel',
      'requests-panel',
      'news-panel',
      'profile-panel',
      'service-keys-panel',
      'my-data-panel',
      'child-agenda',
      'invoices-panel',
      'documents-panel',
      'absence-form',
      'enrolment-form',
      'tariffs-panel',
      'calendar-feed',
      'document-picker',
    ].map((name) => [`citizen-${name}`, `${panels}/${name}.component.ts`]),
  ),
};

/** Template literals that build something other than a catalog key (field paths). */
const NOT_KEYS = new Set(['serviceKeys.', 'authorisedPickup.']);

const allKeys = Object.keys(catalogs.fr);
const componentFiles = new Set(Object.values(ELEMENTS));
const defineFiles = new Set([...componentFiles].map((file) => file.replace('.component.ts', '.ts')));

/** `a/b/../c.js` from `a/b/x.ts` → `a/c.ts`. */
function resolve(from: string, specifier: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const segment of specifier.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/').replace(/\.js$/, '.ts');
}

/**
 * The keys written in an element's class file and the modules it imports, transitively; not
 * through another element (its own declarations cover it), the catalog, nor packages.
 */
async function keysUsedBy(root: string): Promise<{ keys: Set<string>; prefixes: Set<string>; files: string[] }> {
  const keys = new Set<string>();
  const prefixes = new Set<string>();
  const seen = new Set<string>();
  const visit = async (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const response = await fetch(`/${file}`);
    if (!response.ok) throw new Error(`${file}: ${response.status}`);
    // Served compiled by esbuild: comments and type-only imports are gone, strings are kept.
    const code = await response.text();
    for (const [, text] of code.matchAll(/["'`]([a-zA-Z]+(?:\.[\w-]+)+)["'`]/g)) if (allKeys.includes(text!)) keys.add(text!);
    for (const [, prefix] of code.matchAll(/`([a-zA-Z]+\.[\w.-]*)\$\{/g)) prefixes.add(prefix!);
    const imports = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g)].map((m) => resolve(file, m[1]!));
    for (const target of imports) {
      const otherElement = target !== root && (componentFiles.has(target) || defineFiles.has(target));
      // Only our sources: bare imports arrive rewritten to node_modules/ paths.
      if (!otherElement && target.startsWith('src/') && !target.startsWith('src/i18n/')) await visit(target);
    }
  };
  await visit(root);
  return { keys, prefixes, files: [...seen] };
}

describe('catalog parts declared by each element', () => {
  it('lists every element class of the library', () => {
    const classes = Object.values(library).filter(
      (value): value is typeof CitizenElement => typeof value === 'function' && value.prototype instanceof CitizenElement,
    );
    const listed = Object.keys(ELEMENTS).map((tag) => customElements.get(tag));
    for (const elementClass of classes) {
      if (!Object.hasOwn(elementClass, 'texts') || elementClass.name === 'DashboardPanel') continue;
      expect(listed, `${elementClass.name} is missing from ELEMENTS`).to.include(elementClass);
    }
    expect(listed.every(Boolean), 'every listed tag is registered').to.be.true;
  });

  for (const [tag, file] of Object.entries(ELEMENTS)) {
    it(`<${tag}> declares the parts of every text it uses`, async () => {
      const element = document.createElement(tag) as CitizenElement;
      const { keys, prefixes, files } = await keysUsedBy(file);
      expect(files.length, 'the scan follows the imports').to.be.greaterThan(1);
      expect(keys.size, 'the scan finds keys').to.be.greaterThan(0);
      const missing = [...keys].filter((key) => !element.hasText(key));
      for (const prefix of prefixes) {
        if (NOT_KEYS.has(prefix)) continue;
        const built = allKeys.filter((key) => key.startsWith(prefix));
        expect(built, `keys built from \`${prefix}\${…}\` exist in the catalog`).not.to.be.empty;
        missing.push(...built.filter((key) => !element.hasText(key)).map((key) => `${key} (from \`${prefix}\${…}\`)`));
      }
      expect(missing, `texts used by <${tag}> but not in its static texts`).to.deep.equal([]);
    });
  }
});
