import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The sample site is built once for build-output, browser and deploy tests;
    // `npm run test:unit` skips it (see package.json).
    globalSetup: process.env.BROADSHEET_SKIP_SAMPLE_BUILD ? [] : ['tests/helpers/sample-site-setup.ts'],
    // Build-output and browser tests build a site first; give them room.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
  },
});
