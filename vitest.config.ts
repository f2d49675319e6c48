import { defineConfig } from 'vitest/config';

/** The sample site, built once per run for the projects that read it (tests/helpers/sample-site-setup.ts). */
const sampleSite = ['tests/helpers/sample-site-setup.ts'];

/**
 * Four projects: `unit` (pure logic, the Markdown pipeline, the validator's
 * command line: seconds, no site built), `build` (built sites and their
 * output), `browser` (chromium on built sites) and `deploy` (publishing built
 * sites). `npm run test:unit` runs the first; `npm test` runs all four.
 * Projects inherit the options below.
 */
export default defineConfig({
  test: {
    // Build-output and browser tests build a site first; give them room.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/lib/**/*.test.ts', 'tests/markdown/**/*.test.ts', 'tests/loaders/**/*.test.ts', 'tests/validate-cli.test.ts'] } },
      { extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'], globalSetup: sampleSite } },
      { extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], globalSetup: sampleSite } },
      { extends: true, test: { name: 'deploy', include: ['tests/deploy/**/*.test.ts'], globalSetup: sampleSite } },
    ],
  },
});
