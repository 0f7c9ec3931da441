// SPDX-License-Identifier: MIT
/**
 * The ALTCHA widget (`<altcha-widget>`, about 35 kB gzip), loaded only when the security
 * check is shown: `citizen-signup` imports this module with a dynamic import().
 *
 * The widget's main build solves its proof of work in workers made from blob: URLs (the
 * demo server's CSP allows `worker-src blob:`) and renders into its own light DOM, styled
 * by a stylesheet it appends to <head> as an inline <style>. A strict CSP (`style-src
 * 'self'`, as the demo server sends) refuses inline styles and reports a violation each
 * time, and a document-level stylesheet would not reach a widget inside a shadow root
 * anyway. So the stylesheet is taken on its way into <head> and handed back as a
 * constructable stylesheet, which CSP allows and which can be adopted wherever the wizard is.
 */

interface AltchaGlobal {
  i18n: { set(language: string, strings: Record<string, string>): void };
}

let loading: Promise<CSSStyleSheet | undefined> | undefined;

/** Defines `<altcha-widget>` (once) and resolves with its stylesheet. */
export function loadAltcha(): Promise<CSSStyleSheet | undefined> {
  loading ??= importWidget().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function importWidget(): Promise<CSSStyleSheet | undefined> {
  const head = document.head;
  let css: string | undefined;
  // Only for the time the module takes to load and run; other scripts' nodes pass through.
  head.appendChild = function appendChild<T extends Node>(this: HTMLHeadElement, node: T): T {
    if (node instanceof HTMLStyleElement && node.id === 'altcha-css') {
      css = node.textContent ?? '';
      return node;
    }
    return Node.prototype.appendChild.call(this, node) as T;
  };
  try {
    await import('altcha');
  } finally {
    delete (head as { appendChild?: unknown }).appendChild;
  }
  // Another copy of the widget on the page (or a bundle that ran it earlier) already added it.
  css ??= document.getElementById('altcha-css')?.textContent ?? undefined;
  if (!css) return undefined;
  const sheet = new CSSStyleSheet();
  // `:root` does not match inside a shadow root; `:host` then carries the widget's variables.
  sheet.replaceSync(css.replace(/:root\b/g, ':root, :host'));
  return sheet;
}

/** Adds `sheet` to the document or shadow root that holds `element`, once. */
export function adoptSheet(element: Element, sheet: CSSStyleSheet) {
  const root = element.getRootNode();
  if (!(root instanceof Document || root instanceof ShadowRoot)) return;
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/**
 * Registers the widget's texts under a language name of our own, so that they come from
 * our catalogs (and the city's overrides) rather than from the widget's translations.
 */
export function setAltchaStrings(language: string, strings: Record<string, string>) {
  (globalThis as { $altcha?: AltchaGlobal }).$altcha?.i18n.set(language, strings);
}
