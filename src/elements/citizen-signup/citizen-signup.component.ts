// SPDX-License-Identifier: MIT
import { nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { CitizenElement } from '../../core/citizen-element.js';
import { signupTexts } from '../../i18n/parts/signup.js';
import { passwordChecklistTexts } from '../../i18n/parts/password-checklist.js';
import { CitizenError } from '../../core/errors.js';
import { errorSummary, focusControl, headingTag } from '../../core/form.js';
import { passwordChecklistStyles, passwordRuleViews, PasswordRulesAnnouncer } from '../../core/password-checklist.js';
import { type MessageKey, type Params } from '../../i18n/translate.js';
import { PHOTO_MAX_BYTES, type PhotoType, type SignupResult } from '../../schemas/account.js';
import { describePasswordPolicy, PASSWORD_POLICY_PRESETS, type PasswordPolicy } from '../../schemas/password-policy.js';
import { adoptLightStyles } from '../../styles/light-form.js';
import { tokens } from '../../styles/tokens.js';
import { frame } from '../../styles/frame.js';
import { CaptchaController } from './captcha-controller.js';
import { renderCaptcha } from './captcha.js';
import { styles } from './citizen-signup.styles.js';
import { wizardStyles } from './signup-form.styles.js';
import {
  ADDRESS_FIELDS,
  buildRequest,
  CAPTCHA_FIELD,
  checkPhotoFile,
  clearProgress,
  CONTACT_FIELDS,
  emptyValues,
  fieldOf,
  firstStepWithErrors,
  IDENTITY_FIELDS,
  loadProgress,
  PHOTO_FIELD,
  photoUploadOf,
  saveProgress,
  STEPS,
  stepOf,
  validateAll,
  validateStep,
  type Errors,
  type StepId,
  type ValidationContext,
  type Values,
} from './signup-model.js';
import { renderAddress } from './steps/address.js';
import { renderContact } from './steps/contact.js';
import { renderCredentials } from './steps/credentials.js';
import { controlId, type StepContext } from './steps/fields.js';
import { photoChangeId, renderIdentity } from './steps/identity.js';
import { renderReview } from './steps/review.js';

/** `detail` of `citizen-signed-up`. */
export interface SignedUpEventDetail {
  /** The new account's username. */
  username: string;
  /** What activates the account: the e-mail link, or the city's staff. */
  activation: SignupResult['activation'];
}

declare module '../../core/citizen-element.js' {
  interface CitizenEventMap {
    'citizen-signed-up': SignedUpEventDetail;
    'citizen-signup-cancelled': Record<string, never>;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'citizen-signed-up': CustomEvent<SignedUpEventDetail>;
    'citizen-signup-cancelled': CustomEvent<Record<string, never>>;
  }
}

type View = 'welcome' | StepId | 'done';
type InputStep = Exclude<StepId, 'review'>;
type FocusTarget = 'heading' | 'feedback';

const INPUT_STEPS: readonly InputStep[] = ['identity', 'address', 'contact', 'credentials'];
const ALTCHA_STRINGS = [
  'label',
  'verifying',
  'verified',
  'waitAlert',
  'verificationRequired',
  'error',
  'expired',
  'loading',
  'reload',
  'verify',
  'cancel',
  'enterCode',
  'enterCodeAria',
  'enterCodeFromImage',
  'getAudioChallenge',
] as const;

let instances = 0;

/**
 * The sign-up wizard of the seeds ("Création d'un espace personnel"): a welcome screen, then
 * "Identité", "Adresse" (may be skipped), "Moyens de contact", "Authentification" (username,
 * password checked live against the city's policy, service keys, security check) and
 * "Vérifiez vos informations", each step a fieldset headed "Étape N sur 5"; then "Votre
 * espace a bien été créé." with what comes next for the city's activation mode.
 *
 * As in `<citizen-login>`, the form is rendered into the element's light DOM (a `<div
 * class="citizen-form">` child it creates) so that password managers see the username and
 * new password and offer to save them. Every step stays in the form, the inactive ones
 * hidden: going back and forth loses nothing, and the security check keeps its state.
 * Progress survives a reload (sessionStorage, per tab), without the password, the service
 * keys or the captcha answer.
 *
 * @summary Creates a citizen account, step by step.
 *
 * @slot - Content below the wizard, e.g. a link to the login page. The element's own form
 *   container is its first light-DOM child and is shown through this slot too.
 *
 * @fires citizen-signed-up - The account was created; `detail.username`, and
 *   `detail.activation` (`email`: a link was mailed; `staff`: the city activates it).
 * @fires citizen-signup-cancelled - The citizen confirmed "Annuler": what they typed is
 *   erased and the welcome screen is back. A page may navigate away on it.
 *
 * @csspart base - The frame around the element.
 * @csspart heading - The heading "Création d'un espace personnel".
 *
 * @cssprop [--citizen-signup-max-width=40rem] - Widest the element gets.
 * @cssprop [--citizen-color-primary=#1d4f91] - Headings, buttons, links and the frame's top
 *   border; else the city's colour from its config.
 * @cssprop [--citizen-color-on-primary=#ffffff] - Text on the primary buttons.
 * @cssprop [--citizen-color-text=#1e1e1e] - Text, and the outer focus ring.
 * @cssprop [--citizen-color-muted=#555555] - Hints, the step count, unmet password rules.
 * @cssprop [--citizen-color-surface=#ffffff] - Background.
 * @cssprop [--citizen-color-border=#767676] - Frame and input borders.
 * @cssprop [--citizen-color-error=#b00020] - Error messages and their borders.
 * @cssprop [--citizen-color-success=#1a7f37] - Met password rules, the confirmation.
 * @cssprop [--citizen-color-focus=#ffbf47] - Inner focus ring.
 * @cssprop [--citizen-radius=4px] - Corner radius.
 * @cssprop [--citizen-font-family=system-ui, sans-serif] - Font.
 * @cssprop [--citizen-space=1rem] - Spacing unit.
 */
export class CitizenSignup extends CitizenElement {
  static override texts = [signupTexts, passwordChecklistTexts];

  static override styles = [tokens, frame, styles];

  /** Level of the heading "Création d'un espace personnel", 1 to 6; steps are one level below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() private view: View = 'welcome';
  @state() private values: Values = emptyValues();
  /** Errors the schemas find, shown once a field was left filled in, or its step submitted. */
  @state() private errors: Errors = {};
  /** Errors the server returned, each until its field changes; they outrank the schemas' (they say more). */
  @state() private serverErrors: Errors = {};
  /** The step whose failed "Suivant"/"Valider" shows the error summary. */
  @state() private summaryStep?: StepId;
  @state() private requestError?: CitizenError | 'no_backend';
  @state() private isSubmitting = false;
  @state() private isPasswordShown = false;
  @state() private hasToggledPassword = false;
  @state() private result?: SignupResult & { username: string; email: string };
  @state() private restoredNotice: '' | 'restored' | 'restoredSecrets' = '';
  /**
   * The chosen photo and its preview's object URL. Kept here, not in `values`: never in
   * sessionStorage (too big), so a reload drops it and the step's hint says to choose it again.
   */
  @state() private photo?: { file: File; type: PhotoType; url: string };
  /** Why the last file chosen was refused; blocks "Suivant" until another is chosen or the choice dropped. */
  @state() private photoError?: 'photo_type' | 'photo_too_large';

  readonly #id = `citizen-signup-${++instances}`;
  readonly #formRoot: HTMLDivElement = Object.assign(document.createElement('div'), {
    className: 'citizen-form citizen-signup',
  });
  readonly #touched = new Set<string>();
  readonly #submittedSteps = new Set<StepId>();
  /** Keys the alerts: the same errors twice make a new alert, announced again. */
  #attempt = 0;
  #focusTarget?: FocusTarget;
  /** Says, once typing pauses, which password rules are still missing. */
  readonly #announcer = new PasswordRulesAnnouncer(this);
  /** Set by "Modifier": "Suivant" then goes straight back to the summary. */
  #returnToReview = false;
  #restored = false;
  /** A free username the server offered with `username_taken`. */
  #suggestion?: string;
  readonly #captcha = new CaptchaController(this, {
    adapter: () => this.adapter,
    onNewChallenge: () => {
      if (this.values[CAPTCHA_FIELD]) this.values = { ...this.values, [CAPTCHA_FIELD]: '' };
    },
    onAnswerChange: () => {
      this.#dropServerError(CAPTCHA_FIELD);
      this.#revalidate('credentials');
    },
  });

  override connectedCallback() {
    super.connectedCallback();
    adoptLightStyles(this);
    adoptLightStyles(this, passwordChecklistStyles);
    adoptLightStyles(this, wizardStyles);
    if (this.#formRoot.parentNode !== this) this.prepend(this.#formRoot);
    if (!this.#restored) {
      this.#restored = true;
      this.#restore();
    }
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    // The check is fetched when step 4 shows, not before: challenges are single use and expire.
    if (this.view === 'credentials') this.#captcha.prepare(this.cityConfig?.captcha);
  }

  protected override update(changed: PropertyValues) {
    super.update(changed);
    render(this.#renderForm(), this.#formRoot, { host: this });
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    if (changed.has('values') || changed.has('view')) this.#save();
    const target = this.#focusTarget;
    this.#focusTarget = undefined;
    if (target === 'feedback') this.#formRoot.querySelector<HTMLElement>('.citizen-feedback:not([hidden])')?.focus();
    else if (target === 'heading') {
      const heading = this.#formRoot.querySelector<HTMLElement>(`[data-view-heading="${this.view}"]`);
      heading?.scrollIntoView({ block: 'nearest' });
      heading?.focus({ preventScroll: true });
    }
  }

  // --- State ------------------------------------------------------------------------------

  get #storageKey() {
    return `citizen-elements:signup:${this.api ?? ''}`;
  }

  get #policy(): PasswordPolicy {
    return this.cityConfig?.passwordPolicy ?? PASSWORD_POLICY_PRESETS.recommended;
  }

  get #serviceKeys() {
    return this.cityConfig?.serviceKeys ?? [];
  }

  get #validation(): ValidationContext {
    return {
      policy: this.#policy,
      serviceKeyIds: this.#serviceKeys.map((key) => key.id),
      cityName: this.cityConfig?.name,
      challenge: this.#captcha.challenge,
      altchaPayload: this.#captcha.altchaPayload,
      photoError: this.photoError,
    };
  }

  #restore() {
    const saved = loadProgress(this.#storageKey);
    if (!saved) return;
    this.values = saved.values;
    // The password is not kept: from "Authentification" on, the citizen types it again.
    const past = STEPS.indexOf(saved.step) >= STEPS.indexOf('credentials');
    this.view = past ? 'credentials' : saved.step;
    this.restoredNotice = past ? 'restoredSecrets' : 'restored';
  }

  #save() {
    if (this.view === 'welcome' || this.view === 'done') return;
    saveProgress(this.#storageKey, { step: this.view, values: this.values });
  }

  /** The fields of a step, in the order of the form (the error summary's order). */
  #fieldsOf(step: StepId): string[] {
    switch (step) {
      case 'identity':
        return [...IDENTITY_FIELDS, PHOTO_FIELD];
      case 'address':
        return [...ADDRESS_FIELDS];
      case 'contact':
        return [...CONTACT_FIELDS];
      case 'credentials':
        return [
          'username',
          'password',
          'passwordConfirmation',
          ...this.#serviceKeys.map((key) => `serviceKeys.${key.id}`),
          CAPTCHA_FIELD,
        ];
      case 'review':
        return [];
    }
  }

  /** Recomputes the shown errors of `step`: every field once the step was submitted, else the touched ones. */
  #revalidate(step: StepId) {
    if (step === 'review') return;
    const found = validateStep(step, this.values, this.#validation);
    const errors = { ...this.errors };
    const all = this.#submittedSteps.has(step);
    for (const path of this.#fieldsOf(step)) {
      const quiet = path === CAPTCHA_FIELD && this.#captcha.isFresh;
      if ((all || this.#touched.has(path)) && found[path] && !quiet) errors[path] = found[path];
      else delete errors[path];
    }
    this.errors = errors;
  }

  #visibleErrors(step: StepId): [string, string][] {
    return this.#fieldsOf(step)
      .map((path): [string, string | undefined] => [path, this.serverErrors[path] ?? this.errors[path]])
      .filter((entry): entry is [string, string] => entry[1] !== undefined);
  }

  private handleInput(path: string, value: string) {
    this.values = { ...this.values, [path]: value };
    this.#dropServerError(path);
    const step = stepOf(path);
    if (step) this.#revalidate(step);
    // Names and the username count in the password's "personal information" rule.
    if (step === 'identity' && this.#touched.has('password')) this.#revalidate('credentials');
  }

  #dropServerError(path: string) {
    if (!this.serverErrors[path]) return;
    const { [path]: _gone, ...rest } = this.serverErrors;
    this.serverErrors = rest;
  }

  private handleBlur(path: string) {
    // Errors after blur only for what was typed: tabbing through empty fields is not a mistake.
    if ((this.values[path] ?? '').trim() === '' && !this.#touched.has(path)) return;
    this.#touched.add(path);
    const step = stepOf(path);
    if (step) this.#revalidate(step);
  }

  // --- Photo ---------------------------------------------------------------------------------

  get #photoInput() {
    return this.#formRoot.querySelector<HTMLInputElement>(`input[name="${PHOTO_FIELD}"]`);
  }

  private async handlePhotoChosen(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // Closing the file chooser without a choice keeps the photo there was.
    if (!file) return;
    // The wizard holds the file: emptying the input lets the same file be chosen again after a removal.
    input.value = '';
    const checked = await checkPhotoFile(file);
    this.#dropServerError(PHOTO_FIELD);
    this.#touched.add(PHOTO_FIELD);
    if ('error' in checked) {
      // The refused file is not taken; a photo chosen before stays.
      this.photoError = checked.error;
    } else {
      this.#setPhoto({ file, type: checked.type, url: URL.createObjectURL(file) });
      this.photoError = undefined;
    }
    this.#revalidate('identity');
    await this.updateComplete;
    // The input hides once a photo is chosen: the focus goes to what replaced it.
    if (this.photo) this.#formRoot.querySelector<HTMLElement>(`#${photoChangeId(this.#id)}`)?.focus();
  }

  private handlePhotoChange() {
    this.#photoInput?.click();
  }

  private async handlePhotoRemoved() {
    this.#setPhoto(undefined);
    this.photoError = undefined;
    this.#dropServerError(PHOTO_FIELD);
    this.#revalidate('identity');
    await this.updateComplete;
    this.#photoInput?.focus();
  }

  #setPhoto(photo: CitizenSignup['photo']) {
    if (this.photo) URL.revokeObjectURL(this.photo.url);
    this.photo = photo;
  }

  get #photoSize() {
    return new Intl.NumberFormat(this.locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(
      PHOTO_MAX_BYTES / (1024 * 1024),
    );
  }

  // --- Password ------------------------------------------------------------------------------

  /** The policy's rules for what is typed, the personal-information rule included. */
  #rules() {
    const v = this.values;
    return passwordRuleViews(this.#policy, v['password'] ?? '', (key, params) => this.t(key, params), {
      username: v['username'],
      names: [v['identity.lastName'], v['identity.birthName'], v['identity.firstNames']],
      city: this.cityConfig?.name,
    });
  }

  private handleTogglePassword() {
    this.isPasswordShown = !this.isPasswordShown;
    this.hasToggledPassword = true;
  }

  // --- Navigation ---------------------------------------------------------------------------

  #goTo(view: View, focus: FocusTarget | undefined = 'heading') {
    this.view = view;
    this.#attempt++;
    if (focus) this.#focusTarget = focus;
  }

  private handleStart() {
    this.restoredNotice = '';
    this.#goTo('identity');
  }

  private handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    // A second Enter or click while the request runs must not send it twice.
    if (this.isSubmitting) return;
    if (this.view === 'review') void this.#submit();
    else if (this.view !== 'welcome' && this.view !== 'done') this.#next(this.view);
  }

  #next(step: InputStep) {
    this.#captcha.isFresh = false;
    this.#submittedSteps.add(step);
    this.#revalidate(step);
    this.requestError = undefined;
    if (step === 'credentials') {
      // Back to type="password" when leaving the step, so that browsers offer to save it.
      this.isPasswordShown = false;
      this.hasToggledPassword = false;
    }
    if (this.#visibleErrors(step).length > 0) {
      this.summaryStep = step;
      this.#goTo(step, 'feedback');
      return;
    }
    this.summaryStep = undefined;
    this.restoredNotice = '';
    const next = this.#returnToReview ? 'review' : STEPS[STEPS.indexOf(step) + 1]!;
    if (next === 'review') this.#returnToReview = false;
    this.#goTo(next);
  }

  private handlePrevious() {
    if (this.view === 'welcome' || this.view === 'done' || this.view === 'identity') return;
    this.summaryStep = undefined;
    this.requestError = undefined;
    this.#returnToReview = false;
    this.#goTo(STEPS[STEPS.indexOf(this.view) - 1]!);
  }

  #handleChangeLink(event: Event, step: InputStep) {
    event.preventDefault();
    this.#returnToReview = true;
    this.summaryStep = undefined;
    this.requestError = undefined;
    this.#goTo(step);
  }

  // --- Cancel -------------------------------------------------------------------------------

  get #dialog() {
    return this.#formRoot.querySelector<HTMLDialogElement>('dialog');
  }

  private handleCancel() {
    this.#dialog?.showModal();
  }

  private handleCancelConfirmed() {
    this.#dialog?.close();
    clearProgress(this.#storageKey);
    this.values = emptyValues();
    this.#setPhoto(undefined);
    this.photoError = undefined;
    this.errors = {};
    this.serverErrors = {};
    this.summaryStep = undefined;
    this.requestError = undefined;
    this.restoredNotice = '';
    this.isPasswordShown = false;
    this.hasToggledPassword = false;
    this.#announcer.reset();
    this.#touched.clear();
    this.#submittedSteps.clear();
    this.#returnToReview = false;
    // A new check next time: the old one may have been solved already.
    this.#captcha.reset();
    this.#goTo('welcome');
    this.emit('citizen-signup-cancelled', {});
  }

  private handleCancelDismissed() {
    this.#dialog?.close();
  }

  // --- Security check -------------------------------------------------------------------------

  #altchaConfiguration() {
    const strings: Record<string, string> = { footer: '', ariaLinkLabel: '' };
    for (const name of ALTCHA_STRINGS) strings[name] = this.t(`signup.altcha.${name}`);
    return this.#captcha.altchaConfiguration(`${this.#id}-${this.locale}`, strings);
  }

  // --- Submit -----------------------------------------------------------------------------

  async #submit() {
    this.#attempt++;
    this.#captcha.isFresh = false;
    this.requestError = undefined;
    const context = this.#validation;
    const found = validateAll(this.values, context);
    const unfixedServerErrors = Object.keys(this.serverErrors).length > 0;
    if (Object.keys(found).length > 0 || unfixedServerErrors) {
      this.#showErrorsOnStep({ ...this.serverErrors, ...found });
      return;
    }
    const adapter = this.adapter;
    if (!adapter) {
      this.requestError = 'no_backend';
      this.#focusTarget = 'feedback';
      return;
    }
    this.isSubmitting = true;
    try {
      const photo = this.photo ? await photoUploadOf(this.photo.file, this.photo.type) : undefined;
      const request = buildRequest(this.values, context, photo);
      const result = await adapter.signUp(request);
      this.#signedUp({ ...result, username: request.username, email: request.contact.email });
    } catch (error) {
      const citizenError = CitizenError.from(error);
      // Challenges are single use: whatever the server answered, this one may be spent.
      if (citizenError.status > 0) this.#captcha.renew(this.t('signup.captcha.renewed'));
      const fields: Errors = {};
      for (const [path, code] of Object.entries(citizenError.fields)) {
        const field = fieldOf(path);
        if (stepOf(field)) fields[field] = code;
      }
      if (Object.keys(fields).length > 0) {
        this.#suggestion = citizenError.suggestion;
        this.serverErrors = fields;
        this.#showErrorsOnStep(fields);
      } else {
        this.requestError = citizenError;
        this.#focusTarget = 'feedback';
      }
    } finally {
      this.isSubmitting = false;
    }
  }

  /** Opens the first step with errors, its error summary focused. */
  #showErrorsOnStep(errors: Errors) {
    const step = firstStepWithErrors(errors);
    if (!step) return;
    this.#submittedSteps.add(step);
    this.#revalidate(step);
    this.summaryStep = step;
    this.#returnToReview = true;
    this.#goTo(step, 'feedback');
  }

  #signedUp(result: SignupResult & { username: string; email: string }) {
    clearProgress(this.#storageKey);
    this.result = result;
    this.values = emptyValues();
    this.#setPhoto(undefined);
    this.#captcha.reset();
    this.#goTo('done');
    this.emit('citizen-signed-up', { username: result.username, activation: result.activation });
  }

  // --- Messages -------------------------------------------------------------------------------

  #t(key: string, params?: Params): string | undefined {
    return this.hasText(key) ? this.t(key, params) : undefined;
  }

  /** The message of an error code on a field: the field's own words first, then the shared ones. */
  #errorMessage(path: string, code: string): string {
    if (code === 'required') {
      const kind = this.#captcha.challenge?.kind ?? 'altcha';
      const key = path === CAPTCHA_FIELD ? `signup.required.captcha.${kind}` : `signup.required.${path}`;
      return this.#t(key) ?? this.t('field.required');
    }
    if (code === 'photo_too_large') return this.t('field.photo_too_large', { max: this.#photoSize });
    if (code === 'username_taken' && this.#suggestion) {
      return this.t('signup.error.username_taken_suggestion', { suggestion: this.#suggestion });
    }
    return (
      this.#t(`signup.error.${code}`) ??
      this.#t(`field.${code}`) ??
      this.#t(`error.${code}`) ??
      this.t('field.invalid')
    );
  }

  #stepContext(): StepContext {
    const shown = new Map(this.#allVisibleErrors());
    return {
      id: this.#id,
      level: Math.min(this.#headingLevel + 1, 6),
      t: (key: MessageKey, params?: Params) => this.t(key, params),
      values: this.values,
      error: (path) => {
        const code = shown.get(path);
        return code ? this.#errorMessage(path, code) : undefined;
      },
      onInput: (path, value) => this.handleInput(path, value),
      onBlur: (path) => this.handleBlur(path),
    };
  }

  #allVisibleErrors(): [string, string][] {
    return INPUT_STEPS.flatMap((step) => this.#visibleErrors(step));
  }

  get #headingLevel() {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  // --- Rendering ------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const tag = headingTag(this.#headingLevel);
    return html`
      <section part="base" class="base" aria-labelledby="heading">
        <${tag} part="heading" id="heading" class="heading">${this.t('signup.heading')}</${tag}>
        <slot></slot>
      </section>
    `;
  }

  #renderForm() {
    switch (this.view) {
      case 'welcome':
        return this.#renderWelcome();
      case 'done':
        return this.#renderDone();
      default:
        return this.#renderWizard(this.view);
    }
  }

  #viewHeading(view: View, content: unknown) {
    const tag = headingTag(this.#headingLevel + 1);
    return html`<${tag} class="citizen-step__heading" data-view-heading=${view} tabindex="-1">${content}</${tag}>`;
  }

  #renderWelcome() {
    return html`
      <div class="citizen-welcome">
        ${this.#viewHeading('welcome', this.t('signup.welcome.heading'))}
        <p>${this.t('signup.welcome.intro')}</p>
        <p>${this.t('signup.welcome.benefits')}</p>
        <p class="citizen-hint">${this.t('signup.welcome.steps')}</p>
        <div class="citizen-actions">
          <button class="citizen-button" type="button" @click=${this.handleStart}>${this.t('signup.welcome.start')}</button>
        </div>
      </div>
    `;
  }

  #renderDone() {
    const result = this.result;
    if (!result) return nothing;
    const isStaff = result.activation === 'staff';
    return html`
      <div class="citizen-done">
        ${this.#viewHeading('done', this.t('signup.done.heading'))}
        <p>${this.t(isStaff ? 'signup.done.staff' : 'signup.done.email', { email: result.email })}</p>
        <p>${this.t(isStaff ? 'signup.done.staffNext' : 'signup.done.emailNext', { email: result.email })}</p>
        <p class="citizen-hint">${this.t('signup.done.username', { username: result.username })}</p>
      </div>
    `;
  }

  #renderWizard(view: StepId) {
    const ctx = this.#stepContext();
    const stepErrors = this.summaryStep === view ? this.#visibleErrors(view) : [];
    const hasFeedback = stepErrors.length > 0 || this.requestError !== undefined;
    const isReview = view === 'review';
    return html`
      <p class="citizen-notice" role="status">${this.#restoredText()}</p>
      <div class="citizen-feedback" tabindex="-1" ?hidden=${!hasFeedback}>
        ${hasFeedback ? keyed(this.#attempt, html`<div role="alert">${this.#renderFeedback(stepErrors)}</div>`) : nothing}
      </div>
      <form novalidate aria-busy=${this.isSubmitting ? 'true' : nothing} @submit=${this.handleSubmit}>
        ${INPUT_STEPS.map((step) => this.#renderStep(step, view, ctx))}
        ${isReview
          ? html`<div class="citizen-step">
              ${this.#renderStepHeading('review')}
              ${renderReview(ctx, {
                serviceKeys: this.#serviceKeys,
                hasCaptcha: this.#captcha.challenge !== undefined && this.#captcha.challenge.kind !== 'none',
                photoUrl: this.photo?.url,
                stepHref: (step) => `#${this.#id}-step-${step}`,
                onChange: (event, step) => this.#handleChangeLink(event, step),
              })}
            </div>`
          : nothing}
        <div class="citizen-actions citizen-wizard-actions">
          <button class="citizen-button" type="submit" aria-disabled=${this.isSubmitting ? 'true' : nothing}>
            ${this.t(isReview ? (this.isSubmitting ? 'signup.submitting' : 'signup.submit') : 'signup.next')}
          </button>
          ${view !== 'identity'
            ? html`<button class="citizen-button citizen-button--secondary" type="button" @click=${this.handlePrevious}>
                ${this.t('signup.previous')}
              </button>`
            : nothing}
          <button class="citizen-button citizen-button--tertiary" type="button" @click=${this.handleCancel}>
            ${this.t('signup.cancel')}
          </button>
        </div>
      </form>
      ${this.#renderCancelDialog()}
    `;
  }

  #restoredText() {
    if (!this.restoredNotice) return '';
    const secrets = this.restoredNotice === 'restoredSecrets' ? ` ${this.t('signup.restoredSecrets')}` : '';
    return `${this.t('signup.restored')}${secrets}`;
  }

  #renderStepHeading(step: StepId) {
    const index = STEPS.indexOf(step) + 1;
    return this.#viewHeading(
      step,
      html`<span class="citizen-step__count">${this.t('signup.stepCount', { step: index, total: STEPS.length })}</span>
        <span class="citizen-step__title">${this.t(`signup.step.${step}`)}</span>`,
    );
  }

  #renderStep(step: InputStep, view: StepId, ctx: StepContext) {
    const isCurrent = step === view;
    return html`
      <fieldset class="citizen-step" id="${this.#id}-step-${step}" ?hidden=${!isCurrent}>
        <legend class="citizen-step__legend">${this.#renderStepHeading(step)}</legend>
        ${step === 'identity' || step === 'contact' || step === 'credentials'
          ? html`<p class="citizen-hint">${this.t('signup.requiredNote')}</p>`
          : nothing}
        ${this.#renderStepBody(step, ctx)}
        ${step === 'identity' ? html`<p class="citizen-hint">${this.t('signup.laterNote')}</p>` : nothing}
      </fieldset>
    `;
  }

  #renderStepBody(step: InputStep, ctx: StepContext) {
    switch (step) {
      case 'identity':
        return renderIdentity(ctx, new Date().toISOString().slice(0, 10), {
          previewUrl: this.photo?.url,
          maxSize: this.#photoSize,
          onChoose: (event) => void this.handlePhotoChosen(event),
          onChange: () => this.handlePhotoChange(),
          onRemove: () => void this.handlePhotoRemoved(),
        });
      case 'address':
        return renderAddress(ctx);
      case 'contact':
        return renderContact(ctx);
      case 'credentials': {
        const rules = this.#rules();
        this.#announcer.update(rules, (key, params) => this.t(key, params), (this.values['password'] ?? '') !== '');
        return renderCredentials(ctx, {
          policySentence: describePasswordPolicy(this.#policy, (key, params) => this.t(key, params)),
          rules,
          isPasswordShown: this.isPasswordShown,
          hasToggledPassword: this.hasToggledPassword,
          announcement: this.#announcer.text,
          onTogglePassword: () => this.handleTogglePassword(),
          serviceKeys: this.#serviceKeys,
          captcha: this.#renderCaptcha(ctx),
        });
      }
    }
  }

  #renderCaptcha(ctx: StepContext) {
    const captcha = this.#captcha;
    if (captcha.state === 'idle' || captcha.challenge?.kind === 'none') return nothing;
    return renderCaptcha(ctx, {
      state: captcha.state,
      challenge: captcha.challenge,
      serial: captcha.serial,
      altchaConfiguration: this.#altchaConfiguration(),
      notice: captcha.notice,
      onRetry: () => captcha.change(''),
      onChangeImage: () => captcha.change(this.t('signup.captcha.changed')),
      onListen: () => captcha.listen(),
      onAltchaStateChange: captcha.handleAltchaStateChange,
    });
  }

  #renderFeedback(stepErrors: [string, string][]) {
    if (this.requestError) {
      return html`<p class="citizen-feedback__message">${this.requestErrorText(this.requestError)}</p>`;
    }
    const items = stepErrors.map(([path, code]) => ({ id: controlId(this.#id, path), text: this.#errorMessage(path, code) }));
    return errorSummary(Math.min(this.#headingLevel + 1, 6), this.t('common.errorSummary'), items, (event, id) =>
      this.#followSummaryLink(event, id),
    );
  }

  #followSummaryLink(event: Event, id: string) {
    event.preventDefault();
    let target = this.#formRoot.querySelector<HTMLElement>(`#${id}`);
    // The ALTCHA widget is not focusable itself: its checkbox is.
    if (target?.localName === 'altcha-widget') target = target.querySelector<HTMLElement>('input');
    // A chosen photo hides the file input: "Changer d'image" stands in for it.
    if (target?.hidden) target = this.#formRoot.querySelector<HTMLElement>(`#${photoChangeId(this.#id)}`);
    focusControl(target);
  }

  #renderCancelDialog() {
    const titleId = `${this.#id}-cancel-title`;
    return html`
      <dialog class="citizen-dialog" aria-labelledby=${titleId} aria-describedby="${titleId}-text" @cancel=${this.handleCancelDismissed}>
        <p class="citizen-dialog__title" id=${titleId}>${this.t('signup.cancelDialog.heading')}</p>
        <p id="${titleId}-text">${this.t('signup.cancelDialog.text')}</p>
        <div class="citizen-actions">
          <button class="citizen-button" type="button" autofocus @click=${this.handleCancelDismissed}>
            ${this.t('signup.cancelDialog.dismiss')}
          </button>
          <button class="citizen-button citizen-button--secondary" type="button" @click=${this.handleCancelConfirmed}>
            ${this.t('signup.cancelDialog.confirm')}
          </button>
        </div>
      </dialog>
    `;
  }
}

