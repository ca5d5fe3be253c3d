import { defineConfig } from 'vitest/config';

// The real-VS-Code suite. scripts/e2e.mjs (npm run test:e2e) starts code-server, Chromium and
// the arXiv stand-in first and passes their addresses in PAPER_FEED_E2E_RUN; run it through there.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.test.ts'],
    // One workbench is shared by the flows, which build on each other in order.
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A flaky e2e test is a defect to fix, never to retry away.
    retry: 0,
  },
});
