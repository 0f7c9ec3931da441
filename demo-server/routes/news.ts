// SPDX-License-Identifier: MIT
/**
 * "Actualités" and messages from the city (journey J7, seeds 002 and 003): news published
 * for everyone by `news:publish`, personal messages sent by `messages:send` or by a decision
 * on a request. A message is reachable by its addressee only (404 otherwise).
 */
import { Router } from 'express';
import type { CitizenMessage, NewsItem } from '../../src/schemas/news.js';
import { ApiError } from '../http/api-error.js';
import type { FamilyRoutesDeps } from './household.js';
import { requireSession } from './session.js';
import { requireTermsAccepted } from './terms.js';

export function newsRoutes(deps: Pick<FamilyRoutesDeps, 'store' | 'sessions'>): Router {
  const { store, sessions } = deps;
  const router = Router();
  const guard = [requireSession(sessions), requireTermsAccepted];

  router.get('/news', ...guard, async (_req, res) => {
    const news: NewsItem[] = (await store.news.list()).map(({ id, title, publishedAt, body, link }) => ({
      id,
      title,
      publishedAt,
      body,
      ...(link !== undefined ? { link } : {}),
    }));
    res.json(news);
  });

  router.get('/messages', ...guard, async (_req, res) => {
    const messages = await store.messages.listForAccount(res.locals.session!.account.id);
    res.json(messages.map(toCitizenMessage));
  });

  router.post('/messages/:id/read', ...guard, async (req, res) => {
    const found = await store.messages.markRead(String(req.params.id), res.locals.session!.account.id, new Date().toISOString());
    if (!found) throw new ApiError(404, 'not_found', 'No such message');
    res.status(204).end();
  });

  return router;
}

export function toCitizenMessage(message: { id: string; subject: string; body: string; sentAt: string; readAt?: string | undefined }): CitizenMessage {
  const { id, subject, body, sentAt, readAt } = message;
  return { id, subject, body, sentAt, ...(readAt !== undefined ? { readAt } : {}) };
}
