// Figures a reliability run measured (kill points, run counts), appended as JSON lines to
// test-output/reliability/figures.jsonl so docs/RELIABILITY.md can quote real runs.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './cli-host';

export function recordFigures(test: string, figures: Record<string, unknown>): void {
  const folder = join(REPO, 'test-output', 'reliability');
  mkdirSync(folder, { recursive: true });
  appendFileSync(join(folder, 'figures.jsonl'), `${JSON.stringify({ test, at: new Date().toISOString(), ...figures })}\n`);
}
