// SPDX-License-Identifier: MIT
import { RestBackend, type RestBackendOptions } from './rest-backend.js';

const shared = new Map<string, RestBackend>();

/**
 * One REST adapter per API URL and auth mode, so that several elements with the same `api`
 * attribute on one page share the city config request and the token.
 */
export function backendFor(api: string, auth: RestBackendOptions['auth'] = 'cookie'): RestBackend {
  const key = `${auth} ${api}`;
  let backend = shared.get(key);
  if (!backend) shared.set(key, (backend = new RestBackend(api, { auth })));
  return backend;
}
