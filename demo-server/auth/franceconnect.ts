// SPDX-License-Identifier: MIT
/**
 * The demo server as a FranceConnect client (openid-client, a certified relying-party
 * library): authorization code flow with PKCE (S256), `state` and `nonce`, all checked by
 * the library on the way back; the identity from the userinfo endpoint; RP-initiated logout.
 *
 * What a login in progress needs (PKCE verifier, state, nonce, where to return) and the
 * certified identity waiting for the citizen's choice (link or create) are kept in memory,
 * keyed by a random handle in an httpOnly cookie, for 10 and 15 minutes: a restart only
 * makes a citizen start the FranceConnect login again, and nothing of it reaches the data
 * file. (Several server processes would need a shared store; the demo runs one per file.)
 */
import { randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import type { FranceConnectSettings } from '../config.js';
import type { FranceConnectIdentity } from '../../src/schemas/franceconnect.js';

/** A small map whose entries expire, bounded so that nobody can fill the memory. */
export class ExpiringMap<V> {
  readonly #entries = new Map<string, { value: V; expiresAt: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  /** Stores `value` under a new random handle, returned. */
  add(value: V, now = Date.now()): string {
    this.#sweep(now);
    if (this.#entries.size >= this.max) this.#entries.delete(this.#entries.keys().next().value!);
    const handle = randomBytes(32).toString('base64url');
    this.#entries.set(handle, { value, expiresAt: now + this.ttlMs });
    return handle;
  }

  get(handle: string | undefined, now = Date.now()): V | undefined {
    if (!handle) return undefined;
    const entry = this.#entries.get(handle);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.#entries.delete(handle);
      return undefined;
    }
    return entry.value;
  }

  /** Gets and removes: single use. */
  take(handle: string | undefined, now = Date.now()): V | undefined {
    const value = this.get(handle, now);
    if (handle) this.#entries.delete(handle);
    return value;
  }

  delete(handle: string | undefined) {
    if (handle) this.#entries.delete(handle);
  }

  #sweep(now: number) {
    for (const [handle, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(handle);
  }
}

/** A login on its way to FranceConnect and back. */
export interface PendingLogin {
  codeVerifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

/** A certified identity not linked to any account yet, waiting for the citizen's choice. */
export interface PendingIdentity {
  sub: string;
  identity: FranceConnectIdentity;
  idToken: string;
  returnTo: string;
}

export interface FranceConnectClientOptions {
  settings: FranceConnectSettings;
  /** The issuer and client of the local stand-in, used when `settings.issuer` is unset. */
  local: () => { issuer: URL; clientId: string; clientSecret: string };
  redirectUri: () => string;
  postLogoutRedirectUri: () => string;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

export class FranceConnectClient {
  readonly pendingLogins = new ExpiringMap<PendingLogin>(10 * 60_000);
  readonly pendingIdentities = new ExpiringMap<PendingIdentity>(15 * 60_000);
  #configuration?: Promise<oidc.Configuration>;

  constructor(private readonly options: FranceConnectClientOptions) {}

  /** Whether the local stand-in provider plays FranceConnect. */
  get isLocal(): boolean {
    return this.options.settings.issuer === undefined;
  }

  /** The issuer's metadata and our client, discovered once (again after a failure). */
  configuration(): Promise<oidc.Configuration> {
    this.#configuration ??= this.#discover().catch((error: unknown) => {
      this.#configuration = undefined;
      throw error;
    });
    return this.#configuration;
  }

  async #discover(): Promise<oidc.Configuration> {
    const { settings } = this.options;
    const { issuer, clientId, clientSecret } = settings.issuer
      ? { issuer: settings.issuer, clientId: settings.clientId!, clientSecret: settings.clientSecret! }
      : this.options.local();
    const metadata: Partial<oidc.ClientMetadata> = { id_token_signed_response_alg: settings.signingAlg };
    // The real FranceConnect signs its userinfo answers too; the stand-in answers plain JSON.
    if (!this.isLocal) metadata.userinfo_signed_response_alg = settings.signingAlg;
    // openid-client refuses plain http; only the stand-in on a loopback demo server uses it.
    const insecure = issuer.protocol === 'http:';
    return oidc.discovery(issuer, clientId, metadata, oidc.ClientSecretPost(clientSecret), insecure ? { execute: [oidc.allowInsecureRequests] } : {});
  }

  /** The authorization URL to send the browser to, and the handle of what the return needs. */
  async start(returnTo: string): Promise<{ url: URL; handle: string }> {
    const configuration = await this.configuration();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.options.redirectUri(),
      scope: this.options.settings.scopes,
      acr_values: this.options.settings.acrValues,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, handle: this.pendingLogins.add({ codeVerifier, state, nonce, returnTo }) };
  }

  /**
   * Completes the flow from the callback URL: code exchange (PKCE), ID token checks (issuer,
   * audience, signature, nonce), state check, then the userinfo. Throws on any mismatch.
   */
  async finish(callbackUrl: URL, pending: PendingLogin): Promise<{ sub: string; identity: FranceConnectIdentity; idToken: string }> {
    const configuration = await this.configuration();
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw new Error('No ID token');
    const info = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    const gender = info['gender'];
    const identity: FranceConnectIdentity = {
      givenName: text(info.given_name) ?? '',
      familyName: text(info.family_name) ?? '',
      ...(text(info.birthdate) ? { birthdate: text(info.birthdate)! } : {}),
      ...(gender === 'male' || gender === 'female' ? { gender } : {}),
      ...(text(info['birthplace']) ? { birthplace: text(info['birthplace'])! } : {}),
      ...(text(info['birthcountry']) ? { birthcountry: text(info['birthcountry'])! } : {}),
      ...(text(info.email) ? { email: text(info.email)! } : {}),
    };
    if (!identity.givenName || !identity.familyName) throw new Error('FranceConnect gave no name');
    return { sub: claims.sub, identity, idToken: tokens.id_token };
  }

  /** FranceConnect's end-session URL for a session opened with `idToken`. */
  async endSessionUrl(idToken: string): Promise<string> {
    const configuration = await this.configuration();
    return oidc
      .buildEndSessionUrl(configuration, {
        id_token_hint: idToken,
        post_logout_redirect_uri: this.options.postLogoutRedirectUri(),
        state: oidc.randomState(),
      })
      .toString();
  }
}
