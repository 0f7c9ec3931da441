// SPDX-License-Identifier: MIT
/**
 * Start-up configuration: environment variables and the city file. Anything wrong stops
 * the server with a message naming the variable or the field, before it touches data.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { CityConfig } from '../src/schemas/city-config.js';
import { demoCatalogue, type ActivityCatalogue } from './activities/catalogue.js';

const DEFAULT_CITY = fileURLToPath(new URL('./cities/ville-de-demo.json', import.meta.url));

const Env = z.object({
  PORT: z._default(z.coerce.number().check(z.int('must be a whole number'), z.minimum(0), z.maximum(65535)), 3000),
  HOST: z._default(z.string(), '127.0.0.1'),
  DATA_FILE: z._default(z.string().check(z.minLength(1)), '.data/db.json'),
  SMTP_URL: z.optional(z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })),
  PUBLIC_URL: z.optional(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })),
  CITY_CONFIG: z._default(z.string(), DEFAULT_CITY),
  ADMIN_TOKEN: z.optional(z.string().check(z.minLength(24, 'must be at least 24 characters'))),
  /** Comma-separated origins allowed to call the API from the browser (CMS on another site). */
  CORS_ORIGINS: z._default(z.string(), ''),
  /** Number of reverse proxies in front (for the client IP used by rate limits). */
  TRUST_PROXY: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 0),
  /** Signs and seals captcha challenges; unset, a random one is made at each start. */
  CAPTCHA_SECRET: z.optional(z.string().check(z.minLength(32, 'must be at least 32 characters'))),
  /** PBKDF2 iterations per ALTCHA attempt: the proof of work's weight on the citizen's device. */
  ALTCHA_COST: z._default(z.coerce.number().check(z.int('must be a whole number'), z.minimum(1), z.maximum(1_000_000)), 5000),
  /**
   * FranceConnect's issuer (e.g. its integration platform's URL). Unset, and the city enables
   * FranceConnect: a local stand-in provider at PUBLIC_URL/franceconnect-demo.
   */
  FRANCECONNECT_ISSUER: z.optional(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })),
  FRANCECONNECT_CLIENT_ID: z.optional(z.string()),
  FRANCECONNECT_CLIENT_SECRET: z.optional(z.string()),
  FRANCECONNECT_SCOPES: z._default(z.string(), 'openid given_name family_name birthdate gender birthplace birthcountry email'),
  FRANCECONNECT_ACR_VALUES: z._default(z.string(), 'eidas1'),
  /** Signature of FranceConnect's ID tokens and signed userinfo, as chosen in its partner space. */
  FRANCECONNECT_SIGNING_ALG: z._default(z.enum(['RS256', 'ES256']), 'RS256'),
  /** Signs the payment provider's notifications (HMAC); unset, a key file beside the data file. */
  PAYMENT_SECRET: z.optional(z.string().check(z.minLength(32, 'must be at least 32 characters'))),
  /** Largest stored document accepted, in bytes (10 MB). */
  DOCUMENT_MAX_BYTES: z._default(z.coerce.number().check(z.int('must be a whole number'), z.minimum(1)), 10 * 1024 * 1024),
  /** Total size of one account's stored documents, in bytes (100 MB). */
  DOCUMENT_QUOTA_BYTES: z._default(z.coerce.number().check(z.int('must be a whole number'), z.minimum(1)), 100 * 1024 * 1024),
});

/**
 * How the demo server reaches FranceConnect. Lives in the environment, not in the city file:
 * the city file is served to browsers (GET /api/v1/config), a client secret must not be.
 * The city file's `franceConnect` only says whether the button is offered.
 */
export interface FranceConnectSettings {
  /** The real service; undefined: the local stand-in provider. */
  issuer: URL | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  scopes: string;
  acrValues: string;
  signingAlg: 'RS256' | 'ES256';
}

export interface ServerConfig {
  port: number;
  host: string;
  dataFile: string;
  smtpUrl: string | undefined;
  publicUrl: URL;
  adminToken: string | undefined;
  corsOrigins: string[];
  trustProxy: number;
  captchaSecret: string | undefined;
  altchaCost: number;
  franceConnect: FranceConnectSettings;
  city: CityConfig;
  cityFile: string;
  /** PAYMENT_SECRET; undefined: the `payment-secret` file beside the data file (made at first use). */
  paymentSecret: string | undefined;
  /** Stored documents' limits ("Espace de stockage sécurisé"). */
  documents: { maxFileBytes: number; quotaBytes: number };
  /** The city's activities, days and prices (activities/catalogue.ts). */
  activities: ActivityCatalogue;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const describe = (issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = '') =>
  issues.map((i) => `${prefix}${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');

export async function loadCityConfig(file: string): Promise<CityConfig> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`CITY_CONFIG: cannot read ${file} (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new ConfigError(`CITY_CONFIG: ${file} is not valid JSON (${(error as Error).message})`);
  }
  const parsed = CityConfig.safeParse(json);
  if (!parsed.success) throw new ConfigError(`CITY_CONFIG: ${file}: ${describe(parsed.error.issues)}`);
  return parsed.data;
}

export async function loadConfig(env: NodeJS.ProcessEnv = process.env): Promise<ServerConfig> {
  // Empty variables count as unset, as in most shells' `VAR= cmd` usage.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(given);
  if (!parsed.success) throw new ConfigError(`Environment: ${describe(parsed.error.issues)}`);
  const e = parsed.data;
  if (e.FRANCECONNECT_ISSUER && !(e.FRANCECONNECT_CLIENT_ID && e.FRANCECONNECT_CLIENT_SECRET)) {
    throw new ConfigError('Environment: FRANCECONNECT_CLIENT_ID and FRANCECONNECT_CLIENT_SECRET are required with FRANCECONNECT_ISSUER');
  }
  const city = await loadCityConfig(e.CITY_CONFIG);
  const publicUrl = new URL(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`);
  return {
    port: e.PORT,
    host: e.HOST,
    dataFile: e.DATA_FILE,
    smtpUrl: e.SMTP_URL,
    publicUrl,
    adminToken: e.ADMIN_TOKEN,
    corsOrigins: e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    trustProxy: e.TRUST_PROXY,
    captchaSecret: e.CAPTCHA_SECRET,
    altchaCost: e.ALTCHA_COST,
    franceConnect: {
      issuer: e.FRANCECONNECT_ISSUER ? new URL(e.FRANCECONNECT_ISSUER) : undefined,
      clientId: e.FRANCECONNECT_CLIENT_ID,
      clientSecret: e.FRANCECONNECT_CLIENT_SECRET,
      scopes: e.FRANCECONNECT_SCOPES,
      acrValues: e.FRANCECONNECT_ACR_VALUES,
      signingAlg: e.FRANCECONNECT_SIGNING_ALG,
    },
    city,
    cityFile: e.CITY_CONFIG,
    paymentSecret: e.PAYMENT_SECRET,
    documents: { maxFileBytes: e.DOCUMENT_MAX_BYTES, quotaBytes: e.DOCUMENT_QUOTA_BYTES },
    activities: demoCatalogue(city.schoolHolidays ?? []),
  };
}
