// SPDX-License-Identifier: MIT
/** The mock API in a browser (stories, browser tests), through MSW's service worker. */
import { setupWorker } from 'msw/browser';
import { createHandlers, type MockOptions } from './handlers.js';

export const worker = setupWorker(...createHandlers());

let started: Promise<unknown> | undefined;

/**
 * Starts the worker once. Requests the mocks do not know (the page's own modules) go to
 * the network untouched.
 */
export function startMockApi(workerUrl = '/mockServiceWorker.js'): Promise<unknown> {
  started ??= worker.start({ quiet: true, onUnhandledFrame: 'bypass', serviceWorker: { url: workerUrl } });
  return started;
}

/** Replaces the mock API with a fresh one playing `options.scenario`. */
export function useMockScenario(options: MockOptions = {}): void {
  worker.resetHandlers(...createHandlers(options));
}
