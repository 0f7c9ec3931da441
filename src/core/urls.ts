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

const TOKEN_KEY = (path: string) => `citizen-elements:link-token:${path}`;

/**
 * The `?token=` of a mailed link (activation, password reset), taken out of the address bar
 * once read (`history.replaceState`, the rest of the address kept): it then no longer shows
 * on screen, in the history or a bookmark, nor in what the page does next (an analytics
 * event, a link followed). It is kept for this tab only (sessionStorage), so that a reload
 * still works.
 */
export function takeTokenFromAddress(): string | undefined {
  const url = new URL(location.href);
  const fromAddress = url.searchParams.get('token');
  if (fromAddress) {
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.href);
    try {
      sessionStorage.setItem(TOKEN_KEY(url.pathname), fromAddress);
    } catch {
      // Storage refused (private mode, quota): a reload will ask for a new link.
    }
    return fromAddress;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY(url.pathname)) ?? undefined;
  } catch {
    return undefined;
  }
}
