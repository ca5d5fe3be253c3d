// A CLI run killed with SIGKILL at points spread over its write window, again and again: after
// every kill each note is exactly as before the run or exactly as a clean run leaves it, nothing
// that looks like a note is left behind, and the next run completes the work byte for byte.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import { rssFeed, rssItem, sampleItems } from '../support/fault-feeds';
import { copyVault, finished, notes, runCli, snapshot, startCli, ensureBuiltCli } from './cli-host';
import { recordFigures } from './figures';

const ITERATIONS = Math.max(1, Number(process.env.PAPER_FEED_KILL_ITERATIONS) || 50);
const PARALLEL = 2;
const FEED_PATH = '/rss/cs.LG+cs.CL+cs.AI+cs.CV+stat.ML';
const WEDNESDAY = 'Wed, 27 May 2026 00:00:00 -0400';
const THURSDAY = 'Thu, 28 May 2026 00:00:00 -0400';
/** What a crashed write may leave beside notes: a hidden temp file that is never `.md`. */
const TEMP_FILE = /^\.paper-feed-\d+-[0-9a-f]+\.tmp$/;

let server: ArxivStandIn;
let work: string;
let base: string;
let before: Map<string, string>;
let after: Map<string, string>;

/** Thursday's listing: Wednesday's papers again (seven as new versions) and twelve new ones. */
function thursdayFeed(): string {
  const items = sampleItems(THURSDAY).map((item, i) =>
    i % 6 === 0
      ? item
          .replace(/(oai:arXiv\.org:[\d.]+)v1/, '$1v2')
          .replace(/v1 Announce Type: new \nAbstract: /, 'v2 Announce Type: replace \nAbstract: Revised. ')
          .replace('<arxiv:announce_type>new</arxiv:announce_type>', '<arxiv:announce_type>replace</arxiv:announce_type>')
      : item,
  );
  for (let n = 0; n < 12; n += 1) {
    items.push(
      rssItem({
        id: `2605.${50001 + n}`,
        title: `Large Language Model Study Number ${n + 1}: ${['Scaling', 'Safety', 'Memory', 'Tools'][n % 4]}`,
        abstract: `We study a large language model from angle ${n + 1}. `.repeat(12),
        authors: `Author ${n + 1}, Second Author`,
        categories: ['cs.CL', 'cs.LG'],
        pubDate: THURSDAY,
      }),
    );
  }
  return rssFeed(items, THURSDAY);
}

/** Notes under `vault`, and every other file outside Paper Feed's state folder. */
async function look(vault: string): Promise<{ notes: Map<string, string>; others: string[]; state: string[] }> {
  const files = await snapshot(vault);
  const paths = [...files.keys()];
  return {
    notes: new Map(paths.filter((p) => p.endsWith('.md')).map((p) => [p, files.get(p)!.toString('utf8')])),
    others: paths.filter((p) => !p.endsWith('.md') && !p.startsWith('.paper-feed/')),
    state: paths.filter((p) => p.startsWith('.paper-feed/')),
  };
}

beforeAll(async () => {
  ensureBuiltCli();
  server = await startArxivServer({ maxRequests: ITERATIONS * 2 + 20, maxRequestMs: 20_000, lifetimeMs: 600_000 });
  server.reply(`/wed${FEED_PATH}`, { body: rssFeed(sampleItems(WEDNESDAY), WEDNESDAY) });
  server.reply(`/thu${FEED_PATH}`, { body: thursdayFeed() });
  // In memory when the system offers it: a kill tests the rename, not the disk, and 50 rounds of
  // flushed writes to a real disk would make the loop slow.
  work = await mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'pf-kill-'));
  base = join(work, 'base');
  expect((await runCli(['daily', '--vault', base, '--rss-base', server.url('/wed/rss')], work)).code).toBe(0);
  // The person's own text in three notes: it must survive every crash.
  for (const [i, [path, text]] of [...(await notes(base))]
    .filter(([p]) => p.startsWith('arXiv/Papers/'))
    .slice(0, 3)
    .entries()) {
    await writeFile(join(base, path), `${text.replace('---\n', `---\nmy_rating: ${i + 3}\n`)}Reading notes ${i}: ✍️ keep this.\n`);
  }
  before = await notes(base);
  const reference = join(work, 'reference');
  await copyVault(base, reference);
  const clean = await runCli(['daily', '--vault', reference, '--rss-base', server.url('/thu/rss')], work);
  expect(clean.stdout.split('\n')[0]).toBe('29 papers matched · 12 notes created · 19 updated · daily note arXiv/Daily/2026-05-28.md');
  after = await notes(reference);
}, 120_000);
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

/**
 * Starts a run on a copy of the base vault and calls `onWriting` once the run has begun writing
 * notes (a file appears in the papers folder: a temp file or a new note). Polls every millisecond.
 */
