// SPDX-License-Identifier: MIT
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { CitizenBackend } from '../../../core/backend.js';
import { CitizenError } from '../../../core/errors.js';
import type { MessageKey } from '../../../i18n/translate.js';
import { fieldErrors } from '../../../schemas/errors.js';
import { ChildRecord, type Household, type HouseholdMember } from '../../../schemas/household.js';
import { ageOn, formatIsoDate, fullName } from '../format.js';
import { DashboardPanel, Loader } from '../panel-base.js';
import { householdTexts } from '../../../i18n/parts/household.js';
import { childToolsTexts } from '../../../i18n/parts/child-tools.js';
import { checkboxField, PanelForm, present, textField, type Validation, type Values } from '../panel-form.js';
import { CHILD_TOOLS, childTool, renderChildTool, type ChildToolId } from './child-tools.js';

/** The record shown under the cards: whose, its loading state, and the update form if open. */
interface OpenRecord {
  child: HouseholdMember;
  state: 'loading' | 'ready' | 'error';
  record?: ChildRecord;
  error?: CitizenError;
  isEditing: boolean;
  /** Rows of "Personnes autorisées" in the form. */
  pickupRows: number;
}

const ROLE_ORDER: Record<HouseholdMember['role'], number> = { parent: 0, 'co-representative': 1, child: 2, contact: 3 };

/**
 * "Ma famille" (seeds 001, 003): one card per member of the family's record — parents,
 * co-representative, children with their first name and age, contacts. Each child has
 * "Dossier administratif", which shows the child's record (school, allergies and PAI,
 * doctor, people allowed to pick the child up, documents the city still needs) and lets
 * the parent ask for an update, which the city validates.
 *
 * Each child's card also has the seeds' actions, one open at a time in a region under the
 * cards, each element loaded with `import()` when first opened: "Annuler ou réserver" (the
 * agenda, `<citizen-child-agenda>`), "Signaler une absence" (`<citizen-absence-form>`),
 * "Inscrire" (`<citizen-enrolment-form>`, shown when the adapter can), "Consultation des
 * tarifs" (`<citizen-tariffs-panel>`) and "Ajouter à mon agenda" (`<citizen-calendar-feed>`).
 * Opening one moves focus to its heading; closing it returns focus to its button.
 *
 * @summary The family's members as cards, and each child's administrative record.
 *
 * @fires citizen-request-sent - A record update, an absence or an enrolment was sent to the city; `detail.request` is the request.
 * @fires citizen-session-expired - The back end answered that the session has ended.
 *
 * @csspart base - The panel's frame.
 * @csspart heading - The panel's heading "Ma famille" (absent with `hide-heading`).
 * @csspart member - Each member's card.
 * @csspart record - The open "Dossier administratif".
 * @csspart child-tool - The open action of a child's card (agenda, absence, enrolment, prices, calendar link).
 * @csspart agenda - The open "Annuler ou réserver" (the child's agenda), also a `child-tool`.
 *
 * @cssprop [--citizen-color-primary=#1d4f91] - Headings and buttons; else the city's colour.
 * @cssprop [--citizen-color-border=#767676] - Card borders.
 * @cssprop [--citizen-color-error=#b00020] - Errors.
 */
export class CitizenHouseholdPanel extends DashboardPanel {
  static override texts = [householdTexts, childToolsTexts];

  @state() private open?: OpenRecord;
  /** The child's action open under the cards ("Annuler ou réserver"…), once its code has loaded. */
  @state() private openTool?: { child: HouseholdMember; tool: ChildToolId };

  readonly #household: Loader<Household | null> = new Loader(this, (adapter) => adapter.getHousehold());
  #form?: PanelForm<ChildRecord>;
  #recordRun = 0;

  protected get titleKey(): MessageKey {
    return 'dashboard.section.family';
  }

  protected get loaders(): Loader<unknown>[] {
    return [this.#household];
  }

  protected reload() {
    void this.#household.load();
    if (this.open) void this.#loadRecord(this.open.child);
  }

  /** Asks the adapter again (e.g. after a request was accepted). */
  refresh() {
    this.reload();
  }

  #triggerId(child: HouseholdMember) {
    return `${this.uid}-record-${child.id.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  }

  async #openRecord(child: HouseholdMember) {
    if (this.open?.child.id === child.id) {
      this.#closeRecord();
      return;
    }
    this.#form = undefined;
    this.focusAfterRender(`#${this.uid}-record-title`);
    await this.#loadRecord(child);
  }

