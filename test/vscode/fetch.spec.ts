// Fetching against a real local arXiv stand-in (127.0.0.1): progress, the kept cache that opens
// the next window without a request, one error with "Retry", the badge, and the fetch on open.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressLocation, commands } from 'vscode';
import { standIn } from '../stand-ins/vscode';
import { createArxivClient } from '../../core/arxiv/polite';
import { fetchTransport } from '../../core/arxiv/fetch-transport';
import { startArxivServer, type ArxivStandIn, type ScriptedResponse } from '../support/arxiv-server';
import { readTree, startExtension, type Started } from './support/extension-harness';
import { RETRY } from '../../vscode-extension/src/fetching/feed-fetcher';

let started: Started | undefined;
let server: ArxivStandIn | undefined;
afterEach(async () => {
  await started?.stop();
  await server?.close();
  started = undefined;
  server = undefined;
});

// The feed of the default categories, and the one of cs.CL and cs.LG.
const DEFAULT_FEED = '/rss/cs.LG+cs.CL+cs.AI+cs.CV+stat.ML';
const CL_LG_FEED = '/rss/cs.CL+cs.LG';
const feed = (name: string): ScriptedResponse => ({ body: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });
const ANNOUNCEMENT = feed('announcement.xml');
const UNAVAILABLE: ScriptedResponse = { status: 503, body: 'Service Unavailable' };

/** The stand-in, answering `path` with `first` until told otherwise. */
async function serve(first: ScriptedResponse, path = DEFAULT_FEED): Promise<ArxivStandIn> {
  const started = await startArxivServer();
  started.reply(path, first);
  return started;
}

const labels = async (s: Started) => (await readTree(s.tree)).map((r) => `${'  '.repeat(r.depth)}${r.item.label as string}`);
// One attempt per request, and a clock whose sleeps pass at once: arXiv's 3 s pacing is the core's
// to test; here it would only make the suite slow.
const instantClock = () => {
  let skipped = 0;
  return { now: () => Date.now() + skipped, sleep: async (ms: number) => void (skipped += ms) };
};
const oneAttempt = () => createArxivClient({ transport: fetchTransport(), maxAttempts: 1, clock: instantClock() });

