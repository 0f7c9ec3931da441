// SPDX-License-Identifier: MIT
/** `npm start`: the demo server, configured by environment variables (see the README). */
import { ConfigError } from './config.js';
import { startServer } from './server.js';

try {
  const server = await startServer();
  const { config } = server;
  console.log(`${config.city.name} — demo server on ${config.publicUrl.origin} (listening on ${server.url})`);
  console.log(`  data: ${config.dataFile} · mail: ${server.mailer.description}`);
  console.log(`  log in on ${config.publicUrl.origin}/connexion as marie.dupont (password in the README)`);
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  // Configuration and data-file problems are the operator's to fix: say what, not a stack.
  const known = error instanceof ConfigError || /DATA_FILE|already using|left untouched|data file/i.test(String(error));
  console.error(known ? `Cannot start: ${(error as Error).message}` : error);
  process.exit(1);
}
