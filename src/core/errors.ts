// SPDX-License-Identifier: MIT
import type { ApiErrorBody, ErrorCode } from '../schemas/errors.js';

/**
 * The one error type an adapter throws. `code` is also the i18n key of the message the
 * element shows; `fields` holds per-field codes to show beside each field.
 */
export class CitizenError extends Error {
  override name = 'CitizenError';

  constructor(
    readonly code: ErrorCode,
    options: {
      message?: string;
      fields?: Record<string, string> | undefined;
      retryAfter?: number | undefined;
      suggestion?: string | undefined;
      status?: number;
      cause?: unknown;
    } = {},
  ) {
    super(options.message ?? code, { cause: options.cause });
    this.fields = options.fields ?? {};
    this.retryAfter = options.retryAfter;
    this.suggestion = options.suggestion;
    this.status = options.status ?? 0;
  }

  /** Field path (e.g. `contact.email`) → field error code. */
  readonly fields: Record<string, string>;
  /** Seconds to wait, for `too_many_attempts`. */
  readonly retryAfter: number | undefined;
  /** A value to offer instead, e.g. a free username when the one chosen is taken. */
  readonly suggestion: string | undefined;
  /** HTTP status when the error came from HTTP; 0 otherwise. */
  readonly status: number;

  static fromBody(body: ApiErrorBody, status: number): CitizenError {
    const { code, message, fields, retryAfter, suggestion } = body;
    return new CitizenError(code, { message, fields, retryAfter, suggestion, status });
  }

  /** Anything thrown by an adapter, as a CitizenError (unknown failures become `server_error`). */
  static from(error: unknown): CitizenError {
    return error instanceof CitizenError ? error : new CitizenError('server_error', { cause: error });
  }
}
