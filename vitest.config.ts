import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { glossKnowledge } from './knowledge/vite-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact(), glossKnowledge()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], testTimeout: 20_000 },
      },
      {
        extends: true,
        test: { name: 'components', include: ['tests/components/**/*.test.tsx'], environment: 'happy-dom' },
      },
      {
        extends: true,
        // What only a build can show: the manifests, the shipped code, the store linter, the sources zip.
        test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 60_000 },
      },
      {
        extends: true,
        // The content script's DOM modules, bundled on their own into pages of real browsers: no build needed.
        test: { name: 'dom', include: ['tests/dom/**/*.dom.test.ts'], fileParallelism: false, testTimeout: 30_000, hookTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.browser.test.ts'],
          // Real browsers on a 2-core machine: one test file at a time, generous timeouts.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