  async #loadRecord(child: HouseholdMember) {
    const run = ++this.#recordRun;
    this.open = { child, state: 'loading', isEditing: false, pickupRows: 0 };
    const adapter = this.adapter;
    try {
      if (!adapter) throw new CitizenError('server_error');
      const record = await adapter.getChildRecord(child.id);
      if (run !== this.#recordRun) return;
      this.open = { ...this.open, state: 'ready', record };
    } catch (error) {
      if (run !== this.#recordRun) return;
      const citizenError = CitizenError.from(error);
      this.open = { ...this.open, state: 'error', error: citizenError };
      this.handleRefusal(citizenError);
    }
  }

  #toolTriggerId(child: HouseholdMember, tool: ChildToolId) {
    return `${this.uid}-${tool}-${child.id.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  }

  /** Counts the actions asked for: of two quick clicks, the last one opens, whichever code loads first. */
  #toolRun = 0;

  async #toggleTool(child: HouseholdMember, tool: ChildToolId) {
    const run = ++this.#toolRun;
    if (this.openTool?.child.id === child.id && this.openTool.tool === tool) {
      this.#closeTool();
      return;
    }
    await childTool(tool).load();
    if (run !== this.#toolRun) return;
    this.openTool = { child, tool };
    this.focusAfterRender(`#${this.uid}-tool-title`);
  }

