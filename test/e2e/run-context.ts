// What scripts/e2e.mjs started for this run (code-server, Chromium, the arXiv stand-in), read
// from the file it names in PAPER_FEED_E2E_RUN.
import { readFileSync } from 'node:fs';

export interface E2eRun {
  codeServerUrl: string;
  codeServerLog: string;
  standInUrl: string;
  wsEndpoint: string;
  workspaceDir: string;
  screenshotDir: string;
}

export function readRun(): E2eRun {
  const runFile = process.env.PAPER_FEED_E2E_RUN;
  if (!runFile) {
    throw new Error('PAPER_FEED_E2E_RUN is not set: run the suite with `npm run test:e2e`, which starts code-server first.');
  }
  return JSON.parse(readFileSync(runFile, 'utf8')) as E2eRun;
}
