// The CLI run in-process (runCli), where "now" and the clock can be set and stdout, stderr and the
// exit code are collected as a person would see them.
import { fetchTransport } from '../../core/arxiv/fetch-transport';
import type { CliContext } from '../../core/node/cli/context';
import { runCli } from '../../core/node/cli/run';
import type { FakeClock } from '../support/fake-clock';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface InProcessOptions {
  clock: FakeClock;
  /** The time the run sees, e.g. '2026-06-01T12:00:00-04:00'; the real time when left out. */
  now?: string;
  signal?: AbortSignal;
  env?: Record<string, string>;
}

/** Runs `paper-feed argv…` in `cwd`. */
export async function runCliIn(cwd: string, argv: string[], options: InProcessOptions): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const context: CliContext = {
    argv,
    cwd,
    env: options.env ?? {},
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    version: '0.0.0-test',
    transport: fetchTransport(),
    clock: options.clock,
    ...(options.now ? { now: () => new Date(options.now!) } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const code = await runCli(context);
  return { code, stdout, stderr };
}
