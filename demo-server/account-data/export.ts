// SPDX-License-Identifier: MIT
/**
 * "Mes données": everything the city holds about an account and its household, as one JSON
 * document (right of access and portability, RGPD art. 15 and 20). Children's health data is
 * opened for it, and each opening is logged like any other read.
 */
import { AccountExport } from '../../src/schemas/account-data.js';
import type { CityConfig } from '../../src/schemas/city-config.js';
import type { FieldCipher } from '../auth/field-cipher.js';
import { childRecordPlace, logHealthRead, openChildRecord } from '../family/child-records.js';
import { citizenRequest, visibleRequests } from '../family/requests.js';
import { toCitizenMessage } from '../routes/news.js';
import type { AccountRecord, Store } from '../store/types.js';
import { invoiceJson } from '../billing/invoices.js';
import { documentJson } from '../routes/documents.js';

export interface ExportDeps {
  store: Store;
  cipher: FieldCipher;
  city: CityConfig;
}

export async function buildAccountExport({ store, cipher, city }: ExportDeps, account: AccountRecord): Promise<AccountExport> {
  const reader = { kind: 'account' as const, accountId: account.id };
  const householdRecord = account.householdId ? await store.households.get(account.householdId) : undefined;
  let household: AccountExport['household'] = null;
  if (householdRecord) {
    const childRecords: NonNullable<AccountExport['household']>['childRecords'] = [];
    for (const member of householdRecord.members.filter((m) => m.role === 'child')) {
      const stored = await store.childRecords.get(householdRecord.id, member.id);
      if (!stored) continue;
      await logHealthRead(store, { actor: reader, householdId: householdRecord.id, childId: member.id, purpose: 'export' });
      const record = openChildRecord(cipher, stored, childRecordPlace(householdRecord.id, member.id), stored.missing);
      childRecords.push({ childId: member.id, firstNames: member.firstNames, record });
    }
    household = {
      id: householdRecord.id,
      ...(householdRecord.name !== undefined ? { name: householdRecord.name } : {}),
      members: householdRecord.members,
      childRecords,
    };
  }

  const requests = [];
  for (const request of await visibleRequests(store, account)) {
    requests.push(await citizenRequest(store, cipher, request, account, { details: true, purpose: 'export' }));
  }
  const franceConnect = await store.franceConnectLinks.findByAccount(account.id);
  const reads = householdRecord ? await store.healthAudit.listForHouseholds([householdRecord.id]) : [];

  return AccountExport.parse({
    format: 'citizen-elements/account-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    city: { id: city.id, name: city.name },
    account: {
      id: account.id,
      username: account.username,
      status: account.status,
      createdAt: account.createdAt,
      lastLoginAt: account.lastLoginAt,
      identity: account.identity,
      address: account.address,
      contact: account.contact,
      serviceKeys: account.serviceKeys,
      ...(franceConnect ? { franceConnect: { sub: franceConnect.sub, linkedAt: franceConnect.linkedAt } } : {}),
    },
    household,
    requests,
    messages: (await store.messages.listForAccount(account.id)).map(toCitizenMessage),
    termsAcceptances: (await store.termsAcceptances.listForAccount(account.id)).map(({ version, textHash, acceptedAt }) => ({
      version,
      textHash,
      acceptedAt,
    })),
    sessions: (await store.sessions.listForAccount(account.id)).map(({ createdAt, lastSeenAt, expiresAt }) => ({ createdAt, lastSeenAt, expiresAt })),
    healthDataReads: reads.map((read) => ({
      at: read.at,
      childId: read.childId,
      by: read.actor.kind === 'staff' ? 'staff' : read.actor.accountId === account.id ? 'you' : 'household',
      purpose: read.purpose,
    })),
    invoices: householdRecord ? (await store.invoices.listForHousehold(householdRecord.id)).map((i) => invoiceJson(i)) : [],
    documents: (await store.documents.listForAccount(account.id)).map(documentJson),
  });
}
