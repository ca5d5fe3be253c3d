// What a benchmark suite hands back to scripts/bench.mjs: one row of the table per benchmark,
// with the figures behind it. Each suite runs in its own Node process and writes its rows as
// JSON to the file named by its first argument.

import { writeFileSync } from 'node:fs';

export interface BenchRow {
  /** Stable key in bench/results.json. */
  id: string;
  what: string;
  /** The measured figure as the table shows it. */
  measured: string;
  comparedWith: string;
  /** The side-by-side ratio, when there is a comparison. */
  ratio: string;
  goal: string;
  /** null when the goal could not be judged (a tool or sample was missing). */
  met: boolean | null;
  /** Anything a reader needs to read the row right (what exactly was timed, what was missing). */
  notes: string[];
  figures: Record<string, unknown>;
}

export function log(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

export async function runSuite(name: string, run: () => Promise<BenchRow[]>): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error(`usage: node ${name}.mjs RESULT.json`);
  const started = performance.now();
  const rows = await run();
  writeFileSync(out, JSON.stringify({ suite: name, seconds: (performance.now() - started) / 1000, rows }, null, 2));
}
