// SPDX-License-Identifier: MIT
/**
 * The events of `<family-dashboard>` and its panels. Facts in the past tense, bubbling and
 * composed (they reach the page from inside the dashboard's shadow root).
 */
import type { CitizenRequest } from '../../schemas/requests.js';
import type { Profile } from '../../schemas/profile.js';
// The dashboard's header fires `citizen-logged-out` as `<citizen-login>` does (same detail).
import type {} from '../citizen-login/citizen-login.component.js';
// Panels fire `citizen-session-expired` as `<citizen-session-timeout>` does.
import type {} from '../citizen-session-timeout/citizen-session-timeout.component.js';

/** `detail` of `citizen-profile-updated`. */
export interface ProfileUpdatedDetail {
  /** The profile after the change (parts sent to the city for approval are not in it yet). */
  profile: Profile;
  /** Ids of the requests created for the parts the city must approve (address, phones, e-mail). */
  requestIds: string[];
}

/** `detail` of `citizen-request-sent`. */
export interface RequestSentDetail {
  /** The request as the city received it (status `sent`). */
  request: CitizenRequest;
}

/** `detail` of `citizen-service-key-linked`. */
export interface ServiceKeyLinkedDetail {
  /** The service the key opened, e.g. `enfance`. */
  serviceId: string;
  /** The profile after the link (its `serviceKeys` say so). */
  profile: Profile;
}

/** `detail` of `citizen-message-read`. */
export interface MessageReadDetail {
  messageId: string;
  /** Messages still unread after this one. */
  unreadCount: number;
}

/** `detail` of `citizen-account-closed`: nothing more to say, the account and its sessions are gone. */
export type AccountClosedDetail = Record<string, never>;

declare module '../../core/citizen-element.js' {
  interface CitizenEventMap {
    'citizen-profile-updated': ProfileUpdatedDetail;
    'citizen-request-sent': RequestSentDetail;
    'citizen-service-key-linked': ServiceKeyLinkedDetail;
    'citizen-message-read': MessageReadDetail;
    'citizen-account-closed': AccountClosedDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'citizen-profile-updated': CustomEvent<ProfileUpdatedDetail>;
    'citizen-request-sent': CustomEvent<RequestSentDetail>;
    'citizen-service-key-linked': CustomEvent<ServiceKeyLinkedDetail>;
    'citizen-message-read': CustomEvent<MessageReadDetail>;
    'citizen-account-closed': CustomEvent<AccountClosedDetail>;
  }
}
