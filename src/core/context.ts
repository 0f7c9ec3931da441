// SPDX-License-Identifier: MIT
/** Contexts through which `<citizen-portal>` hands the adapter and the city config down. */
import { createContext } from '@lit/context';
import type { CitizenBackend } from './backend.js';
import type { CityConfig } from '../schemas/city-config.js';

export const backendContext = createContext<CitizenBackend | undefined>(Symbol.for('citizen-elements/backend'));
export const configContext = createContext<CityConfig | undefined>(Symbol.for('citizen-elements/config'));
