// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closureOf, isSchoolHoliday } from '../../demo-server/activities/calendar.js';
import { ConfigError, loadConfig } from '../../demo-server/config.js';
import { startServer } from '../../demo-server/server.js';

const demoCity = JSON.parse(await readFile(new URL('../../demo-server/cities/ville-de-demo.json', import.meta.url), 'utf8'));

async function withCity(city: unknown, run: (file: string) => Promise<void>) {
  const dir = await mkdtemp(join(tmpdir(), 'citizen-city-'));
  const file = join(dir, 'city.json');
  await writeFile(file, typeof city === 'string' ? city : JSON.stringify(city));
  try {
    await run(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('start-up configuration', () => {
  it('uses the documented defaults', async () => {
    const config = await loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.dataFile, '.data/db.json');
    assert.equal(config.publicUrl.href, 'http://localhost:3000/');
    assert.equal(config.city.name, 'Ville de Démo');
  });

  it('names the bad environment variable', async () => {
    await assert.rejects(loadConfig({ PORT: 'abc' }), (e: Error) => e instanceof ConfigError && /PORT/.test(e.message));
    await assert.rejects(loadConfig({ SMTP_URL: 'http://mail' }), /SMTP_URL/);
    await assert.rejects(loadConfig({ PUBLIC_URL: 'not a url' }), /PUBLIC_URL/);
    await assert.rejects(loadConfig({ ADMIN_TOKEN: 'short' }), /ADMIN_TOKEN/);
  });

  it('names the bad field of a city file', async () => {
    await withCity({ ...demoCity, colors: { primary: 'blue;}' } }, async (file) => {
      await assert.rejects(loadConfig({ CITY_CONFIG: file }), /CITY_CONFIG: .*colors\.primary/);
    });
    await withCity({ ...demoCity, activationModes: [] }, async (file) => {
      await assert.rejects(loadConfig({ CITY_CONFIG: file }), /activationModes/);
    });
    await withCity('{ not json', async (file) => {
      await assert.rejects(loadConfig({ CITY_CONFIG: file }), /not valid JSON/);
    });
    await assert.rejects(loadConfig({ CITY_CONFIG: '/nonexistent/city.json' }), /cannot read/);
  });

  it("allows the seeds' legacy 8-character policy only with login throttling", async () => {
    const legacy = { minLength: 8, minLowercase: 1, minUppercase: 1, minDigits: 1 };
    await withCity({ ...demoCity, passwordPolicy: legacy, loginThrottling: false }, async (file) => {
      await assert.rejects(loadConfig({ CITY_CONFIG: file }), /passwordPolicy\.minLength: policy_requires_throttling/);
    });
    await withCity({ ...demoCity, passwordPolicy: legacy, loginThrottling: true }, async (file) => {
      const config = await loadConfig({ CITY_CONFIG: file });
      assert.equal(config.city.passwordPolicy.minUppercase, 1);
    });
  });

  it('takes the school holidays from the city file, and names a bad entry', async () => {
    const demo = await loadConfig({});
    assert.equal(demo.city.schoolHolidays?.length, 12);
    const holidays = demo.activities.schoolHolidays;
    assert.deepEqual(closureOf(holidays, '2025-12-24'), { kind: 'school-holidays', name: 'Vacances de Noël' });
    assert.equal(isSchoolHoliday(holidays, '2026-05-15'), true, "pont de l'Ascension 2026");
    assert.equal(isSchoolHoliday(holidays, '2026-07-03'), false, 'the last school day before the summer');

    const own = [{ name: 'Vacances de Noël', from: '2030-12-21', to: '2031-01-05' }];
    await withCity({ ...demoCity, schoolHolidays: own }, async (file) => {
      const city = (await loadConfig({ CITY_CONFIG: file })).activities.schoolHolidays;
      assert.equal(isSchoolHoliday(city, '2030-12-24'), true);
      assert.equal(isSchoolHoliday(city, '2025-12-24'), false, 'the demo dates are gone');
      assert.equal(isSchoolHoliday(holidays, '2025-12-24'), true, "another city's configuration changes nothing for the first");
    });

    const bad: [unknown, RegExp][] = [
      [[{ name: 'Noël', from: '2026-12-19', to: '2026-12-01' }], /schoolHolidays\.0\.to: before_from/],
      [[{ name: 'Noël', from: '2026-02-30', to: '2027-01-03' }], /schoolHolidays\.0\.from: invalid_date/],
      [[{ name: '', from: '2026-12-19', to: '2027-01-03' }], /schoolHolidays\.0\.name/],
      [
        [
          { name: 'Toussaint', from: '2026-10-17', to: '2026-11-01' },
          { name: 'Noël', from: '2026-12-19', to: '2027-01-03' },
          { name: 'Fermeture', from: '2027-01-02', to: '2027-01-06' },
        ],
        /schoolHolidays\.2\.from: overlaps schoolHolidays\.1/,
      ],
    ];
    for (const [schoolHolidays, message] of bad) {
      await withCity({ ...demoCity, schoolHolidays }, async (file) => {
        await assert.rejects(loadConfig({ CITY_CONFIG: file }), (e: Error) => e instanceof ConfigError && message.test(e.message));
      });
    }
    // …and the server does not start on it.
    await withCity({ ...demoCity, schoolHolidays: bad[0]![0] }, async (file) => {
      await assert.rejects(startServer({ PORT: '0', CITY_CONFIG: file, DATA_FILE: join(tmpdir(), 'never-opened.json') }), /schoolHolidays\.0\.to/);
    });
    await loadConfig({});
  });

  it('refuses to start on a malformed data file and leaves it untouched', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'citizen-data-'));
    const file = join(dir, 'db.json');
    await writeFile(file, '{"accounts": [');
    try {
      await assert.rejects(startServer({ PORT: '0', DATA_FILE: file }), /left untouched/);
      assert.equal(await readFile(file, 'utf8'), '{"accounts": [');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a second server on the same data file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'citizen-data-'));
    const env = { PORT: '0', DATA_FILE: join(dir, 'db.json') };
    const first = await startServer(env, { backups: false });
    try {
      await assert.rejects(startServer(env, { backups: false }), /already using/);
    } finally {
      await first.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
