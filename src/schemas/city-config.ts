// SPDX-License-Identifier: MIT
/**
 * A city's configuration (journey J8): served by the back end to the elements, and read
 * from `CITY_CONFIG` by the demo server. A bad file stops the server with the field named.
 */
import * as z from 'zod/mini';
import { PasswordPolicy } from './password-policy.js';
import { IsoDate, requiredText } from './common.js';

const CssColor = z.string().check(z.regex(/^#[0-9a-fA-F]{3,8}$|^(rgb|hsl)a?\([\d\s.,%/]+\)$/, 'invalid_color'));

export const ServiceKeyDefinition = z.object({
  /** Stable identifier, e.g. `enfance`. */
  id: z.string().check(z.regex(/^[a-z][a-z0-9-]{0,30}$/, 'invalid_id')),
  /** Label shown beside the field, e.g. "Clé Enfance". */
  label: requiredText(60),
});
export type ServiceKeyDefinition = z.infer<typeof ServiceKeyDefinition>;

export const ActivationMode = z.enum(['email', 'staff']);
export type ActivationMode = z.infer<typeof ActivationMode>;

export const CaptchaKind = z.enum(['altcha', 'image', 'none']);
export type CaptchaKind = z.infer<typeof CaptchaKind>;

/**
 * Parts of the profile a citizen may ask to change: the postal address, the phones (phone,
 * mobile, fax), the e-mail address (seed 002's three "Coordonnées" requests).
 */
export const ProfileChangeKind = z.enum(['address', 'phones', 'email']);
export type ProfileChangeKind = z.infer<typeof ProfileChangeKind>;

/** One period of school holidays: first and last day off, e.g. "Vacances de Noël". */
export const SchoolHoliday = z.object({ name: requiredText(80), from: IsoDate, to: IsoDate });
export type SchoolHoliday = z.infer<typeof SchoolHoliday>;

export const Locale = z.enum(['fr', 'en']);
export type Locale = z.infer<typeof Locale>;

export const CityConfig = z
  .object({
    /** Short identifier used in mails and logs, e.g. `ville-de-demo`. */
    id: z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, 'invalid_id')),
    /** Display name, e.g. "Ville de Démo". */
    name: requiredText(80),
    colors: z.object({ primary: CssColor, accent: z.optional(CssColor) }),
    passwordPolicy: PasswordPolicy,
    /** Login identifiers compared without case (the seeds' cities differ). */
    caseInsensitiveLogin: z._default(z.boolean(), true),
    /**
     * Per-account and per-IP throttling of failed logins. The legacy 8-character password
     * preset is only allowed with it on.
     */
    loginThrottling: z._default(z.boolean(), true),
    /** How a new account becomes active: e-mail link, staff, or both (either one). */
    activationModes: z.array(ActivationMode).check(z.minLength(1, 'required')),
    /** How long an activation link stays valid, in hours (the mail says so). */
    activationLinkHours: z._default(z.int().check(z.minimum(1), z.maximum(720)), 72),
    /**
     * How long a "forgotten password" link stays valid, in minutes (the mail and the page say
     * so). Short: the link sets a password.
     */
    resetLinkMinutes: z._default(z.int().check(z.minimum(5), z.maximum(24 * 60)), 30),
    /**
     * How accounts imported by staff (`accounts:import`, seeds 001 and 003) get their first
     * password: `choose` (default) mails a link where the holder chooses it; `generated` mails
     * a generated password (the seeds' way, for cities that must keep it), which the first
     * login then forces the holder to replace.
     */
    importedPasswords: z._default(z.enum(['choose', 'generated']), 'choose'),
    /** How long the link mailed to an imported account's holder stays valid, in hours (default 7 days). */
    setupLinkHours: z._default(z.int().check(z.minimum(1), z.maximum(90 * 24)), 7 * 24),
    serviceKeys: z._default(z.array(ServiceKeyDefinition), []),
    /**
     * Profile changes the city keeps under its control: each becomes a request that staff
     * accept or refuse, instead of a change (seed 002, "Coordonnées"). The seeds' behaviour
     * is the default; identity changes are always direct.
     */
    profileChangesByRequest: z._default(z.array(ProfileChangeKind), ['address', 'phones', 'email']),
    captcha: z._default(CaptchaKind, 'altcha'),
    /** Current terms version; acceptance of an older one does not count. */
    termsVersion: requiredText(40),
    /**
     * Folder of the terms' Markdown files, one per version named `<version>.md` (the current
     * one is `termsVersion`; older ones stay as proof of what was accepted). Relative to the
     * city file; default `terms/<id>` beside it. Read by the demo server only.
     */
    termsDir: z.optional(requiredText(200)),
    franceConnect: z._default(z.boolean(), false),
    /**
     * The school holidays of the city's zone (the ministry's published calendar): the days
     * school-time activities are closed and holiday ones run. Each `from` ≤ `to`, no overlaps;
     * the city adds each new school year's dates. Absent: no school holidays.
     */
    schoolHolidays: z.optional(z.array(SchoolHoliday)),
    /** Per-language overrides of any catalog text, e.g. `{ fr: { 'login.heading': '…' } }`. */
    texts: z._default(z.partialRecord(Locale, z.record(z.string(), z.string())), {}),
    /** Where the elements link to; relative URLs are resolved against the page. */
    urls: z._default(
      z.object({
        forgotPassword: z.optional(z.string()),
        signup: z.optional(z.string()),
        login: z.optional(z.string()),
        terms: z.optional(z.string()),
      }),
      {},
    ),
  })
  .check(
    z.superRefine((config, ctx) => {
      // CNIL 2022-100: short passwords are acceptable only when guessing is throttled.
      if (config.passwordPolicy.minLength < 12 && !config.loginThrottling) {
        ctx.issues.push({
          code: 'custom',
          path: ['passwordPolicy', 'minLength'],
          message: 'policy_requires_throttling',
          input: config.passwordPolicy.minLength,
        });
      }
      // The days are calendar dates (YYYY-MM-DD): text order is date order.
      const holidays = (config.schoolHolidays ?? []).map((holiday, index) => ({ ...holiday, index }));
      for (const { from, to, index } of holidays) {
        if (from > to) ctx.issues.push({ code: 'custom', path: ['schoolHolidays', index, 'to'], message: 'before_from', input: to });
      }
      const sorted = holidays.filter((h) => h.from <= h.to).sort((a, b) => a.from.localeCompare(b.from));
      for (let i = 1; i < sorted.length; i++) {
        const previous = sorted[i - 1]!;
        const current = sorted[i]!;
        if (current.from <= previous.to) {
          ctx.issues.push({
            code: 'custom',
            path: ['schoolHolidays', current.index, 'from'],
            message: `overlaps schoolHolidays.${previous.index}`,
            input: current.from,
          });
        }
      }
    }),
  );
export type CityConfig = z.infer<typeof CityConfig>;
