// Benchmark: a year of daily use. 250 announcements (Monday to Friday, from the Tuesday after the first Monday after today) run
// one after another into one vault through the CLI's own code (runCli, in this process), the
// clock moved to each evening, so what is calendar-driven happens as in real life: the index's
// weekly full check, and on Mondays `--check-updates` (kept and recent notes looked up on a local
// arXiv API stand-in). Between runs a person uses the vault: rates two of the day's papers (so
// they are kept, and Top picks learns from them), writes in the daily note, and now and then
// renames a paper note. Files get the clock's time as their mtime, as they would have. The last
// 10 runs must cost about what the first 10 do: a run's work follows the announcement, not the
// vault's age.

import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, rename, utimes, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parseRss } from '../core/arxiv/rss';
import type { Clock } from '../core/arxiv/http';
import { runCli } from '../core/node/cli/run';
import { entryAs, feedOf, recordedEntries } from '../test/catch-up/api-entries';
import { feedForDay, listingDay, mondayAfter } from './day-feed';
import { dailyFeed } from './inputs';
import { preprintOf } from './published';
import { figureOf, round, shown } from './stats';
import { log, runSuite } from './suite';

const DAYS = 250;
/**
 * The year starts on the first Monday after today, so the clock is ahead of the real one all year:
 * what the file system stamps with the real time (a folder's mtime when a note is added to it) is
 * in the past for every run, as it is in real life. A year in the past would see those stamps in
 * its future and take every such folder for one changed a moment ago, to be listed again each run.
 */
const FIRST_DAY = mondayAfter(Date.now());
/**
 * The recorded year begins on that week's Tuesday (listing day 1), so its first 10 runs and its
 * last 10 each hold two Monday checks of a vault with notes in it. Begun on the Monday, the first
 * check would look at an empty vault (a third of a second against two seconds), and the first 10
 * would hold one real check against the last 10's two, not like for like.
 */
const FIRST_RUN = 1;
const WARMUP_DAYS = 3;
const HOUR_MS = 60 * 60 * 1000;
/** The run's evening: 02:00 UTC after the listing day's midnight is 21:00 ET the evening before. */
const RUN_HOUR = 2;

declare const gc: () => void;

interface CliJson {
  status: string;
  created: string[];
  updated: string[];
  dailyNote: string;
  matched: number;
  topPicks?: { librarySize: number; picks: string[] };
  catchUp?: { checked: number; requests: number; updates: Array<{ path: string }> };
}

/** The clock every part of the run reads: Date.now moved to `at`, and the polite client's sleeps passing at once. */
function warpedTime(): { set(at: number): void; restore(): void; clock: Clock } {
  const realNow = Date.now.bind(Date);
  let offset = 0;
  Date.now = () => realNow() + offset;
  return {
    set(at) {
      offset = at - realNow();
    },
    restore() {
      Date.now = realNow;
    },
    clock: {
      now: () => Date.now(),
      async sleep(ms) {
        offset += ms;
        await Promise.resolve();
      },
    },
  };
}

