// A Clock for tests: sleeping returns at once but moves `now` forward and is recorded, so a
// test can check a 3 s gap or a 2 s Retry-After wait without waiting.

import type { Clock } from '../../core/arxiv/http';

export interface FakeClock extends Clock {
  /** Every sleep asked for, in milliseconds, in order. */
  readonly sleeps: number[];
  /** Moves time forward without a sleep (time passing elsewhere). */
  advance(ms: number): void;
}

export function createFakeClock(start = Date.parse('2026-05-28T12:00:00Z')): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance(ms) {
      now += ms;
    },
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
      // Yield once, as a real timer would, so other queued work can run in between.
      await Promise.resolve();
      if (signal?.aborted) throw signal.reason;
    },
  };
}
