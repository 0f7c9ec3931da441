// SPDX-License-Identifier: MIT
/**
 * The demo city's site: plain pages that embed the elements the way a CMS page would,
 * one script tag and a tag each. No inline script or style (the CSP forbids them).
 */
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import type { CityConfig } from '../../src/schemas/city-config.js';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Page {
  path: string;
  title: string;
  /** Trusted markup written here, never from input. */
  body: string;
  /** Pages reached only from a mail's link stay out of the menus. */
  fromMailOnly?: boolean;
}

const PAGES: Page[] = [
  {
    // "Je n'ai pas d'espace — Créer mon espace" (seeds 000, 002, 003); the city's urls.signup.
    // FranceConnect first, above an "OU" (its placement rules), when the city offers it; an
    // identity linked to no account is then offered creation or linking on /connexion.
    path: '/inscription',
    title: 'Créer mon espace',
    body: `<p>Créez votre espace personnel : il vous donnera accès au tableau de bord de vos demandes, à votre espace de stockage sécurisé et aux activités de vos enfants.</p>
<citizen-franceconnect-button api="/api" separator return-to="/connexion"></citizen-franceconnect-button>
<citizen-signup api="/api"><p>Vous avez déjà un espace ? <a href="/connexion">Connectez-vous</a>.</p></citizen-signup>`,
  },
  {
    // The link of the activation mail (demo-server/routes/accounts.ts ACTIVATION_PATH).
    path: '/activation',
    fromMailOnly: true,
    title: 'Activation de mon espace',
    body: `<citizen-activation api="/api"></citizen-activation>`,
  },
  {
    path: '/connexion',
    title: 'Connexion à mon espace',
    body: `<p>Connectez-vous à votre espace citoyen pour suivre vos démarches et les activités de vos enfants.</p>
<citizen-login api="/api"></citizen-login>
<citizen-session-timeout api="/api"></citizen-session-timeout>`,
  },
  {
    // "J'ai oublié mon mot de passe" of the login box leads here (the city's urls.forgotPassword).
    path: '/mot-de-passe-oublie',
    title: 'Mot de passe oublié',
    body: `<citizen-password-reset api="/api" step="request"></citizen-password-reset>`,
  },
  {
    // The link of the reset mail (demo-server/routes/password-reset.ts RESET_PATH).
    path: '/reinitialisation',
    fromMailOnly: true,
    title: 'Réinitialisation du mot de passe',
    body: `<citizen-password-reset api="/api" step="reset"></citizen-password-reset>`,
  },
  {
    // The link mailed to the holders of accounts imported by staff (SETUP_PATH).
    path: '/choix-du-mot-de-passe',
    fromMailOnly: true,
    title: 'Choix de votre mot de passe',
    body: `<citizen-password-reset api="/api" step="setup"></citizen-password-reset>`,
  },
  {
    path: '/cgu',
    title: "Conditions générales d'utilisation",
    body: `<citizen-terms api="/api"></citizen-terms>`,
  },
  {
    // The citizen space: the terms gate around the dashboard (journeys J6, J7). Not logged
    // in, the gate says so and links to /connexion (the city's urls.login).
    path: '/mon-espace',
    title: 'Mon espace',
    body: `<citizen-portal api="/api">
<cgu-gate><family-dashboard></family-dashboard></cgu-gate>
<citizen-session-timeout></citizen-session-timeout>
</citizen-portal>`,
  },
];

const MENU = PAGES.filter((p) => !p.fromMailOnly);

function layout(city: CityConfig, page: { title: string; body: string }): string {
  const nav = MENU.map((p) => `<li><a href="${p.path}">${escape(p.title)}</a></li>`).join('');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(page.title)} — ${escape(city.name)}</title>
<link rel="stylesheet" href="/site.css">
<link rel="icon" href="data:,">
<script type="module" src="/assets/citizen-elements.js"></script>
</head>
<body>
<a class="skip" href="#contenu">Aller au contenu</a>
<header class="site-header"><a class="site-name" href="/">${escape(city.name)}</a>
<nav aria-label="Espace citoyen"><ul><li><a href="/">Accueil</a></li>${nav}</ul></nav></header>
<main id="contenu" tabindex="-1"><h1>${escape(page.title)}</h1>
${page.body}
</main>
<footer class="site-footer"><p>${escape(city.name)} — site de démonstration de citizen-elements.</p></footer>
</body>
</html>`;
}

export function demoSite(city: CityConfig): Router {
  const router = Router();
  const css = fileURLToPath(new URL('./site.css', import.meta.url));
  router.get('/site.css', (_req, res) => res.sendFile(css, { maxAge: '5m' }));
  const send = (html: string): express.RequestHandler => (_req, res) => {
    res.type('html').set('Cache-Control', 'no-cache').send(html);
  };
  const home = `<p>Bienvenue sur l'espace citoyen de la ${escape(city.name)}. Vous pouvez :</p>
<ul class="links">${MENU.map((p) => `<li><a href="${p.path}">${escape(p.title)}</a></li>`).join('')}</ul>`;
  router.get('/', send(layout(city, { title: 'Espace citoyen', body: home })));
  for (const page of PAGES) router.get(page.path, send(layout(city, page)));
  return router;
}
