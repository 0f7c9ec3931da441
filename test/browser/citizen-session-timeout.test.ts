// SPDX-License-Identifier: MIT
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/elements/citizen-session-timeout/citizen-session-timeout.js';
import '../../src/elements/citizen-login/citizen-login.js';
import type { CitizenSessionTimeout, SessionClock } from '../../src/elements/citizen-session-timeout/citizen-session-timeout.js';
import type { CitizenLogin } from '../../src/elements/citizen-login/citizen-login.js';
import { CitizenError } from '../../src/core/errors.js';
import type { Session } from '../../src/schemas/session.js';
import { FakeBackend, deepActiveElement, fakeSession, getByRole, press, typeInto } from './helpers.js';

const MINUTE = 60_000;
const START = Date.parse('2026-11-23T09:00:00Z');

/** A clock the test moves by hand; due timers run in order, within a bounded number of steps. */
class FakeClock implements SessionClock {
  #now = START;
  #timers: { at: number; callback: () => void; id: number }[] = [];
  #next = 0;
  now() {
    return this.#now;
  }
  setTimeout(callback: () => void, ms: number) {
    const id = ++this.#next;
    this.#timers.push({ at: this.#now + ms, callback, id });
    return id;
  }
  clearTimeout(handle: unknown) {
    this.#timers = this.#timers.filter((timer) => timer.id !== handle);
  }
  get pending() {
    return this.#timers.length;
  }
  /** Moves time forward, running the timers that fall due (at most 50, so a loop cannot hang). */
  async advance(ms: number) {
    const end = this.#now + ms;
    for (let step = 0; step < 50; step++) {
      const due = this.#timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((timer) => timer !== due);
      this.#now = Math.max(this.#now, due.at);
      due.callback();
      // Let the element's awaited checks and renders settle before the next timer.
      await aTimeout(0);
      await aTimeout(0);
    }
    this.#now = end;
  }
}

/** The session part of the adapter, on the fake clock. */
class TimeoutFake extends FakeBackend {
  readonly passiveChecks: boolean[] = [];
  extendCalls = 0;
  listeners = new Set<(iso: string) => void>();
  constructor(readonly clock: FakeClock) {
    super();
    this.session = this.sessionUntil(10 * MINUTE);
  }
  sessionUntil(msFromNow: number): Session {
    return { ...fakeSession(), idleExpiresAt: new Date(this.clock.now() + msFromNow).toISOString() };
  }
  override getSession(options: { passive?: boolean } = {}) {
    this.passiveChecks.push(options.passive === true);
    return super.getSession();
  }
  onExtend = async (): Promise<Session> => (this.session = this.sessionUntil(30 * MINUTE));
  extendSession() {
    this.extendCalls++;
    return this.onExtend();
  }
  subscribeIdleExpiry(listener: (iso: string) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<citizen-session-timeout>', () => {
  let clock: FakeClock;
  let fake: TimeoutFake;
  beforeEach(() => {
    clock = new FakeClock();
    fake = new TimeoutFake(clock);
  });

  async function mount(lang = 'fr') {
    const page = await fixture<HTMLDivElement>(html`<div lang=${lang}>
      <label for="child-name">Prénom de l'enfant</label>
      <input id="child-name" />
      <citizen-session-timeout .clock=${clock} .backend=${fake.adapter}></citizen-session-timeout>
    </div>`);
    const el = page.querySelector<CitizenSessionTimeout>('citizen-session-timeout')!;
    await waitUntil(() => fake.passiveChecks.length === 1 && clock.pending === 1, 'the first check and the warning timer');
    return { page, el, dialog: el.shadowRoot!.querySelector('dialog')!, input: page.querySelector('input')! };
  }

  it('stays silent until two minutes before the idle expiry, then warns in a focused alertdialog', async () => {
    const { el, dialog } = await mount();
    expect(fake.passiveChecks, 'the first check is passive (not activity)').to.deep.equal([true]);
    expect(dialog.open).to.be.false;
    await expect(el).to.be.accessible();

    await clock.advance(8 * MINUTE - 1000);
    expect(dialog.open).to.be.false;
    await clock.advance(1000);
    await waitUntil(() => dialog.open, 'the warning');
    expect(fake.passiveChecks, 'checked again just before warning').to.deep.equal([true, true]);
    expect(dialog.getAttribute('role')).to.equal('alertdialog');
    expect(deepActiveElement(), 'focus on the warning').to.equal(dialog);
    expect(text(el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!))).to.equal('Votre session va bientôt expirer');
    expect(text(el.shadowRoot!.getElementById(dialog.getAttribute('aria-describedby')!))).to.equal(
      'Sans action de votre part, vous serez déconnecté à 10:10, dans environ 2 minute(s). Ce que vous avez saisi reste sur la page.',
    );
    await expect(el).to.be.accessible();
  });

