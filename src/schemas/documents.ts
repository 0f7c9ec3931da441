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
