import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { glossKnowledge } from './knowledge/vite-plugin';

export default defineConfig({
  plugins: [WxtVitest(), glossKnowledge()],
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 20_000,
  },
});
