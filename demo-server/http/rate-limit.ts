// SPDX-License-Identifier: MIT
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { ApiError } from './api-error.js';

/**
 * A per-address request limit (express-rate-limit, IPv6 grouped by /56) whose refusal is
 * our usual 429 `too_many_attempts` body with Retry-After.
 */
export function perIpLimit(options: { windowMs: number; limit: number; message: string }): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, _res, next) => {
      const resetTime = (req as typeof req & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const retryAfter = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + options.windowMs) - Date.now()) / 1000));
      next(new ApiError(429, 'too_many_attempts', options.message, { retryAfter }));
    },
  });
}
