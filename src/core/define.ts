// SPDX-License-Identifier: MIT
/** Registers a tag unless it is already taken (two bundles on one CMS page must not throw). */
export function define(tag: string, ctor: CustomElementConstructor) {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
