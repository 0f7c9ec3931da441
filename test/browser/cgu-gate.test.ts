// SPDX-License-Identifier: MIT
import { aTimeout, expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/elements/cgu-gate/cgu-gate.js';
import '../../src/elements/citizen-terms/citizen-terms.js';
import { requireTerms, type CguGate, type TermsAcceptedDetail } from '../../src/elements/cgu-gate/cgu-gate.js';
import type { CitizenTerms } from '../../src/elements/citizen-terms/citizen-terms.js';
import { CitizenError } from '../../src/core/errors.js';
import { RestBackend } from '../../src/core/rest-backend.js';
import { startMockApi, useMockScenario } from '../../src/mocks/browser.js';
import { demoAccount } from '../../src/mocks/data.js';
import { demoTerms, shortTerms } from '../../src/mocks/terms.js';
import type { AcceptTermsRequest, Terms, TermsStatus } from '../../src/schemas/terms.js';
import { FakeBackend, deepActiveElement, deferred, findInAccessibilityTree, getByRole, press, queryAllByRole } from './helpers.js';

const ACCEPT = "J'accepte les conditions générales d'utilisation";
const HINT = "Faites défiler le texte jusqu'à la fin pour pouvoir accepter";
const REGION = "Texte des conditions générales d'utilisation";

/** The fake adapter with the terms part of the contract. */
class FakeTermsBackend extends FakeBackend {
  terms: Terms = demoTerms;
  status: TermsStatus | 'not_authenticated' = { currentVersion: demoTerms.version, mustAccept: true };
  readonly acceptCalls: AcceptTermsRequest[] = [];
  getTermsCalls: (string | undefined)[] = [];
  onAccept = async (request: AcceptTermsRequest): Promise<TermsStatus> => {
    this.status = {
      currentVersion: request.version,
      acceptedVersion: request.version,
      acceptedAt: '2026-11-23T09:00:00Z',
      mustAccept: false,
    };
    return this.status;
  };
  onGetStatus = async (): Promise<TermsStatus> => {
    if (this.status === 'not_authenticated') throw new CitizenError('not_authenticated', { status: 401 });
    return this.status;
  };

  getTermsStatus() {
    return this.onGetStatus();
  }
  async getTerms(version?: string) {
    this.getTermsCalls.push(version);
    return this.terms;
  }
  acceptTerms(request: AcceptTermsRequest) {
    this.acceptCalls.push(request);
    return this.onAccept(request);
  }
}

async function mount(fake: FakeTermsBackend, lang = 'fr'): Promise<CguGate> {
  const el = await fixture<CguGate>(html`
    <cgu-gate .backend=${fake.adapter} lang=${lang}>
      <p>Contenu protégé <button type="button">Mes factures</button></p>
    </cgu-gate>
  `);
  await waitUntil(() => !el.shadowRoot!.querySelector('.loading'), 'the gate settled');
  return el;
}

const shadow = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const acceptButton = (el: Element) => shadow(el, '.accept')!;
const region = (el: Element) => shadow(el, '.region')!;
const isActive = (el: Element) => acceptButton(el).getAttribute('aria-disabled') === null;
const statusText = (el: Element) => shadow(el, '[role="status"]')!.textContent!.trim();
const isContentShown = (el: Element) => el.querySelector('p')!.checkVisibility();

/** A few frames: long enough for an IntersectionObserver that should fire to have fired. */
async function settle() {
  for (let i = 0; i < 4; i++) await nextFrame();
}

async function scrollToEnd(el: Element) {
  const box = region(el);
  box.scrollTop = box.scrollHeight;
  await waitUntil(() => isActive(el), 'the button became active');
}

describe('<cgu-gate>', () => {
  let fake: FakeTermsBackend;
  beforeEach(() => {
    fake = new FakeTermsBackend();
    fake.session = null;
  });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  describe('accessibility', () => {
    it("shows the seed's heading and intro, a labelled focusable region, and a button that says why it waits", async () => {
      const el = await mount(fake);
      expect(await findInAccessibilityTree('heading', "Conditions générales d'utilisation")).to.include({ level: 2 });
      expect(el.shadowRoot!.textContent).to.include(
        'Pour utiliser les services proposés, veuillez prendre connaissance des CGU ci-dessous et les accepter en fin de document.',
      );
      const box = getByRole(el, 'region', REGION);
      expect(box.tabIndex).to.equal(0);
      const button = getByRole(el, 'button', ACCEPT);
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      const hint = shadow(el, `#${button.getAttribute('aria-describedby')}`)!;
      expect(hint.textContent!.trim()).to.equal(HINT);
      expect(hint.checkVisibility(), 'the hint is visible').to.be.true;
      const node = await findInAccessibilityTree('button', ACCEPT);
      expect(node).to.include({ disabled: true, description: HINT });
      expect(statusText(el), 'the live region is there from the start, empty').to.equal('');
      expect(isContentShown(el), 'the content is hidden').to.be.false;
      await expect(el).to.be.accessible();
    });

    it('renders the text as structure: title, sections one level below, lists, never markup', async () => {
      fake.terms = {
        ...shortTerms,
        blocks: [
          { type: 'heading', level: 2, text: 'Objet' },
          { type: 'paragraph', text: '<img src=x onerror="window.__pwned = true"> reste du texte' },
          { type: 'list', ordered: true, items: ['un', 'deux'] },
        ],
      };
      const el = await mount(fake);
      expect(await findInAccessibilityTree('heading', demoTerms.title)).to.include({ level: 3 });
      expect(await findInAccessibilityTree('heading', 'Objet')).to.include({ level: 4 });
      expect(el.shadowRoot!.querySelectorAll('.region ol li')).to.have.length(2);
      expect(el.shadowRoot!.querySelector('.region img')).to.be.null;
      expect(region(el).textContent).to.include('<img src=x');
      expect((window as { __pwned?: boolean }).__pwned).to.be.undefined;
      expect(shadow(el, '.version')!.textContent).to.include('Version 2026-09 du 1 septembre 2026');
    });
  });

  describe('reaching the end of the text', () => {
    it('keeps the button inactive until the region is scrolled (wheel, scrollbar) to the end, then announces it', async () => {
      const el = await mount(fake);
      const box = region(el);
      expect(box.scrollHeight, 'the long text scrolls').to.be.greaterThan(box.clientHeight);
      box.scrollTop = box.scrollHeight / 3;
      await settle();
      expect(isActive(el), 'halfway').to.be.false;
      acceptButton(el).click();
      await settle();
      expect(fake.acceptCalls, 'a press before the end does nothing').to.have.length(0);

      await scrollToEnd(el);
      expect(statusText(el)).to.equal(
        "Fin du texte atteinte : le bouton «\u00a0J'accepte les conditions générales d'utilisation\u00a0» est maintenant actif.",
      );
      expect(shadow(el, '#hint')!.textContent!.trim()).to.equal("Vous avez parcouru le texte jusqu'à la fin : vous pouvez accepter.");
      box.scrollTop = 0;
      await settle();
      expect(isActive(el), 'stays active once the end was seen').to.be.true;
      await expect(el).to.be.accessible();
    });

    it('gets there by keyboard: Tab to the region, then Page Down and End', async () => {
      const el = await mount(fake);
      const box = region(el);
      box.focus();
      expect(deepActiveElement()).to.equal(box);
      await press('PageDown');
      await settle();
      expect(box.scrollTop, 'Page Down scrolls the focused region').to.be.greaterThan(0);
      expect(isActive(el)).to.be.false;
      await press('End');
      await waitUntil(() => isActive(el), 'End reached the end');
      await press('Tab');
      expect(deepActiveElement(), 'Tab leads to the button').to.equal(acceptButton(el));
    });

    it('is active at once when the text needs no scrolling', async () => {
      fake.terms = shortTerms;
      const el = await mount(fake);
      expect(region(el).scrollHeight).to.be.at.most(region(el).clientHeight + 1);
      await waitUntil(() => isActive(el), 'the short text is all in view');
    });

    it('becomes active when a resize shows the end', async () => {
      await setViewport({ width: 800, height: 360 });
      fake.terms = { ...demoTerms, blocks: demoTerms.blocks.slice(0, 5) };
      const el = await mount(fake);
      await settle();
      expect(isActive(el), 'in a small window the text scrolls').to.be.false;
      await setViewport({ width: 1280, height: 2000 });
      await waitUntil(() => isActive(el), 'the taller window shows the end');
    });
  });

  describe('acceptance', () => {
    it('records the version and hash, fires citizen-terms-accepted, reveals the content and moves focus to it', async () => {
      const el = await mount(fake);
      await scrollToEnd(el);
      const event = oneEvent(document, 'citizen-terms-accepted');
      acceptButton(el).click();
      const { detail, bubbles, composed } = (await event) as CustomEvent<TermsAcceptedDetail>;
      expect([bubbles, composed]).to.deep.equal([true, true]);
      expect(detail).to.deep.equal({ version: '2026-09', textHash: demoTerms.textHash, acceptedAt: '2026-11-23T09:00:00Z' });
      expect(fake.acceptCalls).to.deep.equal([{ version: '2026-09', textHash: demoTerms.textHash }]);
      await waitUntil(() => isContentShown(el), 'content shown');
      expect(deepActiveElement()).to.equal(shadow(el, '.content'));
      expect(shadow(el, '.heading'), 'the gate is gone').to.be.null;
      expect(statusText(el)).to.equal("Vous avez accepté les conditions générales d'utilisation.");
      await expect(el).to.be.accessible();
    });

    it('stays accepted when a status check asked before the acceptance answers after it', async () => {
      const el = await mount(fake);
      await scrollToEnd(el);
      // The content asks the gate again (a call refused with terms_not_accepted) and the answer lingers.
      const stale = deferred<TermsStatus>();
      fake.onGetStatus = () => stale.promise;
      el.dispatchEvent(new CustomEvent('citizen-terms-required', { bubbles: true, composed: true }));
      acceptButton(el).click();
      await waitUntil(() => isContentShown(el), 'content shown');
      stale.resolve({ currentVersion: '2026-09', mustAccept: true });
      await settle();
      expect(isContentShown(el), 'the old answer changes nothing').to.be.true;
      expect(shadow(el, '.heading')).to.be.null;
    });

    it('shows the content at once when the current version is already accepted', async () => {
      fake.status = { currentVersion: '2026-09', acceptedVersion: '2026-09', acceptedAt: '2026-09-02T08:30:00Z', mustAccept: false };
      const el = await mount(fake);
      expect(isContentShown(el)).to.be.true;
      expect(shadow(el, '.heading')).to.be.null;
      expect(fake.getTermsCalls, 'no need for the text').to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('asks again for a new version, saying why', async () => {
      fake.status = { currentVersion: '2026-09', acceptedVersion: '2025-03', acceptedAt: '2025-04-02T08:30:00Z', mustAccept: true };
      const el = await mount(fake);
      expect(fake.getTermsCalls).to.deep.equal(['2026-09']);
      expect(shadow(el, '.notice')!.textContent).to.include('ont changé depuis votre acceptation du 02/04/2025');
      expect(isActive(el)).to.be.false;
      expect(isContentShown(el)).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('says when saving failed, and lets the citizen try again', async () => {
      const el = await mount(fake);
      await scrollToEnd(el);
      fake.onAccept = async () => {
        throw new CitizenError('server_error', { status: 500 });
      };
      acceptButton(el).click();
      await waitUntil(() => shadow(el, '[role="alert"]'), 'an alert');
      expect(shadow(el, '[role="alert"]')!.textContent).to.include('Une erreur est survenue de notre côté');
      expect(deepActiveElement()).to.equal(shadow(el, '.feedback'));
      expect(isActive(el)).to.be.true;
      expect(isContentShown(el)).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('shows the newer text when the city published one meanwhile (409), and waits for its end again', async () => {
      fake.terms = shortTerms;
      const el = await mount(fake);
      await waitUntil(() => isActive(el));
      const newer: Terms = { ...demoTerms, version: '2027-01', textHash: 'c'.repeat(64) };
      fake.onAccept = async () => {
        fake.terms = newer;
        fake.status = { currentVersion: '2027-01', mustAccept: true };
        throw new CitizenError('conflict', { status: 409 });
      };
      acceptButton(el).click();
      await waitUntil(() => shadow(el, '.notice[role="alert"]'), 'the notice');
      expect(shadow(el, '.notice')!.textContent).to.include('modifiées entre-temps');
      expect(shadow(el, '.version')!.textContent).to.include('2027-01');
      expect(isActive(el), 'the new text must be read').to.be.false;
    });
  });

  describe('session', () => {
    it('shows none of the content to a visitor who is not logged in, with a link to the login page', async () => {
      fake.status = 'not_authenticated';
      const el = await mount(fake);
      expect(shadow(el, '.message')!.textContent).to.equal('Connectez-vous à votre espace pour accéder à ce contenu.');
      expect(getByRole(el, 'link', 'Se connecter').getAttribute('href')).to.equal('/connexion');
      expect(isContentShown(el)).to.be.false;
      await expect(el).to.be.accessible();

      // A login elsewhere on the page: the gate checks again.
      fake.status = { currentVersion: '2026-09', mustAccept: true };
      document.dispatchEvent(new CustomEvent('citizen-logged-in', { detail: {}, bubbles: true, composed: true }));
      await waitUntil(() => shadow(el, '.heading'), 'the terms after login');

      document.dispatchEvent(new CustomEvent('citizen-logged-out', { detail: {}, bubbles: true, composed: true }));
      await waitUntil(() => shadow(el, '.message'), 'back to the notice after logout');
    });

    it('sends a citizen who must replace a generated password to the login page, and opens after the change', async () => {
      fake.onGetStatus = async () => {
        throw new CitizenError('password_change_required', { status: 403 });
      };
      const el = await mount(fake);
      expect(shadow(el, '.message')!.textContent).to.equal('Vous devez définir un nouveau mot de passe.');
      expect(getByRole(el, 'link', 'Se connecter').getAttribute('href')).to.equal('/connexion');
      expect(isContentShown(el)).to.be.false;
      await expect(el).to.be.accessible();

      fake.onGetStatus = async () => ({ currentVersion: '2026-09', mustAccept: true });
      document.dispatchEvent(new CustomEvent('citizen-password-changed', { detail: {}, bubbles: true, composed: true }));
      await waitUntil(() => shadow(el, '.heading'), 'the terms once the password is changed');
    });

    it('keeps the revealed content on screen while it checks again', async () => {
      fake.status = { currentVersion: '2026-09', acceptedVersion: '2026-09', mustAccept: false };
      const el = await mount(fake);
      expect(isContentShown(el)).to.be.true;
      fake.onGetStatus = () => new Promise<TermsStatus>(() => undefined);
      requireTerms(el.querySelector('button')!);
      await settle();
      expect(isContentShown(el), 'no flash of "Chargement…" over content already accepted').to.be.true;
    });

    it('moves focus to the notice when a logout inside the content hides it', async () => {
      fake.status = { currentVersion: '2026-09', acceptedVersion: '2026-09', mustAccept: false };
      const el = await mount(fake);
      el.querySelector('button')!.focus();
      document.dispatchEvent(new CustomEvent('citizen-logged-out', { detail: {}, bubbles: true, composed: true }));
      await waitUntil(() => shadow(el, '.message'), 'the notice');
      await settle();
      expect(deepActiveElement(), 'focus not lost to <body>').to.equal(shadow(el, '.message'));
    });

    it('shows the terms again when an element inside gets terms_not_accepted', async () => {
      fake.status = { currentVersion: '2026-09', acceptedVersion: '2026-09', mustAccept: false };
      const el = await mount(fake);
      expect(isContentShown(el)).to.be.true;
      fake.status = { currentVersion: '2027-01', acceptedVersion: '2026-09', mustAccept: true };
      const outer = oneEvent(document, 'citizen-terms-required');
      let reachedDocument = false;
      void outer.then(() => (reachedDocument = true));
      requireTerms(el.querySelector('button')!);
      await waitUntil(() => shadow(el, '.heading'), 'the gate is back');
      expect(isContentShown(el)).to.be.false;
      expect(deepActiveElement(), 'focus on the heading, not lost with the content').to.equal(shadow(el, '.heading'));
      expect(reachedDocument, 'the nearest gate handles the event').to.be.false;
    });

    it('reports a failed load and retries', async () => {
      fake.onGetStatus = async () => {
        throw new CitizenError('network_error');
      };
      const el = await mount(fake);
      expect(shadow(el, '[role="alert"]')!.textContent).to.include("n'ont pas pu être chargées");
      await expect(el).to.be.accessible();
      fake.onGetStatus = async () => ({ currentVersion: '2026-09', mustAccept: true });
      getByRole(el, 'button', 'Réessayer').click();
      await waitUntil(() => shadow(el, '.heading'), 'loaded on retry');
    });
  });

  it('speaks English', async () => {
    const el = await mount(fake, 'en');
    expect(getByRole(el, 'heading', 'Terms of use')).to.exist;
    expect(getByRole(el, 'button', 'I accept the terms of use')).to.exist;
    expect(getByRole(el, 'region', 'Text of the terms of use')).to.exist;
    expect(shadow(el, '#hint')!.textContent!.trim()).to.equal('Scroll to the end of the text to be able to accept');
    expect(shadow(el, '.version')!.textContent).to.include('1 September 2026');
    await expect(el).to.be.accessible();
  });

  it('goes through RestBackend and the mock API: profile refused, then accepted and served', async () => {
    await startMockApi();
    useMockScenario({ scenario: 'loggedIn', terms: { text: 'short' } });
    const backend = new RestBackend('/api');
    const refused = await backend.getProfile().catch((error: unknown) => error);
    expect((refused as CitizenError).code).to.equal('terms_not_accepted');
    const el = await fixture<CguGate>(html`<cgu-gate .backend=${backend}><p>Mon espace</p></cgu-gate>`);
    await waitUntil(() => shadow(el, '.accept') && isActive(el), 'the short text is all in view');
    acceptButton(el).click();
    await waitUntil(() => isContentShown(el), 'content shown');
    expect((await backend.getProfile()).username).to.equal(demoAccount.username);
    expect((await backend.getTermsStatus()).acceptedVersion).to.equal('2026-09');
    useMockScenario();
  });
});

describe('<citizen-terms>', () => {
  it('shows the terms read-only, with their version and a print button', async () => {
    const fake = new FakeTermsBackend();
    const el = await fixture<CitizenTerms>(html`<citizen-terms .backend=${fake.adapter}></citizen-terms>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.heading'));
    expect(getByRole(el, 'heading', demoTerms.title).localName).to.equal('h2');
    expect(getByRole(el, 'heading', 'Préambule').localName).to.equal('h3');
    expect(getByRole(el, 'button', 'Imprimer ou enregistrer en PDF')).to.exist;
    expect(el.shadowRoot!.textContent).to.include('Version 2026-09 du 1 septembre 2026');
    expect(queryAllByRole(el, 'button', ACCEPT)).to.have.length(0);
    await expect(el).to.be.accessible();

    el.version = '2025-03';
    await aTimeout(0);
    expect(fake.getTermsCalls).to.deep.equal([undefined, '2025-03']);
  });
});
