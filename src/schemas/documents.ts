// SPDX-License-Identifier: MIT
/** "Espace de stockage sécurisé" (seeds 000, 003): only the holder can read its content. */
import * as z from 'zod/mini';
import { Id, IsoDateTime } from './common.js';

export const StoredDocument = z.object({
  id: Id,
  name: z.string(),
  /** MIME type detected from the content, not trusted from the upload. */
  type: z.string(),
  sizeBytes: z.int().check(z.minimum(0)),
  uploadedAt: IsoDateTime,
  category: z.optional(z.string()),
});
export type StoredDocument = z.infer<typeof StoredDocument>;

/**
 * Characters refused in a document's new name: path separators (the server would keep only
 * the last segment, silently), control characters, and those Windows refuses in a file name
 * (the name is the download's file name).
 */
const DOCUMENT_NAME_FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f]/;

/** "Renommer" a stored document. */
export const DocumentRename = z.object({
  name: z.string().check(
    z.trim(),
    z.minLength(1, 'required'),
    z.maxLength(200, 'too_long'),
    z.refine((name) => !DOCUMENT_NAME_FORBIDDEN.test(name), 'forbidden_characters'),
  ),
});
export type DocumentRename = z.infer<typeof DocumentRename>;

/** The account's storage: used and allowed bytes, the largest file accepted. */
export const DocumentQuota = z.object({ usedBytes: z.int(), quotaBytes: z.int(), maxFileBytes: z.int() });
export type DocumentQuota = z.infer<typeof DocumentQuota>;
