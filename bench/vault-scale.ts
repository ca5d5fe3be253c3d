// Benchmark 5: a run's cost must grow with the announcement, not with the vault. One day's
// announcement (the default keyword groups, as a person starting out would have them) written
// into a vault that already holds 50,000 paper notes, against the same into one holding 500.
// Each timed run is a new day: the real feed under fresh ids and a new date, so both vaults grow
// by one day's notes per run, as they do in use; the notes already there were last changed at
// dates spread over the two years before (a vault that has grown, not one written a moment ago).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Announcement } from '../core/arxiv/paper';
import { parseRss } from '../core/arxiv/rss';
import { DEFAULT_CONFIG } from '../core/config';
import { FsVaultStore } from '../core/node/fs-store';
import { fileLibraryCache } from '../core/node/library-cache';
import { FILE_SYSTEM_WRITES_AT_ONCE, writeAnnouncement, type WriteReport } from '../core/notes/write';
import { generateVault } from './disk-vault';
import { dailyFeed, syntheticId } from './inputs';
import { alternate, shown } from './stats';
import { log, runSuite } from './suite';

const PAIRS = 4;
const BIG = 50_000;
const SMALL = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Day `day` of the benchmark: the feed's papers under ids of month 25MM, listed on 2025-MM-15. */
function dayOf(announcement: Announcement, day: number): Announcement {
  const month = String(1 + day).padStart(2, '0');
  const papers = announcement.papers.map((paper, i) => {
    const id = syntheticId(i, `25${month}`);
    return { ...paper, id, absUrl: `https://arxiv.org/abs/${id}`, pdfUrl: `https://arxiv.org/pdf/${id}v${paper.version}` };
  });
  return { ...announcement, papers, date: `2025-${month}-15`, announcedAt: `2025-${month}-14T20:00:00-04:00` };
}

await runSuite('vault-scale', async () => {
  const feed = dailyFeed();
  const announcement = parseRss(feed.bytes.toString('utf8'), ['all']);
  const config = DEFAULT_CONFIG;
  const scratch = mkdtempSync(join(tmpdir(), 'paper-feed-bench-scale-'));
  try {
    const vaults = { small: join(scratch, 'small'), big: join(scratch, 'big') };
    let start = performance.now();
    await generateVault(vaults.small, SMALL, announcement.papers);
    await generateVault(vaults.big, BIG, announcement.papers);
    const generateSeconds = (performance.now() - start) / 1000;
    log(`generated ${SMALL} and ${BIG.toLocaleString('en')} paper notes in ${generateSeconds.toFixed(1)} s`);

    let report: WriteReport | undefined;
    const days = { [vaults.small]: 0, [vaults.big]: 0 };
    const runInto = (vault: string, now?: () => number) => async () => {
      const store = new FsVaultStore(vault, now ? { now } : {});
      const day = dayOf(announcement, days[vault]!);
      days[vault]! += 1;
      const began = performance.now();
      // As the CLI's daily run: Top picks on (the default), the library cache in .paper-feed/.
      report = await writeAnnouncement(day, config, store, { writesAtOnce: FILE_SYSTEM_WRITES_AT_ONCE, library: fileLibraryCache(await store.stateFolder()) });
      const ms = performance.now() - began;
      full = store.lastIndexWasFullCheck;
      return ms;
    };
    // Typed wide: TypeScript does not see runInto set it.
    let full = false as boolean;
    // The first run into each vault builds its index (a full check: every note's head is read).
    start = performance.now();
    await runInto(vaults.small)();
    const firstSmall = performance.now() - start;
    start = performance.now();
    await runInto(vaults.big)();
    const firstBig = performance.now() - start;
    log(`first runs (index built): ${firstSmall.toFixed(0)} ms and ${firstBig.toFixed(0)} ms; now ${PAIRS} alternating pairs…`);
    const result = await alternate(runInto(vaults.small), runInto(vaults.big), PAIRS, 1);
    const written = report!.created.length;
    // Once a week a run stats every note (edits in place to old notes are caught then).
    const weekly = await runInto(vaults.big, () => Date.now() + 8 * DAY_MS)();
    const weeklyWasFull = full;
    log(`weekly full check into ${BIG.toLocaleString('en')} notes: ${weekly.toFixed(0)} ms (full check: ${weeklyWasFull})`);
    return [
      {
        id: 'vault-scale',
        what: `Run one announcement against a vault holding ${BIG.toLocaleString('en')} paper notes`,
        measured: shown(result.b),
        comparedWith: `the same against ${SMALL} notes: ${shown(result.a)}`,
        ratio: `${result.ratio.median.toFixed(2)}× (${result.ratio.min.toFixed(2)}–${result.ratio.max.toFixed(2)})`,
        goal: '≤ 1.5×',
        met: result.ratio.median <= 1.5,
        notes: [
          `each run: writeAnnouncement of a new day (${feed.real ? 'the real' : 'a generated'} 1,504-paper feed under fresh ids and a new date) with the default keyword groups and Top picks on, as the CLI runs it (${report!.matched} papers matched: ${written} paper notes and the daily note written per run), through FsVaultStore (writesAtOnce ${FILE_SYSTEM_WRITES_AT_ONCE}); both vaults keep the notes each run wrote, so they grow by a day per run`,
          `vaults generated in ${generateSeconds.toFixed(1)} s (each feed paper's note rendered by renderPaperNote, then written under every generated id, citekey and date, each dated some day in the two years before), then one run each that builds the index (${firstSmall.toFixed(0)} ms with ${SMALL} notes, ${firstBig.toFixed(0)} ms with ${BIG.toLocaleString('en')}); the figures are the runs after that`,
          `once a week a run stats every note, so an edit made in place to an old note is seen: that run into ${BIG.toLocaleString('en')} notes took ${weekly.toFixed(0)} ms${weeklyWasFull ? '' : ' (but it was NOT a full check: the bench is wrong)'}`,
        ],
        figures: {
          big: result.b,
          small: result.a,
          ratio: result.ratio,
          firstSmallMs: firstSmall,
          firstBigMs: firstBig,
          weeklyFullCheckMs: weekly,
          generateSeconds,
          matched: report!.matched,
        },
      },
    ];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
