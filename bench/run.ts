// SPDX-License-Identifier: MIT
/**
 * `npm run bench`: sizes and server throughput, each as a ratio to a baseline measured in
 * the same run (the machine is shared and noisy). Prints only; no timing assertions.
 */
import { sizeBench } from './size.js';
import { serverBench } from './server.js';

await sizeBench();
await serverBench();
