// SPDX-License-Identifier: MIT
/**
 * The mocks' data: the demo site's city ("Ville de Démo", as demo-server/cities/) and its
 * ready family's account. Log in with `marie.dupont` (or `marie.dupont@example.fr`) and
 * `Famille-Demo-2026`.
 */
import type { CityConfig, Session } from '../schemas/index.js';

export const demoConfig: CityConfig = {
  id: 'ville-de-demo',
  name: 'Ville de Démo',
  colors: { primary: '#1d4f91', accent: '#1a7f37' },
  passwordPolicy: { minLength: 12, minLowercase: 0, minUppercase: 0, minDigits: 0, minSpecial: 0, forbidPersonalInfo: true },
  caseInsensitiveLogin: true,
  loginThrottling: true,
  activationModes: ['email'],
  activationLinkHours: 72,
  resetLinkMinutes: 30,
  importedPasswords: 'choose',
  setupLinkHours: 168,
  serviceKeys: [{ id: 'enfance', label: 'Clé Enfance' }],
  profileChangesByRequest: ['address', 'phones', 'email'],
  captcha: 'altcha',
  termsVersion: '2026-09',
  franceConnect: false,
  texts: {},
  urls: { forgotPassword: '/mot-de-passe-oublie', signup: '/inscription', login: '/connexion', terms: '/cgu' },
};

export const demoAccount = {
  id: 'acc-marie-dupont',
  username: 'marie.dupont',
  email: 'marie.dupont@example.fr',
  password: 'Famille-Demo-2026',
  civility: 'MME',
  firstNames: 'Marie',
  lastName: 'Dupont',
  /** Shown as "Dernière connexion le 14/03/2026 à 17:42" after the first mocked login. */
  lastLoginAt: '2026-03-14T16:42:00Z',
} as const;

/** A session of the demo account, started `now`. */
export function demoSession(previousLoginAt: string | undefined, now = new Date()): Session {
  const inMinutes = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
  return {
    account: {
      id: demoAccount.id,
      username: demoAccount.username,
      civility: demoAccount.civility,
      firstNames: demoAccount.firstNames,
      lastName: demoAccount.lastName,
    },
    ...(previousLoginAt ? { previousLoginAt } : {}),
    idleExpiresAt: inMinutes(20),
    expiresAt: inMinutes(8 * 60),
    mustChangePassword: false,
    mustAcceptTerms: false,
  };
}
