// SPDX-License-Identifier: MIT
/**
 * A local OpenID Connect provider standing in for FranceConnect in the demo and the tests
 * (oidc-provider, the certified provider library), mounted on the demo server at
 * `/franceconnect-demo` when the city enables FranceConnect and FRANCECONNECT_ISSUER is
 * unset. It behaves as FranceConnect does for a partner: authorization code flow with PKCE,
 * state and nonce, `acr_values=eidas1`, the "identité pivot" and e-mail as claims named like
 * FranceConnect's scopes, RP-initiated logout with `id_token_hint`.
 *
 * Its login page lists test identities (as FranceConnect's integration platform offers test
 * accounts) instead of asking for real credentials: "Marie DUPONT" has the seeded family's
 * e-mail, to try linking; "Camille MARTIN" is nobody yet, to try creating an account.
 *
 * The provider is built on first use: the issuer needs the server's port (PORT=0 in tests),
 * and a city without FranceConnect never loads the library.
 */
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { PageContext, Provider } from 'oidc-provider';

export const DEMO_PROVIDER_PATH = '/franceconnect-demo';

/** FranceConnect's claims for a test person (names as FranceConnect writes them). */
export interface DemoIdentity {
  sub: string;
  given_name: string;
  family_name: string;
  birthdate: string;
  gender: 'male' | 'female';
  birthplace: string;
  birthcountry: string;
  email: string;
}

export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  {
    sub: 'b6048e95bb134ec5b1d1e1fa69f287172e91722b9354d637a1bcf2ebb0fd2ef5v1',
    given_name: 'Marie',
    family_name: 'DUPONT',
    birthdate: '1986-03-14',
    gender: 'female',
    birthplace: '45234',
    birthcountry: '99100',
    email: 'marie.dupont@example.fr',
  },
  {
    sub: '7f3a2c9d0e1b4a5f8c6d2e9b1a0f3c7d5e8b2a4c6f1d9e0b3a7c5f2e8d1b4a6cv1',
    given_name: 'Camille Jeanne',
    family_name: 'MARTIN',
    birthdate: '1985-05-12',
    gender: 'female',
    birthplace: '75056',
    birthcountry: '99100',
    email: 'camille.martin@example.fr',
  },
];

export interface DemoProviderClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  signingAlg: 'RS256' | 'ES256';
}

const CLAIMS = ['given_name', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry', 'email'] as const;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — FranceConnect (démonstration)</title>
<link rel="stylesheet" href="/site.css">
<link rel="icon" href="data:,">
</head>
<body>
<header class="site-header"><span class="site-name">FranceConnect (fournisseur de démonstration)</span></header>
<main id="contenu"><h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>`;
}

/**
 * Adds an inline script's hash to the page's CSP (`script-src 'self'` otherwise forbids it),
 * as oidc-provider does for its own form_post pages.
 */
function allowInlineScript(ctx: PageContext, script: string): string {
  const csp = ctx.response.get('content-security-policy');
  if (csp) {
    const digest = createHash('sha256').update(script).digest('base64');
    ctx.set('content-security-policy', csp.replace(/script-src ([^;]*)/, `script-src $1 'sha256-${digest}'`));
  }
  return script;
}

async function createProvider(issuer: string, client: DemoProviderClient): Promise<Provider> {
  const { default: Provider } = await import('oidc-provider');
  const keyPair =
    client.signingAlg === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...keyPair.privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), alg: client.signingAlg, use: 'sig' };
  const identities = new Map(DEMO_IDENTITIES.map((identity) => [identity.sub, identity]));

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        post_logout_redirect_uris: [client.postLogoutRedirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
        id_token_signed_response_alg: client.signingAlg,
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // FranceConnect's scopes are named after the claim each one releases.
    claims: Object.fromEntries([['openid', ['sub']], ['acr', null], ...CLAIMS.map((claim) => [claim, [claim]])]),
    scopes: ['openid', ...CLAIMS],
    acrValues: ['eidas1'],
    pkce: { required: () => true },
    responseTypes: ['code'],
    findAccount: async (_ctx: unknown, sub: string) => {
      const identity = identities.get(sub);
      return identity && { accountId: sub, claims: async () => ({ ...identity }) };
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `${DEMO_PROVIDER_PATH}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // FranceConnect ends its session without asking: the form submits itself.
        logoutSource: async (ctx: PageContext, form: string) => {
          const script = allowInlineScript(ctx, "document.getElementById('op.logoutForm').submit();");
          ctx.type = 'html';
          ctx.body = page(
            'Déconnexion de FranceConnect',
            `${form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>')}
<p>Vous allez être déconnecté de FranceConnect.</p>
<p><button type="submit" form="op.logoutForm" class="button">Continuer</button></p>
<script>${script}</script>`,
          );
        },
        postLogoutSuccessSource: async (ctx: PageContext) => {
          ctx.type = 'html';
          ctx.body = page('Déconnexion de FranceConnect', '<p>Vous êtes déconnecté de FranceConnect.</p>');
        },
      },
    },
    renderError: async (ctx: PageContext, out: Record<string, string>) => {
      ctx.type = 'html';
      const details = Object.entries(out)
        .map(([key, value]) => `<li>${escapeHtml(key)} : ${escapeHtml(String(value))}</li>`)
        .join('');
      ctx.body = page('Erreur FranceConnect', `<p>La demande n'a pas pu aboutir.</p><ul>${details}</ul>`);
    },
  });
  return provider;
}

