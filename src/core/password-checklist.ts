// SPDX-License-Identifier: MIT
/**
 * The live checklist of the city's password rules, for every form that sets a password
 * (sign-up, forced change, change from the citizen space, reset): each rule of
 * `passwordRules(policy)` ticked as the citizen types, and a polite announcement of what is
 * still missing once they pause, so that a screen reader is not interrupted at every key.
 *
 * ```ts
 * readonly #rules = new PasswordRulesAnnouncer(this);
 * // in render:
 * const rules = passwordRuleViews(policy, password, this.t.bind(this), { username, names });
 * this.#rules.update(rules, this.t.bind(this));
 * passwordChecklist(`${id}-rules`, rules, this.t.bind(this), this.#rules.text)
 * ```
 *
 * The input points at the list with `aria-describedby="${id}-rules"`. Styles:
 * `passwordChecklistStyles`, for light-DOM forms (adopt it with `adoptLightStyles`) or a
 * shadow root (its selectors start with `.citizen-form`, the light forms' container).
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { MessageKey, Translate } from '../i18n/translate.js';
import { containsPersonalInfo, describePasswordPolicy, passwordRules, type PasswordPolicy, type PersonalInfo } from '../schemas/password-policy.js';

export interface PasswordRuleView {
  /** A rule id of `passwordRules()`, or `personal` (no name, username or city name). */
  id: string;
  text: string;
  met: boolean;
}

/** The policy's rules for `password`, each with its text and whether it is met. */
export function passwordRuleViews(policy: PasswordPolicy, password: string, t: Translate, info?: PersonalInfo): PasswordRuleView[] {
  const views: PasswordRuleView[] = passwordRules(policy).map((rule) => ({
    id: rule.id,
    text: t(`passwordChecklist.rule.${rule.id}` as MessageKey, { count: rule.count }),
    met: rule.test(password),
  }));
  if (policy.forbidPersonalInfo && info) {
    views.push({
      id: 'personal',
      text: t('passwordChecklist.rule.personal'),
      met: password !== '' && !containsPersonalInfo(password, info),
    });
  }
  return views;
}

/** What the live region says: the rules still missing, or that all are met. */
export function checklistAnnouncement(rules: readonly PasswordRuleView[], t: Translate): string {
  const missing = rules.filter((rule) => !rule.met).map((rule) => rule.text.toLocaleLowerCase());
  return missing.length === 0 ? t('passwordChecklist.allMet') : t('passwordChecklist.remaining', { rules: missing.join(', ') });
}

/**
 * Keeps the announcement of the rules in step with the typing, a pause behind: it changes
 * `delayMs` after the last change of the rules' states, then the host renders it.
 */
export class PasswordRulesAnnouncer implements ReactiveController {
  #text = '';
  #pending = '';
  #timer?: ReturnType<typeof setTimeout>;
  #lastKey = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly delayMs = 1000,
  ) {
    host.addController(this);
  }

  /** The text for the live region. */
  get text(): string {
    return this.#text;
  }

  /** Call from render with the current rules; an untouched password (`isDirty` false) says nothing. */
  update(rules: readonly PasswordRuleView[], t: Translate, isDirty = true) {
    const key = isDirty ? rules.map((rule) => `${rule.id}:${rule.met}`).join() : '';
    if (key === this.#lastKey) return;
    this.#lastKey = key;
    this.#pending = isDirty ? checklistAnnouncement(rules, t) : '';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#text = this.#pending;
      this.host.requestUpdate();
    }, this.delayMs);
  }

  /** Says nothing more (e.g. after a successful submit). */
  reset() {
    clearTimeout(this.#timer);
    this.#text = this.#pending = this.#lastKey = '';
  }

  hostDisconnected() {
    clearTimeout(this.#timer);
  }
}

/**
 * The checklist: a titled list (`id`, `${id}-title`) whose items say "respectée" / "pas
 * encore respectée" to screen readers, and the polite live region with `announcement`.
 */
export function passwordChecklist(id: string, rules: readonly PasswordRuleView[], t: Translate, announcement: string): TemplateResult {
  return html`
    <div class="citizen-checklist-box">
      <p class="citizen-checklist__title" id="${id}-title">${t('passwordChecklist.title')}</p>
      <ul class="citizen-checklist" id=${id} aria-labelledby="${id}-title">
        ${rules.map(
          (rule) => html`
            <li class="citizen-checklist__item ${rule.met ? 'citizen-checklist__item--met' : ''}" data-rule=${rule.id}>
              <span class="citizen-checklist__icon" aria-hidden="true">${rule.met ? '✓' : '○'}</span>
              <span
                >${rule.text}<span class="citizen-visually-hidden"
                  >&nbsp;: ${t(rule.met ? 'passwordChecklist.met' : 'passwordChecklist.unmet')}</span
                ></span
              >
            </li>
          `,
        )}
      </ul>
      <p class="citizen-visually-hidden" aria-live="polite">${announcement}</p>
    </div>
  `;
}

/** What a new-password field shows of the city's policy. */
export interface PasswordPolicyView {
  /** For the input's `aria-describedby`, before its error. */
  describedIds: string[];
  /** The policy's sentence, the field's hint. */
  hint: TemplateResult | typeof nothing;
  /** To render after the field. */
  checklist: TemplateResult | typeof nothing;
}

/**
 * The city's policy beside a new password (`${idPrefix}-policy`, the sentence, and
 * `${idPrefix}-rules`, the checklist), with the announcement kept in step with `password`.
 * Without a policy, nothing to show.
 */
export function passwordPolicyView(
  idPrefix: string,
  policy: PasswordPolicy | undefined,
  password: string,
  t: Translate,
  info: PersonalInfo,
  announcer: PasswordRulesAnnouncer,
): PasswordPolicyView {
  const rules = policy ? passwordRuleViews(policy, password, t, info) : [];
  announcer.update(rules, t, password !== '');
  if (!policy) return { describedIds: [], hint: nothing, checklist: nothing };
  const rulesId = `${idPrefix}-rules`;
  const policyId = `${idPrefix}-policy`;
  return {
    describedIds: [policyId, rulesId],
    hint: html`<p class="citizen-hint" id=${policyId}>${describePasswordPolicy(policy, (key, params) => t(key, params))}</p>`,
    checklist: passwordChecklist(rulesId, rules, t, announcer.text),
  };
}

/** Light-DOM styles of the checklist (met rules in the success colour, with a tick). */
export const passwordChecklistStyles = css`
  .citizen-form .citizen-checklist-box {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_border);
    background: color-mix(in srgb, var(--_border) 8%, var(--_surface));
  }
  .citizen-form .citizen-checklist__title {
    margin: 0 0 0.25rem;
    font-weight: 600;
  }
  .citizen-form .citizen-checklist {
    display: grid;
    gap: 0.125rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .citizen-form .citizen-checklist__item {
    display: flex;
    gap: 0.5rem;
    color: var(--_text);
  }
  .citizen-form .citizen-checklist__item--met {
    color: var(--_success);
  }
  .citizen-form .citizen-checklist__icon {
    flex: none;
    width: 1.25em;
    font-weight: 700;
    text-align: center;
  }
`;