  #closeTool() {
    const open = this.openTool;
    this.openTool = undefined;
    if (open) this.focusAfterRender(`#${this.#toolTriggerId(open.child, open.tool)}`);
  }

  #renderTool({ child, tool: id }: { child: HouseholdMember; tool: ChildToolId }) {
    const tool = childTool(id);
    const titleId = `${this.uid}-tool-title`;
    return html`
      <section part="child-tool ${id === 'agenda' ? 'agenda' : ''}" class="block record" id="${this.uid}-child-tool" aria-labelledby=${titleId}>
        <div class="block-head">
          ${this.heading(this.subLevel, this.t(tool.heading, { name: child.firstNames }), {
            id: titleId,
            className: 'section-title',
            focusable: true,
          })}
          <button class="citizen-button citizen-button--secondary" type="button" @click=${() => this.#closeTool()}>
            ${this.t(tool.close)}
          </button>
        </div>
        ${keyed(`${child.id}|${id}`, renderChildTool(tool, { child, headingLevel: this.subLevel, lang: this.locale, loginUrl: this.loginUrl, backend: this.adapter }))}
      </section>
    `;
  }

  #closeRecord() {
    const child = this.open?.child;
    this.#recordRun++;
    this.open = undefined;
    this.#form = undefined;
    if (child) this.focusAfterRender(`#${this.#triggerId(child)}`);
  }

  #startUpdate() {
    const open = this.open;
    if (!open?.record) return;
    const { record } = open;
    const initial: Values = {
      school: record.school ?? '',
      schoolClass: record.schoolClass ?? '',
      allergies: record.allergies ?? '',
      hasPai: record.hasPai ? 'true' : '',
      'doctor.name': record.doctor?.name ?? '',
      'doctor.phone': record.doctor?.phone ?? '',
    };
    record.authorisedPickup.forEach((person, index) => {
      initial[`authorisedPickup.${index}.name`] = person.name;
      initial[`authorisedPickup.${index}.phone`] = person.phone ?? '';
    });
    const rows = Math.max(1, record.authorisedPickup.length);
    this.#form = new PanelForm<ChildRecord>(this, {
      id: `${this.uid}-update`,
      fields: () => this.#formFields(),
      initial,
      validate: (values) => this.#validate(values, record),
      errorText: (path, code) => this.#fieldText(path, code),
    });
    this.open = { ...open, isEditing: true, pickupRows: rows };
    this.focusAfterRender(`#${this.uid}-update-title`);
  }

  #formFields(): string[] {
    const rows = this.open?.pickupRows ?? 0;
    const pickup = Array.from({ length: rows }, (_, i) => [`authorisedPickup.${i}.name`, `authorisedPickup.${i}.phone`]).flat();
    return ['school', 'schoolClass', 'allergies', 'hasPai', 'doctor.name', 'doctor.phone', ...pickup];
  }

  #validate(values: Values, record: ChildRecord): Validation<ChildRecord> {
    const filled = present(values, this.#formFields());
    const doctor = filled['doctor.name'] || filled['doctor.phone'] ? { name: filled['doctor.name'] ?? '', phone: filled['doctor.phone'] } : undefined;
    // Empty rows are dropped; a row with a phone only needs its name.
    const rows = this.open?.pickupRows ?? 0;
    const pickup: { index: number; name: string; phone?: string | undefined }[] = [];
    for (let i = 0; i < rows; i++) {
      const name = filled[`authorisedPickup.${i}.name`];
      const phone = filled[`authorisedPickup.${i}.phone`];
      if (name || phone) pickup.push({ index: i, name: name ?? '', phone });
    }
    const parsed = ChildRecord.safeParse({
      school: filled['school'],
      schoolClass: filled['schoolClass'],
      allergies: filled['allergies'],
      hasPai: values['hasPai'] === 'true',
      doctor,
      authorisedPickup: pickup.map(({ name, phone }) => ({ name, ...(phone ? { phone } : {}) })),
      // What the city still needs is the city's to say: sent back as it came.
      missing: record.missing,
    });
    if (parsed.success) return { data: parsed.data };
    const errors: Record<string, string> = {};
    for (const [path, code] of Object.entries(fieldErrors(parsed.error.issues))) {
      // A row's index in the payload is not its index in the form once empty rows are dropped.
      const match = /^authorisedPickup\.(\d+)\.(name|phone)$/.exec(path);
      const row = match ? pickup[Number(match[1])] : undefined;
      errors[row ? `authorisedPickup.${row.index}.${match![2]}` : path] = code;
    }
    return { errors };
  }

  #fieldText(path: string, code: string): string {
    if (code === 'required') {
      if (path === 'doctor.name') return this.t('dashboard.record.doctorNameRequired');
      if (path.startsWith('authorisedPickup.')) return this.t('dashboard.record.pickupNameRequired', { n: Number(path.split('.')[1]) + 1 });
    }
    return this.errorText(code);
  }

  #addPickupRow() {
    if (!this.open) return;
    const index = this.open.pickupRows;
    this.open = { ...this.open, pickupRows: index + 1 };
    this.focusAfterRender(`#${this.#form!.controlId(`authorisedPickup.${index}.name`)}`);
  }

  #removePickupRow(index: number) {
    const open = this.open;
    const form = this.#form;
    if (!open || !form) return;
    // Later rows move up one place, values and errors alike.
    const values: Values = { ...form.values };
    for (let i = index; i < open.pickupRows; i++) {
      for (const key of ['name', 'phone']) {
        const next = values[`authorisedPickup.${i + 1}.${key}`];
        if (next === undefined) delete values[`authorisedPickup.${i}.${key}`];
        else values[`authorisedPickup.${i}.${key}`] = next;
      }
    }
    form.values = values;
    form.errors = {};
    this.open = { ...open, pickupRows: open.pickupRows - 1 };
    this.announce(this.t('dashboard.record.pickupRemoved', { n: index + 1 }));
    this.focusAfterRender(`#${this.uid}-add-pickup`);
  }

  #cancelUpdate() {
    if (!this.open) return;
    this.#form = undefined;
    this.open = { ...this.open, isEditing: false };
    this.focusAfterRender(`#${this.uid}-update-open`);
  }

  private async handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    const open = this.open;
    const form = this.#form;
    const adapter = this.adapter as CitizenBackend | undefined;
    if (!open || !form || !adapter) return;
    const request = await form.submit((record) => adapter.requestChildRecordUpdate(open.child.id, record));
    if (!request) return;
    this.#form = undefined;
    this.open = { ...open, isEditing: false, pickupRows: 0 };
    this.sentFor = open.child.id;
    this.announce(this.t('dashboard.record.sent'));
    this.focusAfterRender(`#${this.uid}-record-sent`);
    this.emit('citizen-request-sent', { request });
  }

  /** The child whose update was just sent, for the confirmation. */
  @state() private sentFor?: string;

  protected renderBody(): unknown {
    return this.renderLoad(this.#household, 'dashboard.family.loadError', (household) =>
      household && household.members.length > 0
        ? this.#renderFamily(household)
        : html`<p class="notice">${this.t('dashboard.family.empty')}</p>`,
    );
  }

  #renderFamily(household: Household) {
    const members = [...household.members].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
    return html`
      <p class="intro">${this.t('dashboard.family.intro')}</p>
      <ul class="list family" role="list">
        ${members.map((member) => this.#renderMember(member))}
      </ul>
      ${this.openTool ? this.#renderTool(this.openTool) : nothing}
      ${this.open ? this.#renderRecord(this.open) : nothing}
    `;
  }

  #age(member: HouseholdMember): string | undefined {
    if (!member.birthDate) return undefined;
    if (member.expected) return this.t('dashboard.family.expected', { date: formatIsoDate(member.birthDate) });
    const age = ageOn(member.birthDate);
    if (!age) return undefined;
    if (age.years >= 2) return this.t('dashboard.family.ageYears', { count: age.years });
    if (age.years === 1) return this.t('dashboard.family.ageOneYear');
    return this.t('dashboard.family.ageMonths', { count: age.months });
  }

  #renderMember(member: HouseholdMember) {
    const isChild = member.role === 'child';
    const isOpen = this.open?.child.id === member.id;
    const age = isChild ? this.#age(member) : undefined;
    const nameId = `${this.uid}-member-${member.id.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
    const name = member.civility && !isChild ? `${this.t(`civility.${member.civility}`)} ${fullName(member, this.locale)}` : fullName(member, this.locale);
    return html`
      <li part="member" class="card member member--${member.role}">
        ${this.heading(this.subLevel, isChild ? member.firstNames : name, { id: nameId, className: 'item-title' })}
        <p class="meta">
          ${this.t(`dashboard.family.role.${member.role}`)}${age ? html` · ${age}` : nothing}${member.relation
            ? html` · ${member.relation}`
            : nothing}
        </p>
        ${isChild && member.birthDate && !member.expected
          ? html`<p class="meta">${this.t('dashboard.family.born', { date: formatIsoDate(member.birthDate) })}</p>`
          : nothing}
        ${isChild && !member.expected
          ? html`<div class="member-actions">
              <button
                class="citizen-button citizen-button--secondary"
                id=${this.#triggerId(member)}
                type="button"
                aria-expanded=${isOpen ? 'true' : 'false'}
                aria-controls="${this.uid}-record"
                aria-describedby=${nameId}
                @click=${() => this.#openRecord(member)}
              >
                ${this.t('dashboard.family.record')}
              </button>
              ${this.#renderToolTriggers(member, nameId)}
            </div>`
          : nothing}
      </li>
    `;
  }

  #renderToolTriggers(child: HouseholdMember, nameId: string) {
    const adapter = this.adapter;
    return CHILD_TOOLS.filter((tool) => adapter && tool.isAvailable(adapter)).map((tool) => {
      const isOpen = this.openTool?.child.id === child.id && this.openTool.tool === tool.id;
      return html`<button
        class="citizen-button citizen-button--secondary"
        id=${this.#toolTriggerId(child, tool.id)}
        type="button"
        aria-expanded=${isOpen ? 'true' : 'false'}
        aria-controls="${this.uid}-child-tool"
        aria-describedby=${nameId}
        @click=${() => this.#toggleTool(child, tool.id)}
      >
        ${this.t(tool.trigger)}
      </button>`;
    });
  }

  #renderRecord(open: OpenRecord) {
    const name = fullName(open.child, this.locale);
    const titleId = `${this.uid}-record-title`;
    let body: unknown;
    if (open.state === 'loading') body = html`<p class="loading" aria-busy="true">${this.t('common.loading')}</p>`;
    else if (open.state === 'error') body = this.renderError(open.error!, 'dashboard.record.loadError', () => void this.#loadRecord(open.child));
    else body = open.isEditing ? this.#renderUpdateForm(open) : this.#renderRecordData(open);
    return html`
      <section part="record" class="block record" id="${this.uid}-record" aria-labelledby=${titleId}>
        <div class="block-head">
          ${this.heading(this.subLevel, this.t('dashboard.record.heading', { name }), { id: titleId, className: 'section-title', focusable: true })}
          <button class="citizen-button citizen-button--secondary" type="button" @click=${() => this.#closeRecord()}>
            ${this.t('dashboard.record.close')}
          </button>
        </div>
        ${body}
      </section>
    `;
  }

  #renderRecordData(open: OpenRecord) {
    const record = open.record!;
    const none = this.t('dashboard.record.none');
    // A phone number is not split across lines.
    const person = (p: { name: string; phone?: string | undefined }) =>
      p.phone ? html`${p.name} — <span class="nowrap">${p.phone}</span>` : p.name;
    return html`
      ${this.sentFor === open.child.id
        ? html`<p class="notice notice--success" id="${this.uid}-record-sent" tabindex="-1">${this.t('dashboard.record.sent')}</p>`
        : nothing}
      <dl class="data">
        <dt>${this.t('dashboard.record.school')}</dt>
        <dd>${record.school ?? none}</dd>
        <dt>${this.t('dashboard.record.schoolClass')}</dt>
        <dd>${record.schoolClass ?? none}</dd>
        <dt>${this.t('dashboard.record.allergies')}</dt>
        <dd>${record.allergies ?? none}</dd>
        <dt>${this.t('dashboard.record.pai')}</dt>
        <dd>${this.t(record.hasPai ? 'dashboard.record.yes' : 'dashboard.record.no')}</dd>
        <dt>${this.t('dashboard.record.doctor')}</dt>
        <dd>${record.doctor ? person(record.doctor) : none}</dd>
        <dt>${this.t('dashboard.record.pickup')}</dt>
        <dd>
          ${record.authorisedPickup.length === 0
            ? none
            : html`<ul class="plain-list">${record.authorisedPickup.map((p) => html`<li>${person(p)}</li>`)}</ul>`}
        </dd>
      </dl>
      ${record.missing.length > 0
        ? html`<div class="notice notice--warning">
            <p><strong>${this.t('dashboard.record.missing')}</strong></p>
            <ul class="plain-list">${record.missing.map((item) => html`<li>${item}</li>`)}</ul>
          </div>`
        : html`<p class="muted">${this.t('dashboard.record.complete')}</p>`}
      <div class="actions">
        <button class="citizen-button" id="${this.uid}-update-open" type="button" @click=${() => this.#startUpdate()}>
          ${this.t('dashboard.record.update')}
        </button>
      </div>
    `;
  }

  #renderUpdateForm(open: OpenRecord): TemplateResult {
    const form = this.#form!;
    const prefix = this.t('common.errorPrefix');
    const pending = form.isPending;
    const field = (path: string, label: MessageKey, options: Partial<Parameters<typeof textField>[3]> = {}) =>
      textField(form, path, prefix, { label: this.t(label), ...options });
    return html`
      <div class="citizen-form form-box">
        ${this.heading(this.subLevel + 1, this.t('dashboard.record.updateHeading', { name: fullName(open.child, this.locale) }), {
          id: `${this.uid}-update-title`,
          className: 'item-title',
          focusable: true,
        })}
        <p class="notice">${this.t('dashboard.record.updateIntro')}</p>
        ${form.renderFeedback(this.subLevel + 2, (error) => this.requestErrorText(error), this.t('common.errorSummary'))}
        <form novalidate aria-busy=${pending ? 'true' : nothing} @submit=${this.handleSubmit}>
          ${field('school', 'dashboard.record.school')}
          ${field('schoolClass', 'dashboard.record.schoolClass', { width: 'medium' })}
          ${field('allergies', 'dashboard.record.allergies', { rows: 3, hint: this.t('dashboard.record.allergiesHint') })}
          ${checkboxField(form, 'hasPai', prefix, { label: this.t('dashboard.record.pai'), hint: this.t('dashboard.record.paiHint') })}
          <fieldset class="citizen-fieldset citizen-fieldset--group">
            <legend>${this.t('dashboard.record.doctor')}</legend>
            ${field('doctor.name', 'dashboard.record.doctorName', { autocomplete: 'off' })}
            ${field('doctor.phone', 'dashboard.record.phone', { type: 'tel', width: 'medium', autocomplete: 'off' })}
          </fieldset>
          <fieldset class="citizen-fieldset citizen-fieldset--group">
            <legend>${this.t('dashboard.record.pickup')}</legend>
            ${Array.from({ length: open.pickupRows }, (_, index) => this.#renderPickupRow(form, index))}
            <div class="actions">
              <button class="citizen-button citizen-button--secondary" id="${this.uid}-add-pickup" type="button" @click=${() => this.#addPickupRow()}>
                ${this.t('dashboard.record.addPickup')}
              </button>
            </div>
          </fieldset>
          <div class="citizen-actions">
            <button class="citizen-button" type="submit" aria-disabled=${pending ? 'true' : nothing}>
              ${this.t(pending ? 'dashboard.sending' : 'dashboard.record.send')}
            </button>
            <button class="citizen-button citizen-button--secondary" type="button" @click=${() => this.#cancelUpdate()}>
              ${this.t('dashboard.cancel')}
            </button>
          </div>
        </form>
      </div>
    `;
  }

  #renderPickupRow(form: PanelForm<ChildRecord>, index: number) {
    const n = index + 1;
    const prefix = this.t('common.errorPrefix');
    return html`
      <div class="pickup-row" role="group" aria-label=${this.t('dashboard.record.pickupPerson', { n })}>
        ${textField(form, `authorisedPickup.${index}.name`, prefix, { label: this.t('dashboard.record.pickupName', { n }), autocomplete: 'off' })}
        ${textField(form, `authorisedPickup.${index}.phone`, prefix, {
          label: this.t('dashboard.record.pickupPhone', { n }),
          type: 'tel',
          width: 'medium',
          autocomplete: 'off',
        })}
        <button class="text-button" type="button" @click=${() => this.#removePickupRow(index)}>
          ${this.t('dashboard.record.removePickup', { n })}
        </button>
      </div>
    `;
  }
}