/** The login page: one radio button per test identity, "Continuer" and "Annuler". */
function loginPage(uid: string, clientName: string): string {
  const choices = DEMO_IDENTITIES.map(
    (identity, index) => `<div class="choice">
<input type="radio" id="identity-${index}" name="sub" value="${escapeHtml(identity.sub)}"${index === 0 ? ' checked' : ''}>
<label for="identity-${index}">${escapeHtml(`${identity.given_name} ${identity.family_name}`)}, ${identity.gender === 'female' ? 'née' : 'né'} le ${escapeHtml(identity.birthdate.split('-').reverse().join('/'))} (${escapeHtml(identity.email)})</label>
</div>`,
  ).join('\n');
  const action = `${DEMO_PROVIDER_PATH}/interaction/${encodeURIComponent(uid)}`;
  return page(
    'Connexion avec FranceConnect',
    `<p>Ce fournisseur d'identité local remplace FranceConnect pour la démonstration de ${escapeHtml(clientName)}. Choisissez l'identité certifiée à transmettre.</p>
<form method="post" action="${action}/login">
<fieldset><legend>Identité de test</legend>
${choices}
</fieldset>
<p><button type="submit">Continuer</button></p>
</form>
<form method="post" action="${action}/abort"><p><button type="submit">Annuler et revenir au site</button></p></form>`,
  );
}

/**
 * The provider's routes under DEMO_PROVIDER_PATH. `settings` is called on first use, once
 * the server knows its public URL.
 */
export function demoProviderRouter(settings: () => { issuer: string; client: DemoProviderClient; clientName: string; trustProxy: boolean }): Router {
  const router = Router();
  let provider: Promise<{ provider: Provider; handle: (req: IncomingMessage, res: ServerResponse) => void }> | undefined;
  const get = () =>
    (provider ??= (async () => {
      const { issuer, client, trustProxy } = settings();
      const created = await createProvider(issuer, client);
      created.proxy = trustProxy;
      return { provider: created, handle: created.callback() };
    })().catch((error: unknown) => {
      provider = undefined;
      throw error;
    }));

  const form = express.urlencoded({ extended: false, limit: '4kb' });
  const wrap =
    (handler: (provider: Provider, req: Request, res: Response) => Promise<void>) =>
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        await handler((await get()).provider, req, res);
      } catch (error) {
        next(error);
      }
    };

  router.get(
    '/interaction/:uid',
    wrap(async (provider, req, res) => {
      const details = await provider.interactionDetails(req, res);
      res.set('Cache-Control', 'no-store').type('html').send(loginPage(details.uid, settings().clientName));
    }),
  );

  router.post(
    '/interaction/:uid/login',
    form,
    wrap(async (provider, req, res) => {
      const details = await provider.interactionDetails(req, res);
      const sub = String((req.body as Record<string, unknown>)['sub'] ?? '');
      if (!DEMO_IDENTITIES.some((identity) => identity.sub === sub)) {
        res.status(400).type('html').send(loginPage(details.uid, settings().clientName));
        return;
      }
      const grant = new provider.Grant({ accountId: sub, clientId: String(details.params['client_id']) });
      grant.addOIDCScope(String(details.params['scope'] ?? 'openid'));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: sub, acr: 'eidas1', amr: ['pwd'] }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    }),
  );

  router.post(
    '/interaction/:uid/abort',
    wrap(async (provider, req, res) => {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: "L'usager a annulé la connexion" },
        { mergeWithLastSubmission: false },
      );
    }),
  );

  // Everything else is the provider's: discovery, /auth, /token, /me, /jwks, /session/end…
  router.use(async (req, res, next) => {
    try {
      (await get()).handle(req as IncomingMessage, res as ServerResponse);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
