// SPDX-License-Identifier: MIT
/**
 * The server benchmark's baseline: a bare express 5 app answering `GET /api/v1/config` with
 * the JSON the demo server sent (read from BENCH_BODY_FILE), on 127.0.0.1:PORT. What the
 * demo's middleware stack costs shows as the ratio between the two.
 */
import { readFileSync } from 'node:fs';
import express from 'express';

const body: unknown = JSON.parse(readFileSync(process.env.BENCH_BODY_FILE!, 'utf8'));
const app = express();
app.get('/api/v1/config', (_req, res) => {
  res.json(body);
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1');
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
