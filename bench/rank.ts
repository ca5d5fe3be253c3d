// Benchmark 10: ranking one announcement's 1,500 new papers against a 10,000-paper library
// (core/rank). A run restores the library index from its cache and ranks; building the index
// from nothing (the first run, without a cache) is reported beside it.

import type { Paper } from '../core/arxiv/paper';
import { parseRss } from '../core/arxiv/rss';
import { measureRanking, recombinedAbstracts } from '../core/rank/benchmark';
import { dailyFeed } from './inputs';
import { figureOf, shown } from './stats';
import { log, runSuite } from './suite';

const LIBRARY = 10_000;
const NEW = 1500;
const RUNS = 3;

await runSuite('rank', async () => {
  const feed = dailyFeed();
  const papers = parseRss(feed.bytes.toString('utf8'), ['all']).papers;
  const announcement: Paper[] = Array.from({ length: NEW }, (_, i) => papers[i % papers.length]!);
  // The library is made of real abstracts' sentences recombined, so its words are arXiv's.
  const library = recombinedAbstracts(papers, LIBRARY);
  log(`ranking ${NEW} papers against ${LIBRARY.toLocaleString('en')} library items, ${RUNS} runs…`);
  // A forced collection after each build: a daily run restores the cache in a fresh process.
  const settle = (): void => (globalThis as { gc?: () => void }).gc?.();
  const runs = Array.from({ length: RUNS }, () => measureRanking(library, announcement, () => performance.now(), settle));
  const perRun = figureOf(runs.map((r) => r.restoreMs + r.rankMs));
  const build = figureOf(runs.map((r) => r.buildMs));
  const rank = figureOf(runs.map((r) => r.rankMs));
  const restore = figureOf(runs.map((r) => r.restoreMs));
  return [
    {
      id: 'rank',
      what: `Rank ${NEW.toLocaleString('en')} new papers against a ${LIBRARY.toLocaleString('en')}-paper library`,
      measured: shown(perRun),
      comparedWith: '—',
      ratio: '',
      goal: '< 1 s',
      met: perRun.median < 1000,
      notes: [
        `a run = restoring the library index from its cache (${shown(restore)}, ${(runs[0]!.cacheBytes / 1e6).toFixed(1)} MB of JSON) + rankPapers with reasons (${shown(rank)}), timed after a forced garbage collection as a fresh process would start it; the first run without a cache builds the index instead: ${shown(build)}`,
        `library: ${LIBRARY.toLocaleString('en')} items recombined from the sentences of ${feed.real ? 'the real feed' : 'a generated feed'}'s abstracts; papers: ${feed.real ? 'the real feed' : 'the generated feed'}'s first ${NEW.toLocaleString('en')}`,
      ],
      figures: { run: perRun, restore, rank, build, cacheBytes: runs[0]!.cacheBytes },
    },
  ];
});
