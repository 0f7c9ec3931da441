// SPDX-License-Identifier: MIT
/**
 * The demo server's store over one lowdb JSON file. The file is read once at start-up and
 * everything is served from memory: re-reading per request loses concurrent writes. Every
 * change goes through one write queue that persists in batches (group commit), and a
 * caller's promise settles only once the batch holding its change is on disk.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { scheduleBackups, type BackupOptions, type BackupSchedule } from './backups.js';
import { DurableJsonFile } from './durable-json-file.js';
import { lockDataFile } from './lock.js';
import type { AccountRecord, HouseholdRecord, MailTokenRecord, SessionRecord, Store, ThrottleRecord } from './types.js';
import type { TermsAcceptanceRecord } from './types.js';
import type { FranceConnectLinkRecord } from './types.js';
import type { ChildRecordRecord, HealthAuditRecord, MessageRecord, NewsRecord, RequestRecord } from './types.js';
import { WriteQueue } from './write-queue.js';
import { lowdbAccounts } from './lowdb/accounts.js';
import { lowdbHouseholds } from './lowdb/households.js';
import { lowdbSessions } from './lowdb/sessions.js';
import { lowdbThrottles } from './lowdb/throttles.js';
import { lowdbTermsAcceptances } from './lowdb/terms-acceptances.js';
import { lowdbFranceConnectLinks } from './lowdb/franceconnect-links.js';
import { lowdbMailTokens } from './lowdb/mail-tokens.js';
import { lowdbChildRecords } from './lowdb/child-records.js';
import { lowdbRequests } from './lowdb/requests.js';
import { lowdbNews } from './lowdb/news.js';
import { lowdbMessages } from './lowdb/messages.js';
import { lowdbHealthAudit } from './lowdb/health-audit.js';
import type { BookingRecord, CalendarFeedRecord, DocumentRecord, EnrolmentRecord, IdempotencyRecord, InvoiceRecord, PaymentRecord } from './types.js';
import { lowdbEnrolments } from './lowdb/enrolments.js';
import { lowdbBookings } from './lowdb/bookings.js';
import { lowdbCalendarFeeds } from './lowdb/calendar-feeds.js';
import { lowdbInvoices } from './lowdb/invoices.js';
import { lowdbPayments } from './lowdb/payments.js';
import { lowdbDocuments } from './lowdb/documents.js';

/** The data file's version; additive changes (a new collection) keep it. */
export const DB_VERSION = 1;

/**
 * Everything the data file holds. A new collection goes here, in `emptyData`, in a
 * repository file under lowdb/, and in the object `openLowdbStore` returns.
 */
export interface DbData {
  version: typeof DB_VERSION;
  accounts: AccountRecord[];
  sessions: SessionRecord[];
  throttles: ThrottleRecord[];
  households: HouseholdRecord[];
  mailTokens: MailTokenRecord[];
  termsAcceptances: TermsAcceptanceRecord[];
  franceConnectLinks: FranceConnectLinkRecord[];
  childRecords: ChildRecordRecord[];
  requests: RequestRecord[];
  news: NewsRecord[];
  messages: MessageRecord[];
  healthAudit: HealthAuditRecord[];
  enrolments: EnrolmentRecord[];
  bookings: BookingRecord[];
  /** Answers to booking batches by idempotency key (kept 24 h; see lowdb/bookings.ts). */
  idempotency: IdempotencyRecord[];
  calendarFeeds: CalendarFeedRecord[];
  invoices: InvoiceRecord[];
  payments: PaymentRecord[];
  documents: DocumentRecord[];
}

export function emptyData(): DbData {
  return { version: DB_VERSION, accounts: [], sessions: [], throttles: [], households: [], mailTokens: [], termsAcceptances: [], franceConnectLinks: [], childRecords: [], requests: [], news: [], messages: [], healthAudit: [], enrolments: [], bookings: [], idempotency: [], calendarFeeds: [], invoices: [], payments: [], documents: [] };
}

export interface LowdbStoreOptions {
  /** Rotating backups (on by default: 5 kept, one an hour); `false` turns them off. */
  backups?: BackupOptions | false;
}

/**
 * Opens (or creates) the store in `file`. Rejects if another process uses the file, or if
 * the file is empty, malformed or from a newer version: it is then left untouched.
 */
export async function openLowdbStore(file: string, options: LowdbStoreOptions = {}): Promise<Store> {
  file = path.resolve(file);
  await mkdir(path.dirname(file), { recursive: true });
  let lockLost: Error | undefined;
  const release = await lockDataFile(file, (error) => {
    lockLost = new Error(`Lost the lock on ${file}; writes are refused from now on: ${error.message}`);
    console.error(lockLost.message);
  });
  const db = new Low<DbData>(new DurableJsonFile<DbData>(file), emptyData());
  let existed: boolean;
  try {
    const defaults = db.data;
    await db.read();
    existed = db.data !== defaults;
    db.data = checkShape(db.data, file);
  } catch (error) {
    await release();
    throw error;
  }
  let backups: BackupSchedule | undefined;
  if (options.backups !== false) {
    backups = scheduleBackups(file, options.backups ?? {});
    try {
      if (existed) await backups.runNow();
    } catch (error) {
      await backups.stop();
      await release();
      throw error;
    }
  }
  const queue = new WriteQueue(db, () => lockLost);
  let closing: Promise<void> | undefined;
  return {
    accounts: lowdbAccounts(db, queue),
    sessions: lowdbSessions(db, queue),
    throttles: lowdbThrottles(db, queue),
    households: lowdbHouseholds(db, queue),
    mailTokens: lowdbMailTokens(db, queue),
    termsAcceptances: lowdbTermsAcceptances(db, queue),
    franceConnectLinks: lowdbFranceConnectLinks(db, queue),
    childRecords: lowdbChildRecords(db, queue),
    requests: lowdbRequests(db, queue),
    news: lowdbNews(db, queue),
    messages: lowdbMessages(db, queue),
    healthAudit: lowdbHealthAudit(db, queue),
    enrolments: lowdbEnrolments(db, queue),
    bookings: lowdbBookings(db, queue),
    calendarFeeds: lowdbCalendarFeeds(db, queue),
    invoices: lowdbInvoices(db, queue),
    payments: lowdbPayments(db, queue),
    documents: lowdbDocuments(db, queue),
    close() {
      closing ??= (async () => {
        await queue.close();
        await backups?.stop();
        if (!lockLost) await release();
      })();
      return closing;
    },
  };
}

function checkShape(data: DbData, file: string): DbData {
  const untouched = 'The file was left untouched.';
  if (data.version !== DB_VERSION) {
    throw new Error(`${file} has data version ${String(data.version)}; this server reads version ${DB_VERSION}. ${untouched}`);
  }
  const full = { ...emptyData(), ...data };
  for (const [key, value] of Object.entries(full)) {
    if (key !== 'version' && !Array.isArray(value)) {
      throw new Error(`${file}: "${key}" should be a list. ${untouched}`);
    }
  }
  return full;
}
