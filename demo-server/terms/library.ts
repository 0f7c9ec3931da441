// SPDX-License-Identifier: MIT
/**
 * The city's terms of use, every version, read once at start-up from the folder its config
 * names (`termsDir`, default `terms/<id>` beside the city file). Files are never re-read
 * while the server runs: the text a citizen accepted is the text whose hash the server
 * holds. A bad or missing file stops start-up with its path named, as a bad config does.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { CityConfig } from '../../src/schemas/city-config.js';
import type { Terms, TermsStatus } from '../../src/schemas/terms.js';
import { ConfigError } from '../config.js';
import type { TermsAcceptanceRecord } from '../store/types.js';
import { markdownToTerms, VERSION_PATTERN } from './markdown.js';

export class TermsLibrary {
  readonly #versions: ReadonlyMap<string, Terms>;
  /** The version in force (the city's `termsVersion`). */
  readonly current: Terms;

  constructor(versions: Iterable<Terms>, currentVersion: string) {
    this.#versions = new Map([...versions].map((terms) => [terms.version, terms]));
    const current = this.#versions.get(currentVersion);
    if (!current) throw new Error(`No terms of version ${currentVersion}`);
    this.current = current;
  }

  /** A version by its name, or undefined. */
  get(version: string): Terms | undefined {
    return this.#versions.get(version);
  }

  /**
   * Whether the account still has to accept: none of its acceptances is of the current
   * version *and* its exact text. A text edited without a new version number asks again
   * too, because what the citizen accepted is no longer what is in force.
   */
  mustAccept(acceptances: readonly TermsAcceptanceRecord[]): boolean {
    const { version, textHash } = this.current;
    return !acceptances.some((a) => a.version === version && a.textHash === textHash);
  }

  /** The status the API answers, from the account's acceptances (oldest first). */
  status(acceptances: readonly TermsAcceptanceRecord[]): TermsStatus {
    const latest = acceptances.at(-1);
    return {
      currentVersion: this.current.version,
      ...(latest ? { acceptedVersion: latest.version, acceptedAt: latest.acceptedAt } : {}),
      mustAccept: this.mustAccept(acceptances),
    };
  }
}

/** The folder of the city's terms files. */
export function termsDirOf(city: CityConfig, cityFile: string): string {
  return resolve(dirname(cityFile), city.termsDir ?? join('terms', city.id));
}

/**
 * Reads every `<version>.md` of the city's terms folder. The current version must be there;
 * older ones are kept as the record of what earlier acceptances were about.
 */
export async function loadTermsLibrary(city: CityConfig, cityFile: string): Promise<TermsLibrary> {
  const dir = termsDirOf(city, cityFile);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  } catch (error) {
    throw new ConfigError(`CITY_CONFIG: termsDir: cannot read the folder ${dir} (${(error as Error).message})`);
  }
  const versions: Terms[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const version = name.slice(0, -'.md'.length);
    if (!VERSION_PATTERN.test(version)) {
      throw new ConfigError(`CITY_CONFIG: terms file ${file}: the name must be <version>.md with letters, digits, ".", "_" or "-"`);
    }
    try {
      versions.push(markdownToTerms(await readFile(file, 'utf8'), version));
    } catch (error) {
      throw new ConfigError(`CITY_CONFIG: terms file ${file}: ${(error as Error).message}`);
    }
  }
  if (!versions.some((terms) => terms.version === city.termsVersion)) {
    throw new ConfigError(`CITY_CONFIG: termsVersion: no file ${join(dir, `${city.termsVersion}.md`)} for the current version`);
  }
  return new TermsLibrary(versions, city.termsVersion);
}
