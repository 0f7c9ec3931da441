// SPDX-License-Identifier: MIT
/**
 * A city's password policy, and what it turns into: a zod schema (the same on both sides),
 * the live checklist of rules, and the seeds' French hint sentence.
 *
 * The default follows NIST SP 800-63B and the CNIL (délibération 2022-100): length over
 * composition, no composition rules, a blocklist. The seeds' legacy rule (8 characters with
 * lower/upper/digit) is kept as a preset because cities have it in their printed guides.
 */
import * as z from 'zod/mini';

const count = (max: number) => z._default(z.int().check(z.minimum(0), z.maximum(max)), 0);

export const PasswordPolicy = z.object({
  minLength: z.int().check(z.minimum(8, 'policy_too_weak'), z.maximum(64)),
  minLowercase: count(10),
  minUppercase: count(10),
  minDigits: count(10),
  minSpecial: count(10),
  /** Refuse passwords that contain the user's name, username or the city's name. */
  forbidPersonalInfo: z._default(z.boolean(), true),
});
export type PasswordPolicy = z.infer<typeof PasswordPolicy>;

export const PASSWORD_POLICY_PRESETS = {
  /** NIST 800-63B / CNIL 2022-100: 12 characters, no composition rules. */
  recommended: { minLength: 12, minLowercase: 0, minUppercase: 0, minDigits: 0, minSpecial: 0, forbidPersonalInfo: true },
  /** The seeds' rule (Arras): 8 characters with 1 lowercase, 1 uppercase, 1 digit. */
  legacy: { minLength: 8, minLowercase: 1, minUppercase: 1, minDigits: 1, minSpecial: 0, forbidPersonalInfo: true },
} as const satisfies Record<string, PasswordPolicy>;

/** Longest password accepted: long passphrases are welcome, unbounded hashing input is not. */
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordRuleId = 'length' | 'lowercase' | 'uppercase' | 'digits' | 'special';

export interface PasswordRule {
  id: PasswordRuleId;
  /** How many characters of that kind the rule asks for. */
  count: number;
  test(password: string): boolean;
}

const countMatches = (s: string, re: RegExp) => s.match(re)?.length ?? 0;
const LOWER = /\p{Ll}/gu;
const UPPER = /\p{Lu}/gu;
const DIGIT = /\p{Nd}/gu;
const SPECIAL = /[^\p{L}\p{Nd}]/gu;

/** The rules of a policy, in the order the seeds list them; the checklist ticks each. */
export function passwordRules(policy: PasswordPolicy): PasswordRule[] {
  const rules: PasswordRule[] = [
    // Code points, not UTF-16 units: "é" or an emoji is one character to the citizen.
    { id: 'length', count: policy.minLength, test: (p) => [...p].length >= policy.minLength },
  ];
  const kinds: [PasswordRuleId, number, RegExp][] = [
    ['lowercase', policy.minLowercase, LOWER],
    ['uppercase', policy.minUppercase, UPPER],
    ['digits', policy.minDigits, DIGIT],
    ['special', policy.minSpecial, SPECIAL],
  ];
  for (const [id, n, re] of kinds) {
    if (n > 0) rules.push({ id, count: n, test: (p) => countMatches(p, re) >= n });
  }
  return rules;
}

/** Things a password must not contain (compared case- and accent-insensitively). */
export interface PersonalInfo {
  username?: string | undefined;
  names?: (string | undefined)[];
  city?: string | undefined;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function containsPersonalInfo(password: string, info: PersonalInfo): boolean {
  const p = fold(password);
  const words = [info.username, info.city, ...(info.names ?? [])]
    .flatMap((w) => (w ? fold(w).split(/[\s'’-]+/) : []))
    // Short fragments ("le", "de") would refuse half of all passphrases.
    .filter((w) => w.length >= 4);
  return words.some((w) => p.includes(w));
}

/**
 * The password schema for a policy. Codes: `required`, `password_too_long`, and
 * `password_<rule id>` for each unmet rule, `password_personal_info`.
 */
export function passwordSchema(policy: PasswordPolicy, info: PersonalInfo = {}) {
  const rules = passwordRules(policy);
  return z.string('required').check(
    z.minLength(1, 'required'),
    z.refine<string>((p) => [...p].length <= PASSWORD_MAX_LENGTH, 'password_too_long'),
    ...rules.map((rule) => z.refine<string>((p) => rule.test(p), `password_${rule.id}`)),
    z.refine<string>((p) => !policy.forbidPersonalInfo || !containsPersonalInfo(p, info), 'password_personal_info'),
  );
}

/** Message keys used by {@link describePasswordPolicy}; the catalog holds their text. */
export type PolicyMessageKey =
  | 'policy.intro'
  | 'policy.introWithRules'
  | `policy.rule.${PasswordRuleId}`;

/**
 * The seeds' sentence, e.g. "Le mot de passe doit contenir au minimum 8 caractère(s) dont au
 * moins : 1 minuscule(s), 1 chiffre(s)". `t` is the catalog lookup of the caller's language.
 */
export function describePasswordPolicy(
  policy: PasswordPolicy,
  t: (key: PolicyMessageKey, params: Record<string, string | number>) => string,
): string {
  const parts = passwordRules(policy)
    .filter((r) => r.id !== 'length')
    .map((r) => t(`policy.rule.${r.id}`, { count: r.count }));
  return parts.length === 0
    ? t('policy.intro', { count: policy.minLength })
    : t('policy.introWithRules', { count: policy.minLength, rules: parts.join(', ') });
}
