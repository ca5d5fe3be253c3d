// What `npm run bench` times: building the library index, restoring it from its cache, and
// ranking one announcement. The caller supplies the papers and the clock (performance.now).

import type { Paper } from '../arxiv/paper';
import { LibraryIndex, type LibraryItem } from './library';
import { rankPapers } from './score';

export interface RankingTimes {
  libraryPapers: number;
  newPapers: number;
  /** Tokenising every library paper into a fresh index (a first run without a cache). */
  buildMs: number;
  /** JSON text → index, then sync against the same items (every later run). */
  restoreMs: number;
  /** rankPapers for the whole announcement, reasons included. */
  rankMs: number;
  cacheBytes: number;
}

/**
 * `settle` runs between the build and the timed restore (the bench passes a forced garbage
 * collection): a daily run restores the cache in a fresh process, not in a heap still holding
 * the garbage of building a 10,000-paper index a moment before.
 */
export function measureRanking(
  library: readonly LibraryItem[],
  papers: readonly Paper[],
  now: () => number,
  settle: () => void = () => undefined,
): RankingTimes {
  const { buildMs, cache } = timedBuild(library, now);
  settle();

  let start = now();
  const restored = LibraryIndex.fromJSON(JSON.parse(cache));
  restored.sync(library);
  const restoreMs = now() - start;

  start = now();
  rankPapers(papers, restored);
  const rankMs = now() - start;
  return { libraryPapers: library.length, newPapers: papers.length, buildMs, restoreMs, rankMs, cacheBytes: cache.length };
}

/** The index built from nothing, timed, and its cache text; the index itself is let go. */
function timedBuild(library: readonly LibraryItem[], now: () => number): { buildMs: number; cache: string } {
  const start = now();
  const built = new LibraryIndex();
  for (const item of library) built.add(item);
  const buildMs = now() - start;
  return { buildMs, cache: JSON.stringify(built.toJSON()) };
}

/**
 * A deterministic stand-in corpus of any size from real abstracts: each item joins 4–8
 * sentences drawn from the sources (seeded), so word statistics stay those of real arXiv text.
 */
export function recombinedAbstracts(
  sources: ReadonlyArray<{ title: string; abstract: string }>,
  count: number,
  seed = 1,
): Array<{ title: string; abstract: string }> {
  const sentences = sources.flatMap((source) => source.abstract.split(/\.\s+/).map((sentence) => `${sentence.replace(/\.$/, '')}.`));
  let state = seed >>> 0 || 1;
  const next = (limit: number): number => {
    // xorshift32: tiny, seeded, identical on every platform.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % limit;
  };
  return Array.from({ length: count }, (_, i) => ({
    title: `${sources[next(sources.length)]!.title} (${i + 1})`,
    abstract: Array.from({ length: 4 + next(5) }, () => sentences[next(sentences.length)]!).join(' '),
  }));
}
