// SPDX-License-Identifier: MIT
/** Headers, CORS and CSRF: what every API answer goes through. */
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import cors from 'cors';
import { ApiError } from './api-error.js';

export function securityHeaders(publicUrl: URL): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Lit adopts constructable stylesheets, which style-src does not govern; no inline styles needed.
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        // ALTCHA solves its proof of work in a worker built from a blob.
        workerSrc: ["'self'", 'blob:'],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: publicUrl.protocol === 'https:' ? [] : null,
      },
    },
    // HSTS only means something over TLS; on http://localhost it would only confuse browsers.
    strictTransportSecurity: publicUrl.protocol === 'https:' ? { maxAge: 31536000 } : false,
    crossOriginEmbedderPolicy: false,
  });
}

/** CORS for the API: only the configured origins, with credentials, and our custom headers. */
export function corsFor(allowed: string[]): RequestHandler {
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.includes(origin)),
    credentials: true,
    allowedHeaders: ['Content-Type', 'X-Citizen-Request', 'X-Citizen-Auth', 'Authorization', 'Idempotency-Key'],
    // The session's idle expiry (routes/session.ts), read by the REST adapter on a CMS of another site.
    exposedHeaders: ['X-Citizen-Idle-Expires'],
    methods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'],
    maxAge: 600,
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie-authenticated writes: the custom header cannot be sent
 * cross-site without a CORS preflight we would refuse, and the Origin, when the browser
 * sends one, must be ours or allow-listed. Token-mode requests carry no ambient
 * credential, so they need neither.
 */
export function csrfGuard(publicUrl: URL, allowed: string[]): RequestHandler {
  const origins = new Set([publicUrl.origin, ...allowed]);
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || req.get('authorization')?.startsWith('Bearer ')) return next();
    if (req.get('x-citizen-request') !== '1') {
      return next(new ApiError(403, 'csrf_rejected', 'Missing X-Citizen-Request: 1 header'));
    }
    const origin = req.get('origin');
    if (origin && !origins.has(origin) && origin !== `${req.protocol}://${req.get('host')}`) {
      return next(new ApiError(403, 'csrf_rejected', `Origin ${origin} is not allowed`));
    }
    next();
  };
}

/** Authenticated answers must not be kept by the browser or a shared cache. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

/** JSON bodies only: a form post or text body is refused precisely rather than misread. */
export const requireJson: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if (!SAFE_METHODS.has(req.method) && hasBody && !req.is('application/json') && !req.is('multipart/form-data')) {
    return next(new ApiError(415, 'unsupported_media_type', 'Send the body as application/json'));
  }
  next();
};
