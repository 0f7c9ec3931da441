// SPDX-License-Identifier: MIT
/**
 * The actions of a child's card in "Ma famille" besides "Dossier administratif" (seeds 001,
 * 003; issue 7), each an element loaded with `import()` the first time it is opened and
 * shown in the region under the cards: what each needs of the adapter, its words, its element.
 */
import { nothing, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { CitizenBackend } from '../../../core/backend.js';
import type { MessageKey } from '../../../i18n/translate.js';
import type { HouseholdMember } from '../../../schemas/household.js';

export type ChildToolId = 'agenda' | 'absence' | 'enrolment' | 'tariffs' | 'calendar';

/** What the open tool's element receives from the household panel. */
export interface ChildToolContext {
  child: HouseholdMember;
  headingLevel: number;
  lang: string;
  loginUrl?: string | undefined;
  backend?: CitizenBackend | undefined;
}

interface ChildTool {
  id: ChildToolId;
  /** The button on the card. */
  trigger: MessageKey;
  /** The region's heading, with `{name}`. */
  heading: MessageKey;
  /** The region's close button. */
  close: MessageKey;
  /** Loads (once) the code of its element. */
  load(): Promise<unknown>;
  /** Whether the adapter can do it (optional methods of the contract). */
  isAvailable(adapter: CitizenBackend): boolean;
  /** Its element, which takes the child as a property. */
  tag: string;
}

/** In the seeds' order: "Annuler ou réserver", "Signaler une absence", "Inscrire", "Consultation des tarifs", then the issue's "Ajouter à mon agenda". */
export const CHILD_TOOLS: readonly ChildTool[] = [
  {
    id: 'agenda',
    trigger: 'dashboard.family.bookings',
    heading: 'dashboard.agenda.heading',
    close: 'dashboard.agenda.close',
    load: () => import('./child-agenda.js'),
    isAvailable: () => true,
    tag: 'citizen-child-agenda',
  },
  {
    id: 'absence',
    trigger: 'dashboard.family.absence',
    heading: 'dashboard.absence.heading',
    close: 'dashboard.absence.close',
    load: () => import('./absence-form.js'),
    isAvailable: () => true,
    tag: 'citizen-absence-form',
  },
  {
    id: 'enrolment',
    trigger: 'dashboard.family.enrol',
    heading: 'dashboard.enrolment.heading',
    close: 'dashboard.enrolment.close',
    load: () => import('./enrolment-form.js'),
    isAvailable: (adapter) => typeof adapter.listCityActivities === 'function' && typeof adapter.requestEnrolment === 'function',
    tag: 'citizen-enrolment-form',
  },
  {
    id: 'tariffs',
    trigger: 'dashboard.family.tariffs',
    heading: 'dashboard.tariffs.heading',
    close: 'dashboard.tariffs.close',
    load: () => import('./tariffs-panel.js'),
    isAvailable: () => true,
    tag: 'citizen-tariffs-panel',
  },
  {
    id: 'calendar',
    trigger: 'dashboard.family.calendar',
    heading: 'dashboard.calendarFeed.heading',
    close: 'dashboard.calendarFeed.close',
    load: () => import('./calendar-feed.js'),
    isAvailable: () => true,
    tag: 'citizen-calendar-feed',
  },
];

export const childTool = (id: ChildToolId) => CHILD_TOOLS.find((tool) => tool.id === id)!;

/** The tool's element for the child, its heading hidden (the region's heading says it). */
export function renderChildTool(tool: ChildTool, c: ChildToolContext): TemplateResult {
  const tag = unsafeStatic(tool.tag);
  return staticHtml`<${tag}
    hide-heading
    heading-level=${c.headingLevel}
    lang=${c.lang}
    login-url=${c.loginUrl ?? nothing}
    .backend=${c.backend}
    .child=${c.child}
  ></${tag}>`;
}
