// SPDX-License-Identifier: MIT
/**
 * Step 5, "Vérifiez vos informations": GOV.UK's "check your answers". One section per step,
 * each with a "Modifier" link back to it (the link's hidden end names the section, so that
 * a list of links read out of context still says which one changes what).
 */
import { html, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { headingTag } from '../../../core/form.js';
import type { MessageKey } from '../../../i18n/translate.js';
import type { ServiceKeyDefinition } from '../../../schemas/city-config.js';
import { addressOf, isBornInFrance, type StepId } from '../signup-model.js';
import type { StepContext } from './fields.js';

type EditableStep = Exclude<StepId, 'review'>;

export interface ReviewView {
  serviceKeys: readonly ServiceKeyDefinition[];
  hasCaptcha: boolean;
  /** Object URL of the chosen photo, shown as a thumbnail; undefined when none. */
  photoUrl?: string | undefined;
  /** Href of each step (its heading), for the "Modifier" links. */
  stepHref(step: EditableStep): string;
  onChange(event: Event, step: EditableStep): void;
}

type Row = [label: string, value: string | TemplateResult];

function formatDate(iso: string) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

export function renderReview(ctx: StepContext, view: ReviewView) {
  const { t, values } = ctx;
  const v = (path: string) => (values[path] ?? '').trim();
  const civility = v('identity.civility');
  const identity: Row[] = [
    [t('signup.identity.civility'), civility === 'M' || civility === 'MME' ? t(`civility.${civility}`) : ''],
    [t('signup.identity.lastName'), v('identity.lastName')],
    [t('signup.identity.birthName'), v('identity.birthName')],
    [t('signup.identity.firstNames'), v('identity.firstNames')],
    [t('signup.identity.birthDate'), formatDate(v('identity.birthDate'))],
    [t('signup.identity.birthCountry'), v('identity.birthCountry')],
  ];
  if (isBornInFrance(values)) {
    identity.push([t('signup.identity.birthDepartment'), v('identity.birthDepartment')]);
    identity.push([t('signup.identity.birthCommune'), v('identity.birthCommune')]);
  }
  identity.push([
    t('signup.identity.photo'),
    view.photoUrl ? html`<img class="citizen-photo__thumbnail" src=${view.photoUrl} alt=${t('signup.review.photoAlt')} />` : '',
  ]);
  const address: Row[] = addressOf(values)
    ? [
        [t('signup.address.street'), v('address.street')],
        [t('signup.address.complement'), v('address.complement')],
        [t('signup.address.postcode'), v('address.postcode')],
        [t('signup.address.commune'), v('address.commune')],
      ]
    : [[t('signup.step.address'), t('signup.review.addressSkipped')]];
  const preferred = v('contact.preferred') || 'email';
  const contact: Row[] = [
    [t('signup.contact.phone'), v('contact.phone')],
    [t('signup.contact.mobile'), v('contact.mobile')],
    [t('signup.contact.fax'), v('contact.fax')],
    [t('signup.contact.email'), v('contact.email')],
    [t('signup.contact.preferred'), t(`signup.contact.preferred.${preferred}` as MessageKey)],
  ];
  const credentials: Row[] = [
    [t('signup.credentials.username'), v('username')],
    [t('signup.credentials.password'), values['password'] ? t('signup.review.passwordSet') : ''],
    ...view.serviceKeys.map((key): Row => [key.label, v(`serviceKeys.${key.id}`)]),
  ];
  if (view.hasCaptcha) credentials.push([t('signup.review.captcha'), t('signup.captcha.done')]);

  return html`
    <p class="citizen-intro">${t('signup.review.intro')}</p>
    ${section(ctx, view, 'identity', identity)} ${section(ctx, view, 'address', address)}
    ${section(ctx, view, 'contact', contact)} ${section(ctx, view, 'credentials', credentials)}
  `;
}

function section(ctx: StepContext, view: ReviewView, step: EditableStep, rows: Row[]) {
  const { t } = ctx;
  const tag = headingTag(ctx.level + 1);
  return staticHtml`
    <div class="citizen-review">
      <div class="citizen-review__header">
        <${tag} class="citizen-subheading">${t(`signup.step.${step}`)}</${tag}>
        <a class="citizen-link" href=${view.stepHref(step)} @click=${(event: Event) => view.onChange(event, step)}
          >${t('signup.review.change')}<span class="citizen-visually-hidden"> ${t(`signup.review.changeWhat.${step}`)}</span></a
        >
      </div>
      <dl class="citizen-summary">
        ${rows.map(
          ([label, value]) => html`
            <div class="citizen-summary__row">
              <dt class="citizen-summary__key">${label}</dt>
              <dd class="citizen-summary__value ${value ? '' : 'citizen-summary__value--empty'}">
                ${value || t('signup.review.empty')}
              </dd>
            </div>
          `,
        )}
      </dl>
    </div>
  `;
}
