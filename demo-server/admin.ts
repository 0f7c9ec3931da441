// SPDX-License-Identifier: MIT
/**
 * `npm run admin -- <command>`: the staff side. Opens the data file directly when no
 * server holds it; otherwise sends the command to the running server's admin API (one
 * writer per file), with ADMIN_TOKEN or the token the server wrote beside the data file.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { AdminUsageError, helpText, runCommand } from './admin/commands.js';
import { ConfigError, loadConfig } from './config.js';
import { openLowdbStore } from './store/lowdb-store.js';
import { createMailer } from './mail/mailer.js';
import { loadDataKey } from './auth/data-key.js';

const argv = process.argv.slice(2);

async function viaServer(port: number, dataFile: string, token: string | undefined): Promise<string> {
  const adminToken = token ?? (await readFile(join(dirname(resolve(dataFile)), 'admin-token'), 'utf8')).trim();
  const base = process.env.ADMIN_URL ?? `http://127.0.0.1:${port}`;
  const res = await fetch(`${base}/admin/v1/run`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
    // The server reads an imported file from its own working directory: give it the full path.
    body: JSON.stringify({ argv: argv[0] === 'accounts:import' ? argv.map((arg, i) => (i > 0 && !arg.startsWith('-') ? resolve(arg) : arg)) : argv }),
  });
  const body = (await res.json()) as { output?: string; message?: string };
  if (res.status === 400) throw new AdminUsageError(body.message ?? 'Bad command');
  if (!res.ok) throw new Error(`The server refused the command (${res.status}): ${body.message ?? ''}`);
  return body.output ?? '';
}

async function main(): Promise<string> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') return helpText();
  const config = await loadConfig();
  const outboxDir = join(dirname(resolve(config.dataFile)), 'outbox');
  let store;
  try {
    store = await openLowdbStore(config.dataFile, { backups: false });
  } catch (error) {
    if (/already using/i.test(String((error as Error).message))) {
      return viaServer(config.port, config.dataFile, config.adminToken);
    }
    throw error;
  }
  // Mails of commands such as accounts:activate go where the server's would.
  const mailer = createMailer({ smtpUrl: config.smtpUrl, outboxDir, from: `"${config.city.name}" <nepasrepondre@${config.publicUrl.hostname}>` });
  try {
    const cipher = await loadDataKey(process.env, config.dataFile);
    return await runCommand({ store, city: config.city, outboxDir, mailer, publicUrl: config.publicUrl, cipher, activities: config.activities }, argv);
  } finally {
    mailer.close();
    await store.close();
  }
}

try {
  console.log(await main());
} catch (error) {
  if (error instanceof AdminUsageError || error instanceof ConfigError) {
    console.error(error.message);
    process.exitCode = 2;
  } else {
    console.error(`admin: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
