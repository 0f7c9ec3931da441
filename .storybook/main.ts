// SPDX-License-Identifier: MIT
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  // public/ holds MSW's worker (npx msw init public), which the stories' mock API needs.
  staticDirs: ['../public'],
  // Builds offline: with telemetry on, the build waits on the network.
  core: { disableTelemetry: true },
};

export default config;
