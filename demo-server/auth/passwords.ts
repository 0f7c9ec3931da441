// SPDX-License-Identifier: MIT
/**
 * Password hashing and strength. argon2id via @node-rs/argon2 (OWASP minimum parameters,
 * ~13 ms a hash here, stored in the PHC string with the hash); guessability via zxcvbn-ts,
 * whose dictionaries hold the common passwords, French ones included.
 */
import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as french from '@zxcvbn-ts/language-fr';
import type { CityConfig } from '../../src/schemas/city-config.js';
import { passwordSchema, type PersonalInfo } from '../../src/schemas/password-policy.js';
import { ApiError } from '../http/api-error.js';
import { fieldErrors } from '../../src/schemas/errors.js';

// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when no account matches, so that unknown users cost the same time.
const dummyHash = hashPassword('not-a-real-password-only-for-timing');
export async function burnVerifyTime(password: string): Promise<void> {
  await verifyPassword(await dummyHash, password);
}

let zxcvbn: ZxcvbnFactory | undefined;
// Built on first use: the dictionaries take a moment to index, which start-up need not pay.
const strengthChecker = () =>
  (zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...french.dictionary },
    graphs: common.adjacencyGraphs,
    translations: french.translations,
  }));

/**
 * Refuses a password by the city's policy and, whatever the policy, when it is among the
 * common ones or guessable (zxcvbn score below 3: "safely unguessable" starts at 3).
 * Throws a 400 naming `field`.
 */
export async function assertAcceptablePassword(
  password: string,
  city: CityConfig,
  info: PersonalInfo,
  field = 'password',
): Promise<void> {
  const result = passwordSchema(city.passwordPolicy, { ...info, city: city.name }).safeParse(password);
  if (!result.success) {
    const code = Object.values(fieldErrors(result.error.issues))[0] ?? 'invalid';
    throw new ApiError(400, 'validation_failed', `${field} does not meet the city's password policy (${code})`, {
      fields: { [field]: code },
    });
  }
  const strength = await strengthChecker().checkAsync(password, [info.username, city.name, ...(info.names ?? [])].filter((w): w is string => !!w));
  if (strength.score < 3) {
    throw new ApiError(400, 'validation_failed', `${field} is too common or guessable`, { fields: { [field]: 'password_common' } });
  }
}
