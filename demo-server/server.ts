// SPDX-License-Identifier: MIT
/**
 * Starts the demo server: configuration, store, seed data, mail, HTTP. Used by main.ts,
 * the tests, the end-to-end suite and the benchmark.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { dirname, join, resolve } from 'node:path';
import { createApp } from './app.js';
import { loadConfig, type ServerConfig } from './config.js';
import { createMailer, type Mailer } from './mail/mailer.js';
import { seedDemoData } from './seed.js';
import { openLowdbStore } from './store/lowdb-store.js';
import { loadTermsLibrary } from './terms/library.js';
import type { Store } from './store/types.js';
import { assertDataKeyOpensStore, loadDataKey } from './auth/data-key.js';
import type { FieldCipher } from './auth/field-cipher.js';

export interface RunningServer {
  url: string;
  /** The express app (tests walk its routes). */
  app: Express;
  config: ServerConfig;
  store: Store;
  mailer: Mailer;
  outboxDir: string;
  adminToken: string;
  /** Seals and opens health data (DATA_KEY or the data-key file). */
  cipher: FieldCipher;
  close(): Promise<void>;
}

/** Reads or creates the admin token beside the data file, readable by its owner only. */
async function adminTokenFor(config: ServerConfig): Promise<string> {
  if (config.adminToken) return config.adminToken;
  const file = join(dirname(resolve(config.dataFile)), 'admin-token');
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (existing.trim().length >= 24) return existing.trim();
  const token = randomBytes(32).toString('base64url');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, token, { mode: 0o600 });
  return token;
}

export async function startServer(
  env: NodeJS.ProcessEnv = process.env,
  options: { seed?: boolean; backups?: boolean } = {},
): Promise<RunningServer> {
  const config = await loadConfig(env);
  // Before the data file is opened: a bad terms file stops start-up like a bad config.
  const terms = await loadTermsLibrary(config.city, config.cityFile);
  const store = await openLowdbStore(config.dataFile, options.backups === false ? { backups: false } : {});
  try {
    const cipher = await loadDataKey(env, config.dataFile);
    await assertDataKeyOpensStore(store, cipher, config.dataFile);
    if (options.seed !== false) await seedDemoData(store, cipher, config.activities);
    const outboxDir = join(dirname(resolve(config.dataFile)), 'outbox');
    const mailer = createMailer({ smtpUrl: config.smtpUrl, outboxDir, from: `"${config.city.name}" <nepasrepondre@${config.publicUrl.hostname}>` });
    const adminToken = await adminTokenFor(config);
    const app = createApp({ config, store, mailer, adminToken, outboxDir, terms, cipher });
    const server = app.listen(config.port, config.host);
    await new Promise<void>((ok, fail) => server.once('listening', ok).once('error', fail));
    const { port } = server.address() as AddressInfo;
    // Without PUBLIC_URL, links and the Origin check use the port actually bound (PORT=0 in tests).
    if (!env.PUBLIC_URL) config.publicUrl.port = String(port);
    let closing: Promise<void> | undefined;
    return {
      url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
      app,
      config,
      store,
      mailer,
      outboxDir,
      adminToken,
      cipher,
      close() {
        // Idempotent: SIGINT and SIGTERM may both arrive, tests may close twice.
        closing ??= (async () => {
          server.closeAllConnections();
          await new Promise<void>((ok) => server.close(() => ok()));
          mailer.close();
          await store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
