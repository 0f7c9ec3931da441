// SPDX-License-Identifier: MIT
import type { Session } from '../../src/schemas/session.js';
import type { ActiveSession } from '../auth/sessions.js';

/** What the API says of a session: who, when it ends, what must happen first. */
export function sessionPayload(session: ActiveSession): Session {
  const { account, record } = session;
  return {
    account: {
      id: account.id,
      username: account.username,
      civility: account.identity.civility,
      firstNames: account.identity.firstNames,
      lastName: account.identity.lastName,
    },
    previousLoginAt: record.previousLoginAt,
    idleExpiresAt: session.idleExpiresAt.toISOString(),
    expiresAt: record.expiresAt,
    mustChangePassword: account.mustChangePassword,
    mustAcceptTerms: session.mustAcceptTerms,
    ...(record.franceConnectIdToken ? { franceConnect: true } : {}),
  };
}