/** Resolves once `condition` holds, checking after each turn of the event loop (no fixed sleeps). */
async function until(condition: () => boolean, what: string): Promise<void> {
  // Real HTTP to a local server: wait on the condition for up to 10 s, not a tick count that a
  // busy machine can exhaust before the response arrives.
  const deadline = Date.now() + 10_000;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

describe('fetch', () => {
  it('reads the announcement with progress, keeps it, and shows its groups', async () => {
    server = await serve(ANNOUNCEMENT, CL_LG_FEED);
    started = await startExtension({
      settings: { 'paperFeed.rssBase': server.url('/rss'), 'paperFeed.categories': ['cs.CL', 'cs.LG'], 'paperFeed.fetchOnOpen': false },
    });
    expect(await started.tree.getChildren()).toEqual([]);
    const outcome = await commands.executeCommand('paperFeed.refresh');
    expect(outcome).toEqual({ status: 'fetched', date: '2026-05-29', papers: 3 });
    expect(server.requests.map((r) => r.url)).toEqual([CL_LG_FEED]);
    expect(standIn.shown.progress.map((p) => [p.options.location, p.options.title, p.options.cancellable, p.done])).toEqual([
      [ProgressLocation.Notification, 'Paper Feed: fetching cs.CL, cs.LG from arXiv', true, true],
    ]);
    expect(await labels(started)).toEqual([
      'Language models (1)',
      '  Sparse Attention Budgets for Long Documents — Mira Okafor et al.',
      'Reinforcement learning (0)',
      'Diffusion (1)',
      '  Four-Step Samplers by Consistency Distillation — Lucia Ferrer',
    ]);
    expect(standIn.shown.messages).toEqual([]);
  });

  it('opens the next window from the kept cache, without a request', async () => {
    const storage = await mkdtemp(join(tmpdir(), 'paper-feed-storage-'));
    try {
      server = await serve(ANNOUNCEMENT);
      const settings = { 'paperFeed.rssBase': server.url('/rss'), 'paperFeed.fetchOnOpen': false };
      started = await startExtension({ settings, storage });
      await commands.executeCommand('paperFeed.refresh');
      await started.stop();
      server.reply(DEFAULT_FEED, UNAVAILABLE);
      started = await startExtension({ settings, storage });
      expect((await labels(started))[0]).toBe('Language models (1)');
      expect(server.requests).toHaveLength(1);
    } finally {
      await rm(storage, { recursive: true, force: true });
    }
  });

  it('shows one error with "Retry" when arXiv fails, and fetches again when Retry is chosen', async () => {
    server = await serve(UNAVAILABLE);
    started = await startExtension({ settings: { 'paperFeed.rssBase': server.url('/rss') }, services: { client: oneAttempt } });
    standIn.answerMessage((shown) => {
      server!.reply(DEFAULT_FEED, ANNOUNCEMENT);
      return shown.items.includes(RETRY) ? RETRY : undefined;
    });
    const outcome = await commands.executeCommand('paperFeed.refresh');
    const errors = standIn.shown.messages.filter((m) => m.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.items).toEqual(['Retry']);
    expect(errors[0]!.message).not.toContain('\n');
    expect(errors[0]!.message).toMatch(/503/);
    expect(server.requests).toHaveLength(2);
    expect(outcome).toEqual({ status: 'fetched', date: '2026-05-29', papers: 3 });
    expect((await labels(started))[0]).toBe('Language models (1)');
  });

  it('keeps the tree it had when the person dismisses the error', async () => {
    server = await serve(ANNOUNCEMENT);
    started = await startExtension({ settings: { 'paperFeed.rssBase': server.url('/rss') }, services: { client: oneAttempt } });
    await commands.executeCommand('paperFeed.refresh');
    server.reply(DEFAULT_FEED, UNAVAILABLE);
    const outcome = await commands.executeCommand<{ status: string }>('paperFeed.refresh');
    expect(outcome.status).toBe('failed');
    expect(standIn.shown.messages.filter((m) => m.level === 'error')).toHaveLength(1);
    expect((await labels(started))[0]).toBe('Language models (1)');
  });

  it('says when arXiv announced nothing, and keeps the papers it had', async () => {
    server = await serve(ANNOUNCEMENT);
    started = await startExtension({
      settings: { 'paperFeed.rssBase': server.url('/rss') },
      services: { client: oneAttempt, now: () => new Date('2026-05-30T12:00:00Z') },
    });
    await commands.executeCommand('paperFeed.refresh');
    server.reply(DEFAULT_FEED, feed('empty.xml'));
    const outcome = await commands.executeCommand<{ status: string; message: string }>('paperFeed.refresh');
    expect(outcome.status).toBe('empty');
    expect(standIn.shown.messages).toEqual([{ level: 'information', message: outcome.message, items: [], modal: false }]);
    expect(outcome.message).toBe('No arXiv announcement tonight (Saturday); the next is Sunday 20:00 ET.');
    expect((await labels(started))[0]).toBe('Language models (1)');
  });

  it('badges the view with the new matches while it is hidden, and clears the badge once seen', async () => {
    server = await serve(ANNOUNCEMENT);
    started = await startExtension({ settings: { 'paperFeed.rssBase': server.url('/rss'), 'paperFeed.fetchOnOpen': false } });
    await commands.executeCommand('paperFeed.refresh');
    await until(() => started!.view.badge !== undefined, 'the badge');
    expect(started.view.badge).toEqual({ value: 2, tooltip: "2 new papers in arXiv's 2026-05-29 listing" });
    started.view.setVisible(true);
    expect(started.view.badge).toBeUndefined();
    started.view.setVisible(false);
    await started.tree.getChildren();
    expect(started.view.badge).toBeUndefined();
  });

  it('fetches by itself when the view opens and a newer announcement is due', async () => {
    server = await serve(ANNOUNCEMENT);
    started = await startExtension({ settings: { 'paperFeed.rssBase': server.url('/rss') } });
    expect(server.requests).toEqual([]);
    started.view.setVisible(true);
    await until(() => server!.requests.length === 1 && !standIn.shown.progress.some((p) => !p.done), 'the automatic fetch');
    expect(standIn.shown.progress[0]!.options.location).toEqual({ viewId: 'paperFeed.feed' });
    expect((await labels(started))[0]).toBe('Language models (1)');
  });

  it('shows an automatic fetch failure in the view, not as a pop-up', async () => {
    server = await serve(UNAVAILABLE);
    started = await startExtension({ settings: { 'paperFeed.rssBase': server.url('/rss') }, services: { client: oneAttempt } });
    started.view.setVisible(true);
    await until(() => started!.view.message !== undefined, 'the view message');
    expect(started.view.message).toMatch(/503/);
    expect(standIn.shown.messages).toEqual([]);
  });
});