await runSuite('year', async () => {
  const feed = dailyFeed();
  const text = feed.bytes.toString('utf8');
  const papers = parseRss(text, ['all']).papers;
  const published = recordedEntries().get('2206.06921');
  if (!published) throw new Error('the recorded API entry 2206.06921 is missing (../shared/arxiv-samples)');
  const preprint = preprintOf(published);
  let served = '';
  let apiRequests = 0;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/rss')) {
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(served);
    } else if (url.pathname === '/api/query') {
      apiRequests += 1;
      // One paper in 20 comes back published (v3, a journal reference and a DOI).
      const ids = (url.searchParams.get('id_list') ?? '').split(',').filter(Boolean);
      response
        .writeHead(200, { 'content-type': 'application/atom+xml' })
        .end(feedOf(ids.map((id) => entryAs(Number(id.slice(-3)) % 20 === 0 ? published : preprint, id))));
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const time = warpedTime();
  const scratch = mkdtempSync(join(tmpdir(), 'paper-feed-bench-year-'));
  const out: string[] = [];
  const discard = { write: () => true, isTTY: false };

  /** Listing day `day`'s run into `vault`: its milliseconds and its JSON report. */
  const runDay = async (vault: string, day: number): Promise<{ ms: number; report: CliJson }> => {
    const at = listingDay(day, FIRST_DAY) + RUN_HOUR * HOUR_MS;
    time.set(at);
    served = feedForDay(text, papers, day, FIRST_DAY);
    out.length = 0;
    // Every Monday (in the warm-up's new vault, the first has nothing to look up).
    const weekly = day % 5 === 0;
    const argv = [
      'daily',
      '--vault',
      vault,
      '--rss-base',
      `${base}/rss`,
      '--api-base',
      `${base}/api/query`,
      '--quiet',
      '--json',
      ...(weekly ? ['--check-updates'] : []),
    ];
    const began = performance.now();
    const code = await runCli({
      argv,
      cwd: scratch,
      env: {},
      stdout: { write: (s: string) => out.push(s) },
      stderr: discard,
      version: 'bench',
      now: () => new Date(Date.now()),
      clock: time.clock,
    });
    const ms = performance.now() - began;
    const report = JSON.parse(out.join('')) as CliJson;
    if (code !== 0 || report.status !== 'written') throw new Error(`day ${day} failed (exit ${code}): ${out.join('').slice(0, 400)}`);
    // What the run wrote was written at the run's time.
    const when = new Date(at);
    for (const path of new Set([...report.created, ...report.updated, report.dailyNote, ...(report.catchUp?.updates ?? []).map((u) => u.path)])) {
      await utimes(join(vault, path), when, when).catch(() => undefined);
    }
    return { ms, report };
  };

  /** What a person does with the day's notes later that evening. */
  const useVault = async (vault: string, day: number, report: CliJson, createdOn: Map<number, string[]>) => {
    const when = new Date(listingDay(day, FIRST_DAY) + (RUN_HOUR + 3) * HOUR_MS);
    createdOn.set(day, report.created);
    // Two papers rated: kept from now on (rating is a keep key), and Top picks learns from them.
    for (const path of report.created.slice(0, 2)) {
      const file = join(vault, path);
      const note = await readFile(file, 'utf8');
      await writeFile(file, note.replace(/^---\n/, '---\nrating: 4\n'));
      await utimes(file, when, when);
    }
    // A line of one's own in the daily note.
    const daily = join(vault, report.dailyNote);
    await writeFile(daily, `${await readFile(daily, 'utf8')}\n- Read the first two tonight.\n`);
    await utimes(daily, when, when);
    // On Wednesdays a paper note from Monday gets a name of one's own.
    const monday = createdOn.get(day - 2);
    if (day % 5 === 2 && monday && monday.length > 3) {
      const from = join(vault, monday[3]!);
      const to = join(dirname(from), `Renamed ${day} - ${basename(from)}`);
      await rename(from, to).catch(() => undefined);
      await utimes(to, when, when).catch(() => undefined);
    }
    createdOn.delete(day - 5);
  };

  try {
    // A few unrecorded days in a vault of their own, so the year's first runs are not the code's first runs.
    const warmVault = join(scratch, 'warm-up');
    for (let day = 0; day < WARMUP_DAYS; day += 1) await runDay(warmVault, day);
    rmSync(warmVault, { recursive: true, force: true });

    const vault = join(scratch, 'vault');
    const createdOn = new Map<number, string[]>();
    const times: number[] = [];
    let notes = 0;
    let kept = 0;
    let checks = 0;
    let checkedPapers = 0;
    let librarySize = 0;
    const started = performance.now();
    log(`a year: ${DAYS} announcements into one vault, the clock moved to each evening…`);
    for (let day = FIRST_RUN; day < FIRST_RUN + DAYS; day += 1) {
      gc();
      const { ms, report } = await runDay(vault, day);
      times.push(ms);
      notes += report.created.length;
      kept += Math.min(2, report.created.length);
      librarySize = report.topPicks?.librarySize ?? librarySize;
      if (report.catchUp) {
        checks += 1;
        checkedPapers += report.catchUp.checked;
      }
      await useVault(vault, day, report, createdOn);
      if (times.length % 50 === 0) log(`run ${times.length}: ${ms.toFixed(0)} ms, ${notes.toLocaleString('en')} paper notes, ${kept} kept`);
    }
    const seconds = (performance.now() - started) / 1000;
    const first = times.slice(0, 10);
    const last = times.slice(-10);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const ratio = sum(last) / sum(first);
    const firstFigure = figureOf(first);
    const lastFigure = figureOf(last);
    // Every 25th run, for the growth curve.
    const curve = times.filter((_, i) => i % 25 === 0 || i === DAYS - 1).map((ms) => Math.round(ms));
    return [
      {
        id: 'year',
        what: `A year of daily use: ${DAYS} announcements into one vault (CLI), the last 10 runs against the first 10`,
        measured: `last 10: ${shown(lastFigure)}`,
        comparedWith: `first 10: ${shown(firstFigure)}`,
        ratio: `${ratio.toFixed(2)}× (sum of the 10 runs); medians ${(lastFigure.median / firstFigure.median).toFixed(2)}×`,
        goal: '≤ 1.3×',
        met: ratio <= 1.3,
        notes: [
          `each run: runCli('daily … --json') in this process, the real feed under a new day's ids and date from a local server, the default config (keyword groups, Top picks on); the clock (Date.now and the polite client's) set to 21:00 ET each listing evening, Monday to Friday from ${new Date(listingDay(FIRST_RUN, FIRST_DAY)).toISOString().slice(0, 10)}, a Tuesday (the clock ahead of the real one, as the file system's own stamps of folders are then in the past), so the index's weekly full check comes every 7 days and Mondays add --check-updates (${checks} checks; the year starts on a Tuesday so that the first 10 runs, like the last 10, hold two Monday checks of a vault with notes in it, where a start on a Monday would make the first check one of an empty vault; ${checkedPapers.toLocaleString('en')} papers looked up in ${apiRequests} API requests to a local stand-in, 1 in 20 published since); each day 2 new papers rated (kept), a line written in the daily note, on Wednesdays a note from Monday renamed; mtimes set to the clock's time`,
          `by the end: ${notes.toLocaleString('en')} paper notes and ${DAYS} daily notes, ${kept} kept (Top picks library ${librarySize}); the year took ${seconds.toFixed(0)} s; run time every 25th day: ${curve.join(', ')} ms; ${WARMUP_DAYS} warm-up days in another vault first`,
        ],
        figures: {
          first: firstFigure,
          last: lastFigure,
          ratio: round(ratio),
          times: times.map((ms) => Math.round(ms)),
          notes,
          kept,
          librarySize,
          checks,
          checkedPapers,
          apiRequests,
        },
      },
    ];
  } finally {
    time.restore();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(scratch, { recursive: true, force: true });
  }
});
