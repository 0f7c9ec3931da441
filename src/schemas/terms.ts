// SPDX-License-Identifier: MIT
/**
 * Terms of use (journey J6). The text travels as structure, never as HTML, so that no
 * city text can inject markup into the page.
 *
 * Every `text` and list item is plain text: inline markup (emphasis, code, line breaks) is
 * flattened to its words, a link keeps its address in parentheses ("site de la CNIL
 * (https://www.cnil.fr)") so that a printed copy shows it too, and HTML written in the
 * source stays visible as literal text. Elements render it as text nodes, never as markup.
 */
import * as z from 'zod/mini';
import { IsoDate, IsoDateTime } from './common.js';

export const TermsBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), level: z.int().check(z.minimum(2), z.maximum(4)), text: z.string() }),
  z.object({ type: z.literal('paragraph'), text: z.string() }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.string()) }),
]);
export type TermsBlock = z.infer<typeof TermsBlock>;

export const Terms = z.object({
  version: z.string(),
  publishedOn: IsoDate,
  title: z.string(),
  blocks: z.array(TermsBlock),
  /** SHA-256 of the exact text, sent back on acceptance as proof of what was read. */
  textHash: z.string(),
});
export type Terms = z.infer<typeof Terms>;

export const TermsStatus = z.object({
  currentVersion: z.string(),
  acceptedVersion: z.optional(z.string()),
  acceptedAt: z.optional(IsoDateTime),
  mustAccept: z.boolean(),
});
export type TermsStatus = z.infer<typeof TermsStatus>;

export const AcceptTermsRequest = z.object({ version: z.string(), textHash: z.string() });
export type AcceptTermsRequest = z.infer<typeof AcceptTermsRequest>;
