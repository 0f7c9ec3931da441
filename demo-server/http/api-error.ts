// SPDX-License-Identifier: MIT
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ZodMiniType } from 'zod/mini';
import { fieldErrors, type ApiErrorBody, type ErrorCode } from '../../src/schemas/errors.js';

/** An error answer: a code the elements translate, a precise English message, field codes. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extra: Pick<ApiErrorBody, 'fields' | 'retryAfter' | 'suggestion'> = {},
  ) {
    super(message);
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

/** Validates a body (or query) with a shared schema; a 400 names every wrong field. */
export function parse<T>(schema: ZodMiniType<T>, input: unknown, what = 'body'): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldErrors(result.error.issues);
  const list = Object.entries(fields).map(([f, c]) => `${f} (${c})`).join(', ');
  throw new ApiError(400, 'validation_failed', `Invalid ${what}: ${list}`, { fields });
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new ApiError(404, 'not_found', `No route for ${req.method} ${req.path}`));
};

/**
 * Last handler: every failure becomes a JSON error body. body-parser's errors carry a
 * `type`; anything unexpected is a 500 whose details stay in the log, not the answer.
 */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  let apiError: ApiError;
  if (error instanceof ApiError) apiError = error;
  else if (error?.type === 'entity.parse.failed') apiError = new ApiError(400, 'invalid_json', 'The body is not valid JSON');
  else if (error?.type === 'entity.too.large') {
    apiError = new ApiError(413, 'payload_too_large', `The body is larger than ${error.limit} bytes`);
  } else if (error?.type === 'encoding.unsupported' || error?.type === 'charset.unsupported') {
    apiError = new ApiError(415, 'unsupported_media_type', 'Unsupported body encoding');
  } else if (typeof error?.status === 'number' && error.status >= 400 && error.status < 500) {
    apiError = new ApiError(error.status, 'validation_failed', String(error.message ?? 'Bad request'));
  } else {
    // Log the route, never the body: it may hold a password.
    console.error(`[demo-server] ${req.method} ${req.path} failed:`, error);
    apiError = new ApiError(500, 'server_error', 'Internal error');
  }
  if (apiError.extra.retryAfter !== undefined) res.set('Retry-After', String(apiError.extra.retryAfter));
  res.status(apiError.status).json(apiError.toBody());
};
