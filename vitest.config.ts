import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    // The JSON report feeds the "N passed, N failed" line that .ci/run prints last.
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
  },
});
