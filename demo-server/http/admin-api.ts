// SPDX-License-Identifier: MIT
/**
 * The admin API the CLI uses while the server holds the data file. Bearer ADMIN_TOKEN,
 * compared in constant time; never exposed to the citizen elements (no CORS).
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import express, { Router } from 'express';
import * as z from 'zod/mini';
import { AdminUsageError, runCommand, type AdminContext } from '../admin/commands.js';
import { ApiError, parse } from './api-error.js';

const digest = (s: string) => createHash('sha256').update(s).digest();
const RunBody = z.object({ argv: z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(50)) });

export function adminRoutes(ctx: AdminContext, adminToken: string): Router {
  const router = Router();
  router.use(express.json({ limit: '20kb' }));
  router.use((req, _res, next) => {
    const given = req.get('authorization')?.replace(/^Bearer /, '') ?? '';
    // Hash both sides so that the comparison is constant-time whatever the lengths.
    if (!timingSafeEqual(digest(given), digest(adminToken))) {
      return next(new ApiError(401, 'not_authenticated', 'Admin token required'));
    }
    next();
  });
  router.post('/run', async (req, res) => {
    const { argv } = parse(RunBody, req.body);
    try {
      res.json({ output: await runCommand(ctx, argv) });
    } catch (error) {
      if (error instanceof AdminUsageError) return void res.status(400).json({ code: 'validation_failed', message: error.message });
      throw error;
    }
  });
  return router;
}
