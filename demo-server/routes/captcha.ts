// SPDX-License-Identifier: MIT
/**
 * The sign-up's security check (journey J1): `GET /captcha` gives a challenge of the city's
 * kind; an image challenge's picture and sound are served beside it while it is live.
 */
import { Router, type RequestHandler } from 'express';
import type { Captchas } from '../captcha/captchas.js';
import { ApiError } from '../http/api-error.js';
import { perIpLimit } from '../http/rate-limit.js';

/** Per address: 100 challenges in 10 minutes, plenty for "Changer le texte de contrôle". */
const CHALLENGES_PER_IP = 100;
const WINDOW_MS = 10 * 60_000;

export function captchaRoutes(deps: { captchas: Captchas }): Router {
  const { captchas } = deps;
  const router = Router();
  const limit = perIpLimit({
    windowMs: WINDOW_MS,
    limit: CHALLENGES_PER_IP,
    message: 'Too many security-check challenges from this address',
  });

  router.get('/captcha', limit, async (req, res) => {
    // Root-relative media URLs under where the API is mounted (`/api/v1`): a page on
    // another origin resolves them against the API's origin.
    res.json(await captchas.challenge(req.baseUrl));
  });

  const media = (kind: 'image' | 'audio'): RequestHandler => (req, res) => {
    const id = String(req.params.id);
    const body = id.length <= 100 ? (kind === 'image' ? captchas.image(id) : captchas.audio(id)) : undefined;
    if (body === undefined) throw new ApiError(404, 'not_found', 'No live security-check challenge with this id');
    // The widget may sit on a CMS page of another site: let it load the picture and sound.
    res.set('Cross-Origin-Resource-Policy', 'cross-origin');
    res.type(kind === 'image' ? 'image/svg+xml' : 'audio/wav').send(body);
  };
  router.get('/captcha/:id/image', media('image'));
  router.get('/captcha/:id/audio', media('audio'));
  return router;
}
