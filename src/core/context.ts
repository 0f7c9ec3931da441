// SPDX-License-Identifier: MIT
/** Contexts through which `<citizen-portal>` hands the adapter and the city config down. */
import { ContextRoot, createContext } from '@lit/context';
import type { CitizenBackend } from './backend.js';
import type { CityConfig } from '../schemas/city-config.js';

export const backendContext = createContext<CitizenBackend | undefined>(Symbol.for('citizen-elements/backend'));
export const configContext = createContext<CityConfig | undefined>(Symbol.for('citizen-elements/config'));

// An element may upgrade before the <citizen-portal> around it (its tag defined first, a
// portal loaded later): its context request then finds no provider. A ContextRoot on the
// document keeps such requests and replays them when the portal appears. One per page,
// even with two copies of the library loaded.
const ROOT = Symbol.for('citizen-elements/context-root');
const page = globalThis as typeof globalThis & { [ROOT]?: ContextRoot };
if (typeof document !== 'undefined' && !page[ROOT]) {
  page[ROOT] = new ContextRoot();
  page[ROOT].attach(document.documentElement);
}
