import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests start the built binary; give them room on a loaded 2-core machine.
    testTimeout: 60_000,
    // The JSON report lets .ci/run print its closing "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: '.tmp/vitest-results.json' }]],
  },
});
