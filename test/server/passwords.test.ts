// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { CityConfig } from '../../src/schemas/city-config.js';
import { PASSWORD_POLICY_PRESETS } from '../../src/schemas/password-policy.js';
import { assertAcceptablePassword, hashPassword, verifyPassword } from '../../demo-server/auth/passwords.js';
import { DEMO_PASSWORD } from '../../demo-server/seed.js';

const city = CityConfig.parse(JSON.parse(await readFile(new URL('../../demo-server/cities/ville-de-demo.json', import.meta.url), 'utf8')));
const legacyCity = { ...city, passwordPolicy: PASSWORD_POLICY_PRESETS.legacy };
const codeOf = async (password: string, c = city, info = {}) => {
  try {
    await assertAcceptablePassword(password, c, info);
    return 'ok';
  } catch (error) {
    return (error as { extra: { fields: Record<string, string> } }).extra.fields.password;
  }
};

describe('password hashing and policy (server side)', () => {
  it('hashes with argon2id and its parameters, and verifies', async () => {
    const hash = await hashPassword('Tournesol-Violette-88');
    assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await verifyPassword(hash, 'Tournesol-Violette-88'), true);
    assert.equal(await verifyPassword(hash, 'tournesol-violette-88'), false);
    assert.equal(await verifyPassword('not a hash', 'x'), false);
  });

  it('applies the default policy: 12 characters, no composition rules', async () => {
    assert.equal(await codeOf('court-1'), 'password_length');
    assert.equal(await codeOf('tournesol violette marelle'), 'ok', 'a passphrase without digits or capitals is fine');
    assert.equal(await codeOf(DEMO_PASSWORD), 'ok', 'the README password meets the policy');
  });

  it('refuses common passwords whatever the composition rules (French ones included)', async () => {
    assert.equal(await codeOf('motdepasse123'), 'password_common');
    assert.equal(await codeOf('azertyuiop123'), 'password_common');
    assert.equal(await codeOf('Azerty123', legacyCity), 'password_common', 'meets the legacy rule but is common');
    assert.equal(await codeOf('Soleil2024', legacyCity), 'password_common');
  });

  it("refuses the user's own name, username or the city", async () => {
    assert.equal(await codeOf('dupont-marelle-2026', city, { names: ['Marie', 'Dupont'] }), 'password_personal_info');
    assert.equal(await codeOf('Ville de Démo 2026 !!', city), 'password_personal_info');
  });

  it("checks the legacy preset's composition", async () => {
    assert.equal(await codeOf('tournesolviolette8', legacyCity), 'password_uppercase');
    assert.equal(await codeOf('Tournesol-Violette', legacyCity), 'password_digits');
    assert.equal(await codeOf('Tournesol-Violette-8', legacyCity), 'ok');
  });
});
