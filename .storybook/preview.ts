// SPDX-License-Identifier: MIT
/**
 * Every story talks to the MSW mock of /api/v1 (src/mocks). A story picks how the mock
 * answers with `parameters.mockApi`, e.g. `{ scenario: 'wrongPassword' }`; each story
 * starts from a fresh mock, nobody logged in.
 */
import type { Preview } from '@storybook/web-components-vite';
import { startMockApi, useMockScenario } from '../src/mocks/browser.js';
import type { MockOptions } from '../src/mocks/handlers.js';

const preview: Preview = {
  loaders: [
    async ({ parameters }) => {
      // Relative: Storybook may be published under a sub-path.
      await startMockApi('./mockServiceWorker.js');
      useMockScenario(parameters['mockApi'] as MockOptions | undefined);
      return {};
    },
  ],
  parameters: {
    layout: 'padded',
  },
};

export default preview;
