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
      status?: number;
      cause?: unknown;
    } = {},
  ) {
    super(options.message ?? code, { cause: options.cause });
    this.fields = options.fields ?? {};
    this.retryAfter = options.retryAfter;
    this.status = options.status ?? 0;
  }

  /** Field path (e.g. `contact.email`) → field error code. */
  readonly fields: Record<string, string>;
  /** Seconds to wait, for `too_many_attempts`. */
  readonly retryAfter: number | undefined;
  /** HTTP status when the error came from HTTP; 0 otherwise. */
  readonly status: number;

  static fromBody(body: ApiErrorBody, status: number): CitizenError {
    return new CitizenError(body.code, { message: body.message, fields: body.fields, retryAfter: body.retryAfter, status });
  }

  /** Anything thrown by an adapter, as a CitizenError (unknown failures become `server_error`). */
  static from(error: unknown): CitizenError {
    return error instanceof CitizenError ? error : new CitizenError('server_error', { cause: error });
  }
}
