// Stats many files: a weekly full check stats every note in the vault. A local disk answers a
// stat from the kernel's cache in a few microseconds, and asking in turn in this thread costs
// about a third of going through libuv's thread pool (35,000 notes: 105–220 ms against 300–420);
// a network drive takes a round trip per stat, so there several are kept in flight through
// fs.stat's callback form (the promise form costs about twice the CPU per call). The first few
// stats are timed to tell which disk this is, and each later batch is timed again, so a disk
// that turns slow part-way is asked in parallel from then on. The answers are kept in columns,
// not as fs.Stats objects: a folder of 50,000 notes would otherwise hold 50,000 of them at once
// (about 20 MB; the CLI's whole normal run fits in 120 MB).

import { stat, statSync, type Stats } from 'node:fs';

/** What a stat found at a path. */
export const Kind = { Missing: 0, File: 1, Folder: 2, Other: 3 } as const;

export interface StatColumns {
  kind: Uint8Array;
  mtimeMs: Float64Array;
  size: Float64Array;
  /** 0 where the file system does not record a birth time. */
  birthtimeMs: Float64Array;
}

/** A stat that takes less than this (ms, on average over a batch) is one the disk answers from its cache. */
export const QUICK_STAT_MS = 0.05;
/** Stats asked in turn before the time is looked at again and the event loop gets a turn. */
const BATCH = 1024;
const PROBE = 32;

/**
 * The stats of `count` paths (the ith is `pathAt(i)`), by index; Kind.Missing where one is gone
 * or cannot be stat-ed. `quickMs` is for tests: 0 asks every path in parallel, Infinity in turn.
 */
export async function statMany(count: number, pathAt: (i: number) => string, inFlight: number, quickMs = QUICK_STAT_MS): Promise<StatColumns> {
  const columns: StatColumns = {
    kind: new Uint8Array(count),
    mtimeMs: new Float64Array(count),
    size: new Float64Array(count),
    birthtimeMs: new Float64Array(count),
  };
  let next = 0;
  for (let batch = PROBE; next < count && quickMs > 0; batch = BATCH) {
    const started = performance.now();
    const from = next;
    const end = Math.min(count, next + batch);
    for (; next < end; next += 1) put(columns, next, statOrNothing(pathAt(next)));
    if ((performance.now() - started) / (end - from) >= quickMs) break;
    if (next < count) await new Promise((resolve) => setImmediate(resolve));
  }
  await inParallel(columns, next, count, pathAt, inFlight);
  return columns;
}

function statOrNothing(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function put(columns: StatColumns, i: number, info: Stats | undefined): void {
  if (!info) return;
  columns.kind[i] = info.isFile() ? Kind.File : info.isDirectory() ? Kind.Folder : Kind.Other;
  columns.mtimeMs[i] = info.mtimeMs;
  columns.size[i] = info.size;
  columns.birthtimeMs[i] = info.birthtimeMs > 0 ? info.birthtimeMs : 0;
}

/** Paths `from` to `count` - 1, `inFlight` at a time. */
function inParallel(columns: StatColumns, from: number, count: number, pathAt: (i: number) => string, inFlight: number): Promise<void> {
  if (from >= count) return Promise.resolve();
  return new Promise((resolve) => {
    let next = from;
    let done = from;
    const start = () => {
      const i = next;
      next += 1;
      stat(pathAt(i), (error, info) => {
        put(columns, i, error ? undefined : info);
        done += 1;
        if (done === count) resolve();
        else if (next < count) start();
      });
    };
    for (let k = 0; k < Math.min(inFlight, count - from); k += 1) start();
  });
}

/** The ith answer as the index records a note's file. */
export function factsAt(columns: StatColumns, i: number): { mtimeMs: number; size: number; birthtimeMs: number } {
  return { mtimeMs: columns.mtimeMs[i]!, size: columns.size[i]!, birthtimeMs: columns.birthtimeMs[i]! };
}
