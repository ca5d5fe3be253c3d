// A clock whose sleep returns at once and moves time on, so backoff runs in no wall time and
// each wait can be read back.
import type { Clock } from '../../core/arxiv/http';

export interface FakeClock extends Clock {
  sleeps: number[];
}

export function fakeClock(start = Date.UTC(2026, 4, 29, 12)): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
      await Promise.resolve();
    },
  };
}
