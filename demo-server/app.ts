// SPDX-License-Identifier: MIT
/** The demo server's express app: the citizen API under /api, the admin API, the demo site. */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { ServerConfig } from './config.js';
import type { Store } from './store/types.js';
import { photosDirOf } from './store/photos.js';
import type { Mailer } from './mail/mailer.js';
import { Sessions } from './auth/sessions.js';
import { errorHandler, notFound } from './http/api-error.js';
import { corsFor, csrfGuard, noStore, requireJson, securityHeaders } from './http/security.js';
import { sessionRoutes } from './routes/session.js';
import { accountRoutes, SIGNUP_BODY_LIMIT } from './routes/accounts.js';
import { captchaRoutes } from './routes/captcha.js';
import { Captchas, randomCaptchaSecret } from './captcha/captchas.js';
import { termsRoutes } from './routes/terms.js';
import { profileRoutes } from './routes/profile.js';
import { passwordChangeRoutes } from './routes/password-change.js';
import { franceConnectRoutes } from './routes/franceconnect.js';
import { FranceConnectClient } from './auth/franceconnect.js';
import { DEMO_PROVIDER_PATH, demoProviderRouter } from './auth/franceconnect-demo-provider.js';
import { passwordResetRoutes } from './routes/password-reset.js';
import type { TermsLibrary } from './terms/library.js';
import { adminRoutes } from './http/admin-api.js';
import type { FieldCipher } from './auth/field-cipher.js';
import { householdRoutes } from './routes/household.js';
import { requestRoutes } from './routes/requests.js';
import { newsRoutes } from './routes/news.js';
import { accountDataRoutes } from './routes/account-data.js';
import { demoSite } from './pages/site.js';
import { activityRoutes } from './routes/activities.js';
import { bookingRoutes } from './routes/bookings.js';
import { calendarRoutes } from './routes/calendar.js';
import { invoiceRoutes } from './routes/invoices.js';
import { paymentRoutes } from './routes/payments.js';
import { paymentProviderRoutes } from './routes/payment-provider.js';
import { simulatedProvider } from './payments/provider.js';
import { documentRoutes } from './routes/documents.js';
import { dirname, join, resolve } from 'node:path';

