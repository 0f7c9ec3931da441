// SPDX-License-Identifier: MIT
/** A real demo server on a loopback port with a temporary data file, and a small client. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../demo-server/server.js';

export interface TestServer extends RunningServer {
  dir: string;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'citizen-test-'));
  const server = await startServer({ PORT: '0', DATA_FILE: join(dir, 'db.json'), ...env }, { backups: false });
  return {
    ...server,
    dir,
    async stop() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface CallOptions {
  body?: unknown;
  /** Raw body text, sent as is with the given content type. */
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Leave out the CSRF header (default: sent). */
  noCsrfHeader?: boolean;
}

/** A browser-like client: keeps the session cookie between calls. */
export class Client {
  cookie = '';
  constructor(readonly base: string) {}

  async call(method: string, path: string, options: CallOptions = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (!options.noCsrfHeader) headers['X-Citizen-Request'] = '1';
    if (this.cookie) headers.Cookie = this.cookie;
    let body: string | undefined;
    if (options.raw !== undefined) {
      body = options.raw;
      headers['Content-Type'] = options.contentType ?? 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = 'application/json';
    }
    const res = await fetch(this.base + path, { method, headers, body });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0]!;
      this.cookie = pair.endsWith('=') ? '' : pair;
    }
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text };
  }

  logIn(identifier: string, password: string) {
    return this.call('POST', '/api/v1/session', { body: { identifier, password } });
  }
}
