// SPDX-License-Identifier: MIT
import type { Low } from 'lowdb';
import type { DbData } from '../lowdb-store.js';
import type { WriteQueue } from '../write-queue.js';
import { StoreConflictError, StoreNotFoundError, type AccountRecord, type AccountRepository } from '../types.js';
import { copy, fold } from './util.js';
function assertAccountIsUnique(accounts: AccountRecord[], account: AccountRecord): void {
  const others = accounts.filter((other) => other.id !== account.id);
  if (others.some((other) => fold(other.username) === fold(account.username))) {
    throw new StoreConflictError('username');
  }
  if (others.some((other) => fold(other.email) === fold(account.email))) {
    throw new StoreConflictError('email');
  }
}

export function lowdbAccounts(db: Low<DbData>, queue: WriteQueue): AccountRepository {
  return {
    async get(id) {
      return copy(db.data.accounts.find((account) => account.id === id));
    },
    async findByLogin(identifier, caseInsensitive) {
      const key = caseInsensitive ? fold(identifier) : identifier;
      const matches = (value: string) => (caseInsensitive ? fold(value) : value) === key;
      // A username may contain "@", so it wins over another account's e-mail address.
      const found =
        db.data.accounts.find((account) => matches(account.username)) ??
        db.data.accounts.find((account) => matches(account.email));
      return copy(found);
    },
    async list() {
      return copy(db.data.accounts);
    },
    async insert(account) {
      const record = copy(account);
      await queue.run((data) => {
        if (data.accounts.some((other) => other.id === record.id)) throw new StoreConflictError('id');
        assertAccountIsUnique(data.accounts, record);
        data.accounts.push(record);
      });
    },
    async insertMany(accounts) {
      const records = copy(accounts);
      await queue.run((data) => {
        // Every check before the first push: a throw does not undo a mutation.
        const all = [...data.accounts];
        for (const record of records) {
          if (all.some((other) => other.id === record.id)) throw new StoreConflictError('id');
          assertAccountIsUnique(all, record);
          all.push(record);
        }
        data.accounts.push(...records);
      });
    },
    update(id, patch) {
      const changes = copy(patch);
      return queue.run((data) => {
        const index = data.accounts.findIndex((account) => account.id === id);
        if (index < 0) throw new StoreNotFoundError(`No account ${id}`);
        const updated: AccountRecord = { ...data.accounts[index]!, ...changes, id };
        assertAccountIsUnique(data.accounts, updated);
        data.accounts[index] = updated;
        return copy(updated);
      });
    },
  };
}
