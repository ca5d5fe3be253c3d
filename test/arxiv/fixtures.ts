// Where the tests find their XML: the project's own small fixtures, and arXiv's real
// recorded responses in ../shared/arxiv-samples (read in place, never copied here).

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export const SAMPLES_DIR = resolve(repoRoot, '..', 'shared', 'arxiv-samples');
export const samplesPresent = existsSync(SAMPLES_DIR);

export function fixture(name: string): string {
  return readFileSync(resolve(repoRoot, 'test', 'fixtures', 'arxiv', name), 'utf8');
}

export function sample(relativePath: string): string {
  return readFileSync(resolve(SAMPLES_DIR, relativePath), 'utf8');
}
