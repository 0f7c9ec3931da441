// SPDX-License-Identifier: MIT
/** Links built from attributes or the city config: only web addresses get rendered. */

/** `url` if it is a web address (relative or http/https), so that no `javascript:` link is rendered. */
export function httpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol } = new URL(url, location.href);
    return protocol === 'http:' || protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
