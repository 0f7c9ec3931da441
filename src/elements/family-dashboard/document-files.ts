// SPDX-License-Identifier: MIT
/**
 * What the secure document storage accepts, checked before a file is sent (the server checks
 * again, the type from the content): shared by "Espace de stockage sécurisé" and the
 * document picker of the requests (absence certificate, justificatifs).
 */
import type { DocumentQuota } from '../../schemas/documents.js';

export const ACCEPTED_DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
/** The file input's `accept`: types and extensions, for systems that give no type. */
export const DOCUMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
/** The server's default limit, for the hint and the check before sending when the adapter gives no quota. */
export const DEFAULT_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export type DocumentFileProblem = 'file_type_not_allowed' | 'file_too_large' | 'quota_exceeded';

/** What is wrong with `file` before sending it, if anything (the codes are the server's). */
export function documentFileProblem(file: File, maxBytes: number, quota?: DocumentQuota | null): DocumentFileProblem | undefined {
  const byName = /\.(pdf|jpe?g|png)$/i.test(file.name);
  if (!ACCEPTED_DOCUMENT_TYPES.includes(file.type) && !(file.type === '' && byName)) return 'file_type_not_allowed';
  if (file.size > maxBytes) return 'file_too_large';
  if (quota && quota.usedBytes + file.size > quota.quotaBytes) return 'quota_exceeded';
  return undefined;
}

/** "180 Ko", "1,7 Mo": `units` are the catalog's words for kilobytes and megabytes. */
export function formatBytes(bytes: number, locale: string, units: { kb: string; mb: string }): string {
  const format = (value: number, unit: string) =>
    `${new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)} ${unit}`;
  if (bytes >= 1024 * 1024) return format(bytes / (1024 * 1024), units.mb);
  return format(Math.max(1, Math.round(bytes / 1024)), units.kb);
}

/** "PDF", "JPEG", "PNG" rather than a MIME type. */
export function documentTypeLabel(type: string): string {
  return type === 'application/pdf' ? 'PDF' : type === 'image/png' ? 'PNG' : type === 'image/jpeg' ? 'JPEG' : type;
}
