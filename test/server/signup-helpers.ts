// SPDX-License-Identifier: MIT
/** Helpers of the sign-up, activation and captcha tests: a city file, a valid form, the outbox. */
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser, type ParsedMail } from 'mailparser';
import { listOutbox, readOutboxMail } from '../../demo-server/mail/mailer.js';

const DEMO_CITY = new URL('../../demo-server/cities/ville-de-demo.json', import.meta.url);

let cityDir: string | undefined;

/** Writes the demo city with `overrides` into a temporary file (removed at exit); returns it for CITY_CONFIG. */
export async function cityFile(overrides: Record<string, unknown>): Promise<string> {
  if (!cityDir) {
    const dir = (cityDir = await mkdtemp(join(tmpdir(), 'citizen-city-')));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  const city = { ...JSON.parse(await readFile(DEMO_CITY, 'utf8')), ...overrides };
  // The terms folder is relative to the city file: keep pointing at the demo city's.
  city.termsDir = resolve(fileURLToPath(new URL('../../demo-server/cities/', import.meta.url)), city.termsDir ?? join('terms', city.id));
  const file = join(cityDir, `city-${Math.random().toString(36).slice(2, 10)}.json`);
  await writeFile(file, JSON.stringify(city));
  return file;
}

export const NEW_PASSWORD = 'Girouette-Cerisier-2031';

/** A valid sign-up form; `n` makes the username and e-mail address unique. */
export function signupForm(n: string | number, overrides: Record<string, unknown> = {}) {
  return {
    identity: { civility: 'MME', lastName: 'Martin', firstNames: 'Lucie', birthDate: '1990-05-17', birthCountry: 'France' },
    contact: { email: `lucie.martin${n}@example.fr`, mobile: '06 11 22 33 44', preferred: 'email' },
    username: `lucie.martin${n}`,
    password: NEW_PASSWORD,
    serviceKeys: {},
    ...overrides,
  };
}

/** Every mail in the outbox, oldest first, parsed. */
export async function outboxMails(outboxDir: string): Promise<ParsedMail[]> {
  const names = await listOutbox(outboxDir);
  return Promise.all(names.map(async (name) => simpleParser(await readOutboxMail(outboxDir, name))));
}

/** Waits (at most ~3 s) until the outbox holds `count` mails; returns them all. */
export async function waitForMails(outboxDir: string, count: number): Promise<ParsedMail[]> {
  for (let i = 0; i < 60; i++) {
    const names = await listOutbox(outboxDir);
    if (names.length >= count) return outboxMails(outboxDir);
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error(`Expected ${count} mail(s) in ${outboxDir}, found ${(await listOutbox(outboxDir)).length}`);
}

/** The newest mail sent to `to`. */
export async function latestMailTo(outboxDir: string, to: string): Promise<ParsedMail | undefined> {
  const mails = await outboxMails(outboxDir);
  return mails.reverse().find((m) => m.to && !Array.isArray(m.to) && m.to.value.some((a) => a.address === to));
}

/** The activation token in a mail's link. */
export function tokenIn(mail: ParsedMail | undefined): string {
  const token = /\/activation\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`No activation link in: ${mail?.text}`);
  return token;
}
