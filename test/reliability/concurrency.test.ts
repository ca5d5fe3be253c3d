// Two runs at once produce exactly one set of notes: two CLI processes on one vault (the stand-in
// holds both feed requests until both have arrived, so they really overlap), a run that finds the
// vault locked, and Obsidian's automatic fetch meeting the command.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireVaultLock } from '../../core/node/lock';
import { kit } from '../stand-ins/obsidian';
import { startArxivServer, type ArxivStandIn, type RequestHandler } from '../support/arxiv-server';
import { GOOD_FEED, GOOD_FEED_MATCHES } from '../support/fault-feeds';
import { differences, ensureBuiltCli, notes, runCli, snapshot } from './cli-host';
import { recordFigures } from './figures';
import { loadPlugin, newApp, settle } from './obsidian-host';

const FEED_PATH = '/rss/cs.LG+cs.CL+cs.AI+cs.CV+stat.ML';
const CREATED = `${GOOD_FEED_MATCHES} papers matched · ${GOOD_FEED_MATCHES} notes created · 0 updated · daily note arXiv/Daily/2026-05-28.md`;
const NOTHING_NEW = `${GOOD_FEED_MATCHES} papers matched · 0 notes created · 0 updated · daily note arXiv/Daily/2026-05-28.md`;
const BUSY = /^Another Paper Feed run is writing to this vault \(pid \d+\); try again when it finishes\.\n$/;
const ROUNDS = 4;

let server: ArxivStandIn;
let work: string;
let reference: Map<string, string>;

/** Answers nobody until `count` requests have arrived, then everybody at once. */
function barrier(count: number): RequestHandler {
  let waiting: Array<() => void> = [];
  return async () => {
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (waiting.length === count) {
        for (const release of waiting) release();
        waiting = [];
      }
    });
    return { body: GOOD_FEED };
  };
}

beforeAll(async () => {
  ensureBuiltCli();
  server = await startArxivServer({ maxRequests: 100, maxRequestMs: 20_000, lifetimeMs: 600_000 });
  work = await mkdtemp(join(tmpdir(), 'pf-concurrency-'));
  server.reply(`/alone${FEED_PATH}`, { body: GOOD_FEED });
  const vault = join(work, 'reference');
  const alone = await runCli(['daily', '--vault', vault, '--rss-base', server.url('/alone/rss')], work);
  expect(alone.stdout.split('\n')[0]).toBe(CREATED);
  reference = await notes(vault);
}, 120_000);
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

describe('two CLI runs on one vault at once', () => {
  it(`write exactly one set of notes (${ROUNDS} rounds); the second waits its turn or says the vault is busy`, async () => {
    const seconds = { waited: 0, busy: 0 };
    for (let round = 0; round < ROUNDS; round += 1) {
      const slug = `together-${round}`;
      server.handle(`/${slug}${FEED_PATH}`, barrier(2));
      const vault = join(work, slug);
      const args = ['daily', '--vault', vault, '--rss-base', server.url(`/${slug}/rss`)];
      const [a, b] = await Promise.all([runCli(args, work), runCli(args, work)]);

      expect(server.count(`/${slug}${FEED_PATH}`)).toBe(2);
      expect(await notes(vault)).toEqual(reference);
      const [first, second] = a.stdout.startsWith(CREATED) ? [a, b] : [b, a];
      expect(first).toMatchObject({ code: 0, stderr: '' });
      expect(first.stdout.split('\n')[0]).toBe(CREATED);
      if (second.code === 0) {
        expect(second.stderr).toBe('');
        expect(second.stdout.split('\n')[0]).toBe(NOTHING_NEW);
        seconds.waited += 1;
      } else {
        expect(second).toMatchObject({ code: 3, stdout: '' });
        expect(second.stderr).toMatch(BUSY);
        seconds.busy += 1;
      }
    }
    recordFigures('two-cli-runs', { rounds: ROUNDS, secondRunWaitedThenWroteNothing: seconds.waited, secondRunSaidBusy: seconds.busy });
  }, 90_000);

  it('says the vault is busy, with the holder’s pid, and writes nothing while another run holds it', async () => {
    const vault = join(work, 'held');
    server.reply(`/held${FEED_PATH}`, { body: GOOD_FEED });
    const lock = await acquireVaultLock(join(vault, '.paper-feed'));
    try {
      const before = await snapshot(vault);
      const result = await runCli(['daily', '--vault', vault, '--rss-base', server.url('/held/rss')], work);
      expect(result).toEqual({
        code: 3,
        signal: null,
        stdout: '',
        stderr: `Another Paper Feed run is writing to this vault (pid ${process.pid}); try again when it finishes.\n`,
      });
      expect(differences(before, await snapshot(vault))).toEqual([]);
    } finally {
      await lock.release();
    }
    const after = await runCli(['daily', '--vault', vault, '--rss-base', server.url('/held/rss')], work);
    expect(after.stdout.split('\n')[0]).toBe(CREATED);
    expect(await notes(vault)).toEqual(reference);
  }, 30_000);
});

describe('Obsidian: the automatic fetch and the command at the same moment', () => {
  afterEach(() => {
    vi.useRealTimers();
    kit.reset();
  });

  it('make one request and one set of notes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-28T13:00:00Z'));
    kit.reset();
    server.handle(`/obsidian${FEED_PATH}`, async () => ({ body: GOOD_FEED, delayMs: 100 }));
    server.reply(`/obsidian-alone${FEED_PATH}`, { body: GOOD_FEED });
    // What one run alone writes in Obsidian.
    const aloneApp = newApp();
    const alone = await loadPlugin(aloneApp, { rssBase: server.url('/obsidian-alone/rss') });
    await alone.fetcher.fetchToday('command');
    await settle(aloneApp, alone);

    const app = newApp();
    const plugin = await loadPlugin(app, { rssBase: server.url('/obsidian/rss') });
    plugin.device.autoFetch = true;
    kit.reset();
    await Promise.all([plugin.autoFetch.tick(), plugin.fetcher.fetchToday('command'), plugin.fetcher.fetchToday('ribbon')]);
    await settle(app, plugin);

    expect(server.count(`/obsidian${FEED_PATH}`)).toBe(1);
    expect(app.vault.snapshot()).toEqual(aloneApp.vault.snapshot());
    expect(Object.keys(app.vault.snapshot()).sort()).toEqual([...reference.keys()].sort());
    expect(kit.messages().filter((m) => m.startsWith('Paper Feed: 19 papers'))).toEqual([
      `Paper Feed: ${GOOD_FEED_MATCHES} papers for 2026-05-28 · ${GOOD_FEED_MATCHES} new notes · 0 updated`,
    ]);
  });
});
