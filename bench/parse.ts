// Benchmarks 1 and 2: reading arXiv's answers into papers, against Python feedparser on the same
// bytes. Both sides run in long-lived processes and time only the parse (ours includes decoding
// the UTF-8 bytes, as feedparser does); runs alternate between the two.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseApiFeed } from '../core/arxiv/api';
import { parseRss } from '../core/arxiv/rss';
import { startFeedparser, type FeedparserOrWhy } from './feedparser';
import { apiPage, dailyFeed, type FeedBytes } from './inputs';
import { alternate, repeat, shown } from './stats';
import { log, runSuite, type BenchRow } from './suite';

const PAIRS = 7;

interface ParseCase {
  id: string;
  what: string;
  feed: FeedBytes;
  /** Parses the decoded text and returns how many items it read (papers plus skipped). */
  parse(text: string): number;
}

async function measure(c: ParseCase, fp: FeedparserOrWhy, scratch: string): Promise<BenchRow> {
  const notes = [`input: ${c.feed.source}`];
  let ours = 0;
  // Neither side forces a collection between runs: both run as a long-lived process would.
  const runOurs = async () => {
    const start = performance.now();
    ours = c.parse(new TextDecoder().decode(c.feed.bytes));
    return performance.now() - start;
  };
  const row = { id: c.id, what: c.what, goal: '≥ 10× faster (median ratio)' };
  if (!fp.ok) {
    const figure = await repeat(runOurs, PAIRS, 2);
    notes.push(`feedparser comparison unavailable: ${fp.why}`);
    return {
      ...row,
      measured: shown(figure),
      comparedWith: 'feedparser: unavailable',
      ratio: 'unavailable',
      met: null,
      notes,
      figures: { ours: figure, items: ours },
    };
  }
  const file = join(scratch, `${c.id}.xml`);
  writeFileSync(file, c.feed.bytes);
  await fp.feedparser.load(file);
  let theirs = 0;
  const runTheirs = async () => {
    const { ms, entries } = await fp.feedparser.parse();
    theirs = entries;
    return ms;
  };
  log(`${c.id}: ${PAIRS} alternating pairs, ours vs feedparser…`);
  const result = await alternate(runOurs, runTheirs, PAIRS, 1);
  notes.push(`items read: ours ${ours}, feedparser ${theirs}`);
  return {
    ...row,
    measured: shown(result.a),
    comparedWith: `feedparser ${fp.feedparser.version}: ${shown(result.b)}`,
    ratio: `${result.ratio.median.toFixed(1)}× faster (${result.ratio.min.toFixed(1)}–${result.ratio.max.toFixed(1)})`,
    met: result.ratio.median >= 10,
    notes,
    figures: { ours: result.a, feedparser: result.b, speedup: result.ratio, itemsOurs: ours, itemsFeedparser: theirs },
  };
}

await runSuite('parse', async () => {
  const fp = await startFeedparser();
  if (fp.ok) log(`feedparser ${fp.feedparser.version} on Python ${fp.feedparser.python} (${fp.feedparser.provenance})`);
  else log(`feedparser unavailable: ${fp.why}`);
  const scratch = mkdtempSync(join(tmpdir(), 'paper-feed-bench-parse-'));
  try {
    const rss = dailyFeed();
    const api = apiPage(2000);
    const rows = [
      await measure(
        {
          id: 'rss-parse',
          what: `Parse the ${rss.real ? 'real ' : ''}1,504-item RSS into papers`,
          feed: rss,
          parse: (text) => {
            const a = parseRss(text, ['all']);
            return a.papers.length + a.skipped.length;
          },
        },
        fp,
        scratch,
      ),
      await measure(
        {
          id: 'api-parse',
          what: 'Parse a 2,000-entry API page into papers',
          feed: api,
          parse: (text) => {
            const page = parseApiFeed(text);
            return page.papers.length + page.skipped.length;
          },
        },
        fp,
        scratch,
      ),
    ];
    if (fp.ok)
      for (const row of rows)
        row.notes.push(`feedparser: Debian python3-feedparser on /usr/bin/python3 (Python ${fp.feedparser.python}); ${fp.feedparser.provenance}`);
    return rows;
  } finally {
    if (fp.ok) fp.feedparser.close();
    rmSync(scratch, { recursive: true, force: true });
  }
});
