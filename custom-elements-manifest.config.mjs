// SPDX-License-Identifier: MIT
/**
 * custom-elements.json from the JSDoc of each element class (@summary, @fires, @slot,
 * @csspart, @cssprop) and its Lit `@property` declarations.
 */

/**
 * Our elements register through `define(tag, Class)` (src/core/define.ts, which tolerates a
 * tag already taken), not `customElements.define`, so the analyzer would not see their tag
 * names. This turns each such call into the manifest's custom-element-definition export;
 * the analyzer then links the class to its tag as it does for `customElements.define`.
 */
function defineCalls() {
  return {
    name: 'citizen-elements: define() calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;
      // Where the class comes from: its import in this file, or this file itself.
      let module = moduleDoc.path;
      for (const statement of node.getSourceFile().statements) {
        if (!ts.isImportDeclaration(statement)) continue;
        const named = statement.importClause?.namedBindings;
        if (named && ts.isNamedImports(named) && named.elements.some((e) => e.name.text === klass.text)) {
          module = new URL(statement.moduleSpecifier.text, `file:///${moduleDoc.path}`).pathname.slice(1).replace(/\.js$/, '.ts');
        }
      }
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name: klass.text, module } },
      ];
    },
  };
}

/**
 * Keeps the manifest to the public API: private fields and `#` members are implementation,
 * and the base element's generic `emit(name, detail)` reads to the analyzer as an event
 * literally called `name` (elements list their real events with `@fires`).
 */
function publicApiOnly() {
  const isGenericEmit = (event) =>
    event.name === 'name' && (event.inheritedFrom?.name ?? 'CitizenElement') === 'CitizenElement';
  return {
    name: 'citizen-elements: public API only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.members) {
            declaration.members = declaration.members.filter((m) => m.privacy !== 'private' && !m.name.startsWith('#'));
          }
          if (declaration.events) {
            declaration.events = declaration.events.filter((e) => !(isGenericEmit(e) && (e.inheritedFrom || declaration.name === 'CitizenElement')));
          }
        }
      }
    },
  };
}

export default {
  // The define files carry the tag names; the base element carries the inherited members
  // (api, auth, backend, config) of every element that extends it.
  globs: ['src/elements/**/*.ts', 'src/core/citizen-element.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts', '**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // The analyzer would otherwise rewrite package.json's "customElements" (already set).
  packagejson: false,
  dev: false,
  plugins: [defineCalls(), publicApiOnly()],
};
