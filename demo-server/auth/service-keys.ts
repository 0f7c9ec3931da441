// SPDX-License-Identifier: MIT
/**
 * Service keys ("clé ENFANCE"): the code printed on the city's letter that links an account
 * to its family record. Keys are 15 characters in three groups of five from a 31-symbol
 * alphabet without 0/O, 1/I/L (≈ 74 bits), stored only as a SHA-256 of their normalised
 * form, and guessing them is throttled.
 */
import { randomInt } from 'node:crypto';
import { MemoryStore, ipKeyGenerator } from 'express-rate-limit';
import type { Store } from '../store/types.js';
import { hashServiceKey } from '../seed.js';

/** Digits and capitals that cannot be misread from a letter: no 0/O, no 1/I/L. */
export const SERVICE_KEY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const GROUPS = 3;
const GROUP_LENGTH = 5;

/** A new key, e.g. `K7PQM-4XW9H-TR3AB` (shown once to staff, never stored in clear). */
export function generateServiceKey(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += SERVICE_KEY_ALPHABET[randomInt(SERVICE_KEY_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** Bits of a generated key, for the docs and the test that keeps it ≥ 60. */
export const SERVICE_KEY_BITS = GROUPS * GROUP_LENGTH * Math.log2(SERVICE_KEY_ALPHABET.length);

/** The household a key opens for `serviceId`, if any. */
export async function householdForKey(store: Store, serviceId: string, key: string) {
  return store.households.findByServiceKey(serviceId, hashServiceKey(key));
}

/**
 * Wrong keys are counted per client address (10 in 15 minutes) and, against guessing
 * spread over many addresses, per service for everyone (200 in an hour). A key guess at
 * sign-up also costs a solved captcha. While a limit is reached, key attempts get 429
 * with Retry-After; sign-ups without a key are not affected.
 */
export class ServiceKeyLimits {
  static readonly PER_IP = 10;
  static readonly PER_IP_WINDOW_MS = 15 * 60_000;
  static readonly PER_SERVICE = 200;
  static readonly PER_SERVICE_WINDOW_MS = 60 * 60_000;
  readonly #perIp = new MemoryStore();
  readonly #perService = new MemoryStore();

  constructor() {
    type Init = Parameters<MemoryStore['init']>[0];
    this.#perIp.init({ windowMs: ServiceKeyLimits.PER_IP_WINDOW_MS } as Init);
    this.#perService.init({ windowMs: ServiceKeyLimits.PER_SERVICE_WINDOW_MS } as Init);
  }

  /** Seconds before this address may try keys of these services again, or 0. */
  async retryAfter(ip: string | undefined, serviceIds: string[]): Promise<number> {
    const waits = [await this.#wait(this.#perIp, ipKeyGenerator(ip ?? ''), ServiceKeyLimits.PER_IP)];
    for (const id of serviceIds) waits.push(await this.#wait(this.#perService, id, ServiceKeyLimits.PER_SERVICE));
    return Math.max(...waits);
  }

  async recordFailure(ip: string | undefined, serviceId: string): Promise<void> {
    await this.#perIp.increment(ipKeyGenerator(ip ?? ''));
    await this.#perService.increment(serviceId);
  }

  async #wait(store: MemoryStore, key: string, limit: number): Promise<number> {
    const info = await store.get(key);
    if (!info || info.totalHits < limit) return 0;
    return Math.max(1, Math.ceil(((info.resetTime?.getTime() ?? Date.now()) - Date.now()) / 1000));
  }
}
