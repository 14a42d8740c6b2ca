import { defineConfig } from 'vitest/config';

// Browser tests drive Debian's Chromium with playwright-core against the built app (dist/).
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