export interface AppDeps {
  config: ServerConfig;
  store: Store;
  mailer: Mailer;
  adminToken: string;
  outboxDir: string;
  /** The city's terms of use, every version (read at start-up). */
  terms: TermsLibrary;
  /** Seals and opens children's health data in the store (auth/data-key.ts). */
  cipher: FieldCipher;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function createApp({ config, store, mailer, adminToken, outboxDir, terms, cipher }: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config.publicUrl));

  // Secure cookies everywhere but plain-http localhost, where browsers would drop them.
  const sessions = new Sessions(store, !LOCAL_HOSTS.has(config.publicUrl.hostname), async (accountId) =>
    terms.mustAccept(await store.termsAcceptances.listForAccount(accountId)),
  );

  // FranceConnect (when the city offers it): FRANCECONNECT_ISSUER's service, or the local
  // stand-in provider mounted below with a client secret made for this process.
  const secureCookies = !LOCAL_HOSTS.has(config.publicUrl.hostname);
  const apiUrl = (path: string) => new URL(`/api/v1${path}`, config.publicUrl).href;
  const demoIssuer = () => new URL(DEMO_PROVIDER_PATH, config.publicUrl);
  const demoClient = { clientId: 'citizen-elements-demo', clientSecret: randomBytes(32).toString('base64url') };
  const franceConnect = new FranceConnectClient({
    settings: config.franceConnect,
    local: () => ({ issuer: demoIssuer(), ...demoClient }),
    redirectUri: () => apiUrl('/franceconnect/callback'),
    postLogoutRedirectUri: () => apiUrl('/franceconnect/logged-out'),
  });

  const api = express.Router();
  api.use(corsFor(config.corsOrigins));
  api.use(noStore);
  api.use(requireJson);
  // Sign-up carries an optional photo: its larger parser runs first, and the 100 kB one
  // below then skips the body it has already read.
  api.post('/v1/accounts', express.json({ limit: SIGNUP_BODY_LIMIT }));
  api.use(express.json({ limit: '100kb' }));
  api.use(csrfGuard(config.publicUrl, config.corsOrigins));
  // termsDir is a path on this server: the browser has no use for it.
  const { termsDir: _serverOnly, ...publicCity } = config.city;
  api.get('/v1/config', (_req, res) => void res.json(publicCity));
  // Before sessionRoutes: its DELETE /session answers first for FranceConnect sessions.
  api.use('/v1', franceConnectRoutes({ store, sessions, city: config.city, client: franceConnect, publicUrl: config.publicUrl, secureCookies }));
  api.use('/v1', sessionRoutes({ store, sessions, city: config.city }));
  // Without CAPTCHA_SECRET, a random secret: challenges then die with the process, which is harmless.
  const captchas = new Captchas(config.city.captcha, { secret: config.captchaSecret ?? randomCaptchaSecret(), altchaCost: config.altchaCost });
  api.use('/v1', captchaRoutes({ captchas }));
  api.use('/v1', accountRoutes({ store, city: config.city, mailer, publicUrl: config.publicUrl, captchas, photosDir: photosDirOf(config.dataFile) }));
  api.use('/v1', passwordChangeRoutes({ store, sessions, city: config.city, mailer, publicUrl: config.publicUrl }));
  api.use('/v1', passwordResetRoutes({ store, city: config.city, mailer, publicUrl: config.publicUrl }));
  api.use('/v1', termsRoutes({ store, sessions, terms }));
  api.use('/v1', profileRoutes({ sessions, city: config.city, store, cipher }));
  api.use('/v1', householdRoutes({ store, sessions, cipher }));
  api.use('/v1', requestRoutes({ store, sessions, cipher }));
  api.use('/v1', newsRoutes({ store, sessions }));
  // Stored documents' contents: beside the data file, outside any public path.
  const documentsDir = join(dirname(resolve(config.dataFile)), 'documents');
  api.use('/v1', accountDataRoutes({ store, sessions, cipher, city: config.city, mailer, documentsDir, photosDir: photosDirOf(config.dataFile) }));
  api.use('/v1', activityRoutes({ store, sessions, cipher, activities: config.activities }));
  api.use('/v1', bookingRoutes({ store, sessions, cipher, activities: config.activities }));
  api.use('/v1', invoiceRoutes({ store, sessions, cipher, cityName: config.city.name }));
  api.use('/v1', paymentRoutes({ store, sessions, cipher, provider: simulatedProvider(config.publicUrl), publicUrl: config.publicUrl, corsOrigins: config.corsOrigins, paymentSecret: config.paymentSecret, dataFile: config.dataFile }));
  api.use('/v1', documentRoutes({ store, sessions, cipher, documentsDir, limits: config.documents }));
  api.use('/v1', calendarRoutes({ store, sessions, cipher, activities: config.activities, publicUrl: config.publicUrl, cityName: config.city.name }));
  api.use(notFound);
  api.use(errorHandler);
  // Before the API: the provider's notification comes without session or CSRF header, form-encoded.
  app.use(paymentProviderRoutes({ store, paymentSecret: config.paymentSecret, dataFile: config.dataFile, cityName: config.city.name }));
  app.use('/api', api);

  const admin = adminRoutes({ store, city: config.city, outboxDir, mailer, publicUrl: config.publicUrl, cipher, activities: config.activities }, adminToken);
  admin.use(errorHandler);
  app.use('/admin/v1', admin);

  if (config.city.franceConnect && franceConnect.isLocal) {
    app.use(
      DEMO_PROVIDER_PATH,
      demoProviderRouter(() => ({
        issuer: demoIssuer().href,
        client: {
          ...demoClient,
          redirectUri: apiUrl('/franceconnect/callback'),
          postLogoutRedirectUri: apiUrl('/franceconnect/logged-out'),
          signingAlg: config.franceConnect.signingAlg,
        },
        clientName: config.city.name,
        trustProxy: config.trustProxy > 0,
      })),
    );
  }

  const dist = fileURLToPath(new URL('../dist/', import.meta.url));
  app.use('/assets', express.static(dist, { fallthrough: false, maxAge: '5m' }));
  app.use(demoSite(config.city));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
