// SPDX-License-Identifier: MIT
/** "Actualités" and personal messages from the city. */
import * as z from 'zod/mini';
import { Id, IsoDateTime } from './common.js';

export const NewsItem = z.object({
  id: Id,
  title: z.string(),
  publishedAt: IsoDateTime,
  body: z.string(),
  link: z.optional(z.string()),
});
export type NewsItem = z.infer<typeof NewsItem>;

export const CitizenMessage = z.object({
  id: Id,
  subject: z.string(),
  body: z.string(),
  sentAt: IsoDateTime,
  readAt: z.optional(IsoDateTime),
});
export type CitizenMessage = z.infer<typeof CitizenMessage>;