  it('extends in one click, keeps what was typed, and gives focus back', async () => {
    const { el, dialog, input } = await mount();
    await typeInto(input, 'Léa');
    await clock.advance(8 * MINUTE);
    await waitUntil(() => dialog.open);
    const extended = oneEvent(el, 'citizen-session-extended');
    getByRole(el, 'button', 'Prolonger ma session').click();
    expect((await extended).detail.session.idleExpiresAt).to.equal(new Date(clock.now() + 30 * MINUTE).toISOString());
    await waitUntil(() => !dialog.open);
    expect(fake.extendCalls).to.equal(1);
    expect(input.value, 'the form keeps what was typed').to.equal('Léa');
    expect(document.activeElement, 'focus back where it was').to.equal(input);
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal('Votre session a été prolongée.');
    await expect(el).to.be.accessible();

    // The next warning comes two minutes before the new expiry.
    await clock.advance(28 * MINUTE - 1000);
    expect(dialog.open).to.be.false;
    await clock.advance(1000);
    await waitUntil(() => dialog.open);
  });

  it('extends with Escape too', async () => {
    const { dialog } = await mount();
    await clock.advance(8 * MINUTE);
    await waitUntil(() => dialog.open);
    await press('Escape');
    await waitUntil(() => !dialog.open);
    expect(fake.extendCalls).to.equal(1);
  });

  it('says the session ended when the time runs out, and fires citizen-session-expired', async () => {
    const { el, dialog } = await mount();
    await clock.advance(8 * MINUTE);
    await waitUntil(() => dialog.open);
    fake.session = null;
    const expired = oneEvent(el, 'citizen-session-expired');
    await clock.advance(2 * MINUTE);
    await expired;
    await waitUntil(() => text(el.shadowRoot!.querySelector('.heading')) === 'Votre session a expiré');
    expect(dialog.open).to.be.true;
    expect(deepActiveElement()).to.equal(dialog);
    expect(getByRole(el, 'link', 'Me reconnecter').getAttribute('href')).to.equal('/connexion');
    await expect(el).to.be.accessible();
    getByRole(el, 'button', 'Fermer').click();
    await waitUntil(() => !dialog.open);
    expect(clock.pending, 'nothing more to warn about').to.equal(0);
  });

  it('says so at once when the extension finds the session already ended', async () => {
    fake.onExtend = async () => {
      throw new CitizenError('session_expired', { status: 401 });
    };
    const { el, dialog } = await mount();
    await clock.advance(8 * MINUTE);
    await waitUntil(() => dialog.open);
    getByRole(el, 'button', 'Prolonger ma session').click();
    await waitUntil(() => text(el.shadowRoot!.querySelector('.heading')) === 'Votre session a expiré');
  });

  it('does not warn when activity elsewhere on the page pushed the expiry back', async () => {
    const { dialog } = await mount();
    await clock.advance(5 * MINUTE);
    // Another element's request answered with a new idle expiry (X-Citizen-Idle-Expires).
    for (const listener of fake.listeners) listener(new Date(clock.now() + 30 * MINUTE).toISOString());
    await aTimeout(0);
    await clock.advance(5 * MINUTE);
    expect(dialog.open).to.be.false;
    expect(fake.passiveChecks).to.have.length(1);
  });

  it('does not warn when the check before warning finds the session kept alive (another tab)', async () => {
    const { dialog } = await mount();
    fake.session = fake.sessionUntil(30 * MINUTE);
    await clock.advance(8 * MINUTE);
    await aTimeout(10);
    expect(dialog.open).to.be.false;
    expect(fake.passiveChecks).to.have.length(2);
  });

  it('follows citizen-logged-in and citizen-logged-out events', async () => {
    fake.session = null;
    const page = await fixture<HTMLDivElement>(html`<div>
      <citizen-session-timeout .clock=${clock} .backend=${fake.adapter}></citizen-session-timeout>
    </div>`);
    await waitUntil(() => fake.passiveChecks.length === 1);
    await aTimeout(0);
    expect(clock.pending, 'no session, no timer').to.equal(0);
    const session = fake.sessionUntil(30 * MINUTE);
    page.dispatchEvent(new CustomEvent('citizen-logged-in', { detail: { session }, bubbles: true, composed: true }));
    await waitUntil(() => clock.pending === 1);
    page.dispatchEvent(new CustomEvent('citizen-logged-out', { detail: { session }, bubbles: true, composed: true }));
    await waitUntil(() => clock.pending === 0);
  });

  it('speaks English', async () => {
    const { el, dialog } = await mount('en');
    await clock.advance(8 * MINUTE);
    await waitUntil(() => dialog.open);
    expect(text(el.shadowRoot!.querySelector('.heading'))).to.equal('Your session will expire soon');
    expect(getByRole(el, 'button', 'Extend my session')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('sends <citizen-login> back to its form when the session expired', async () => {
    fake.session = fakeSession();
    const login = await fixture<CitizenLogin>(html`<citizen-login .backend=${fake.adapter}></citizen-login>`);
    await waitUntil(() => login.shadowRoot!.querySelector('.greeting'));
    document.dispatchEvent(new CustomEvent('citizen-session-expired', { detail: {}, bubbles: true, composed: true }));
    await waitUntil(() => login.querySelector('form'));
    expect(text(login.shadowRoot!.querySelector('[role="status"]'))).to.equal('Votre session a expiré : reconnectez-vous.');
  });
});