async function startWatched(vault: string, onWriting: (child: ReturnType<typeof startCli>) => void) {
  await copyVault(base, vault);
  const papers = join(vault, 'arXiv', 'Papers');
  const count = readdirSync(papers).length;
  const child = startCli(['daily', '--vault', vault, '--rss-base', server.url('/thu/rss')], work);
  let writingAt: number | undefined;
  const poll = setInterval(() => {
    if (readdirSync(papers).length > count) {
      clearInterval(poll);
      writingAt = Date.now();
      onWriting(child);
    }
  }, 1);
  const run = await finished(child);
  clearInterval(poll);
  // How long this run wrote, when it was seen writing and then ended on its own.
  const wroteMs = writingAt !== undefined && run.signal === null ? Date.now() - writingAt : undefined;
  return { run, wroteMs };
}

/**
 * How long runs write, from their first new file to their exit, as last measured: the median of
 * the runs that finished before their kill (machines and load differ, so the loop keeps learning).
 */
class WriteWindow {
  private readonly spans: number[] = [];
  add(ms: number | undefined): void {
    if (ms !== undefined) this.spans.push(ms);
  }
  get ms(): number {
    const sorted = [...this.spans].sort((a, b) => a - b);
    return Math.max(20, sorted[Math.floor(sorted.length / 2)] ?? 200);
  }
}

interface Outcome {
  killed: boolean;
  /** Notes already in their final state when the run died. */
  done: number;
  tempFiles: number;
}

async function killAndRecover(i: number, afterWritingMs: number, window: WriteWindow): Promise<Outcome> {
  const vault = join(work, `vault-${i}`);
  const { run, wroteMs } = await startWatched(vault, (child) => setTimeout(() => child.kill('SIGKILL'), afterWritingMs));
  window.add(wroteMs);
  const killed = run.signal === 'SIGKILL';
  if (!killed) expect(run.code).toBe(0);

  const crashed = await look(vault);
  for (const path of new Set([...before.keys(), ...after.keys(), ...crashed.notes.keys()])) {
    const now = crashed.notes.get(path);
    // Whole before, or whole after: never a third text, never half a file.
    expect({ path, whole: now === before.get(path) || now === after.get(path) }).toEqual({ path, whole: true });
  }
  expect(crashed.others.filter((p) => !TEMP_FILE.test(basename(p)))).toEqual([]);

  const next = await runCli(['daily', '--vault', vault, '--rss-base', server.url('/thu/rss')], work);
  expect({ code: next.code, stderr: next.stderr }).toEqual({ code: 0, stderr: '' });
  const recovered = await look(vault);
  expect(recovered.notes).toEqual(after);
  expect(recovered.others).toEqual([]);
  // The dead run's lock and temp files are gone once a run has finished; its caches may stay.
  expect(recovered.state.filter((p) => p.startsWith('.paper-feed/lock') || TEMP_FILE.test(basename(p)))).toEqual([]);
  await rm(vault, { recursive: true, force: true });

  const done = [...crashed.notes].filter(([path, text]) => text === after.get(path) && text !== before.get(path)).length;
  return { killed, done, tempFiles: crashed.others.length };
}

it(`leaves every note whole when killed at ${ITERATIONS} points of a run, and the next run completes the work`, async () => {
  const window = new WriteWindow();
  // Two runs side by side, as in the loop, give the first estimate of the write window.
  for (const k of [0, 1]) window.add((await startWatched(join(work, `calibration-${k}`), () => undefined)).wroteMs);
  const changing = [...after].filter(([path, text]) => before.get(path) !== text).length;
  // Kill points spread over the write window and a little past it, counted from the moment the run
  // is seen writing; the fractions are taken in a scattered order so the window can be re-measured.
  const fractions = Array.from({ length: ITERATIONS }, (_, i) => ((i * 0.618034) % 1) * 1.1);
  const outcomes: Outcome[] = [];
  for (let i = 0; i < ITERATIONS; i += PARALLEL) {
    const ms = window.ms;
    const batch = fractions.slice(i, i + PARALLEL).map((f, k) => killAndRecover(i + k, Math.round(f * ms), window));
    outcomes.push(...(await Promise.all(batch)));
  }

  const killed = outcomes.filter((o) => o.killed);
  const midWrite = killed.filter((o) => o.done > 0 && o.done < changing);
  recordFigures('kill-loop', {
    iterations: ITERATIONS,
    writeWindowMs: window.ms,
    notesChangedByARun: changing,
    killed: killed.length,
    killedBeforeAnyWrite: killed.filter((o) => o.done === 0).length,
    killedMidWrite: midWrite.length,
    killedAfterAllWrites: killed.filter((o) => o.done === changing).length,
    finishedBeforeKill: outcomes.length - killed.length,
    tempFilesLeftByKills: outcomes.reduce((n, o) => n + o.tempFiles, 0),
  });
  expect(outcomes).toHaveLength(ITERATIONS);
  // The loop only proves something if some kills landed in the middle of writing.
  expect(midWrite.length).toBeGreaterThan(0);
}, 600_000);
