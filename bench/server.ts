// SPDX-License-Identifier: MIT
/**
 * Throughput of the demo server's read endpoint `GET /api/v1/config` next to a bare express 5
 * handler returning the same JSON, both started here as child processes on loopback. Runs
 * alternate (bare, demo, bare, demo, …) and medians are reported, since the machine is shared.
 * Until the demo server starts, prints "server bench skipped: <reason>" and carries on.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { freePort, median, printTable, ratio, root, startNode, thousands, waitFor200, type Child } from './lib.js';

const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PATH = '/api/v1/config';

/** One autocannon run, stopped by force if it overruns. */
async function load(url: string, seconds: number): Promise<Result> {
  const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds });
  const guard = setTimeout(() => instance.stop(), (seconds + 15) * 1000);
  try {
    return await instance;
  } finally {
    clearTimeout(guard);
  }
}

interface Server {
  name: string;
  url: string;
  child: Child;
  runs: Result[];
}

export async function serverBench() {
  console.log(`\nServer — GET ${PATH}, autocannon ${CONNECTIONS} connections × ${SECONDS} s, ${ROUNDS} alternating rounds, medians`);
  if (!existsSync(join(root, 'demo-server/main.ts'))) {
    console.log('server bench skipped: demo-server/main.ts does not exist yet');
    return;
  }

  const dir = mkdtempSync(join(tmpdir(), 'citizen-bench-'));
  const servers: Server[] = [];
  const stopAll = () => Promise.all(servers.map((s) => s.child.stop()));
  const onSignal = () => void stopAll().then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  try {
    const demoPort = await freePort();
    const demo: Server = {
      name: 'demo server',
      url: `http://127.0.0.1:${demoPort}${PATH}`,
      child: startNode('demo-server/main.ts', { PORT: String(demoPort), HOST: '127.0.0.1', DATA_FILE: join(dir, 'db.json') }),
      runs: [],
    };
    servers.push(demo);
    let body: string;
    try {
      body = await waitFor200(demo.url, demo.child);
    } catch (error) {
      console.log(`server bench skipped: the demo server did not answer: ${(error as Error).message}`);
      return;
    }

    writeFileSync(join(dir, 'config.json'), body);
    const barePort = await freePort();
    const bare: Server = {
      name: 'bare express 5 (baseline)',
      url: `http://127.0.0.1:${barePort}${PATH}`,
      child: startNode('bench/baseline-server.ts', { PORT: String(barePort), BENCH_BODY_FILE: join(dir, 'config.json') }),
      runs: [],
    };
    servers.push(bare);
    const bareBody = await waitFor200(bare.url, bare.child);
    if (bareBody !== body) console.log(`note: bodies differ in bytes (demo ${body.length}, bare ${bareBody.length})`);

    // Warm-up (JIT, lazy init), not counted.
    for (const s of [bare, demo]) await load(s.url, 1);
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of [bare, demo]) s.runs.push(await load(s.url, SECONDS));
    }

    const rps = (s: Server) => median(s.runs.map((r) => r.requests.average));
    const p99 = (s: Server) => median(s.runs.map((r) => r.latency.p99));
    const failures = (s: Server) => s.runs.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
    const row = (s: Server) => [
      s.name,
      thousands(rps(s)),
      `${p99(s)} ms`,
      s.runs.map((r) => thousands(r.requests.average)).join(' / '),
      failures(s),
    ];
    printTable(
      ['server', 'req/s', 'p99', 'runs (req/s)', 'non-2xx + errors'],
      [row(bare), row(demo), ['ratio demo / bare', ratio(rps(demo), rps(bare)), ratio(p99(demo), p99(bare)), '', '']],
    );
    // Each demo run next to the bare run just before it: drift in the machine's load cancels
    // out better than in the ratio of medians.
    const paired = demo.runs.map((r, i) => r.requests.average / bare.runs[i]!.requests.average);
    console.log(`req/s ratio per round (demo / bare just before): ${paired.map((p) => p.toFixed(2)).join(' / ')}, median ${median(paired).toFixed(2)}×`);
    if (failures(demo) + failures(bare) > 0) {
      console.log('warning: some answers were not 2xx (rate limit? errors?): the req/s above count them too');
    }
    console.log(`payload: ${thousands(Buffer.byteLength(body))} bytes of JSON`);
  } finally {
    process.removeListener('SIGINT', onSignal);
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}
