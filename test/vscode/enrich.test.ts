// Translation and TL;DRs in VS Code, through the real extension in the stand-in, a local
// arXiv stand-in and a local OpenAI-compatible stand-in: they run after the fetch (whose progress
// ends as soon as the feed shows) in a cancellable progress of their own, are kept in global
// storage, and fill in the tree tooltip and the hover as answers arrive.
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commands, Position, ProgressLocation, type CancellationToken, type MarkdownString } from 'vscode';
import { standIn } from '../stand-ins/vscode';
import { fetchTransport } from '../../core/arxiv/fetch-transport';
import { createArxivClient } from '../../core/arxiv/polite';
import { escapeMarkdown } from '../../vscode-extension/src/shared/paper-markdown';
import { fakeText, fakeTranslation, faults, startLlmServer, type LlmServer } from '../support/llm-server';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import { paperNode, startExtension, type Started } from './support/extension-harness';

const KEY = 'sk-vscode-9a8b7c6d5e4f3a2b1c0d';
const SPARSE = 'Sparse Attention Budgets for Long Documents';
const SPARSE_ID = '2605.30001';
const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) } as unknown as CancellationToken;

let started: Started | undefined;
let arxiv: ArxivStandIn;
let llm: LlmServer;
beforeEach(async () => {
  arxiv = await startArxivServer();
  arxiv.reply('/rss/cs.CL+cs.LG', { body: readFileSync(new URL('./fixtures/announcement.xml', import.meta.url), 'utf8') });
  llm = await startLlmServer();
});
afterEach(async () => {
  await started?.stop();
  started = undefined;
  await arxiv.close();
  await llm.close();
});

// arXiv's 3 s pacing between fetches is the core's to test; here it would only slow the suite.
const services = { client: () => createArxivClient({ transport: fetchTransport(), clock: { now: () => Date.now(), sleep: async () => undefined } }) };

function settings(enrich: Record<string, unknown> = {}): Record<string, unknown> {
  const on = { enabled: true, baseUrl: llm.baseUrl, model: 'qwen2.5:7b', 'produce.tldr': true, ...enrich };
  return {
    'paperFeed.rssBase': arxiv.url('/rss'),
    'paperFeed.categories': ['cs.CL', 'cs.LG'],
    'paperFeed.fetchOnOpen': false,
    ...Object.fromEntries(Object.entries(on).map(([key, value]) => [`paperFeed.enrich.${key}`, value])),
  };
}

/** The progress translation runs in (the fetch's is titled "Paper Feed: fetching …"). */
const translating = () => standIn.shown.progress.filter((p) => p.options.title === 'Paper Feed');

/** Waits until every translation started has ended. */
async function translated(): Promise<void> {
  await vi.waitFor(
    () => {
      expect(translating().length).toBeGreaterThan(0);
      expect(translating().every((p) => p.done)).toBe(true);
    },
    { timeout: 10_000, interval: 10 },
  );
}

/** A reply held back until `release` is called. */
function gate(): { hold: Promise<void>; release: () => void } {
  let release: () => void = () => undefined;
  const hold = new Promise<void>((resolve) => (release = resolve));
  return { hold, release };
}

async function tooltipOf(s: Started, id: string): Promise<string> {
  const node = await paperNode(s.tree, id);
  return (s.tree.resolveTreeItem(s.tree.getTreeItem(node), node).tooltip as MarkdownString).value;
}

async function hoverOver(s: Started, relative: string, character: number): Promise<string> {
  const [registration] = standIn.providers.hover;
  const editor = await s.openEditor(relative, [[0, character]]);
  const shown = await registration!.provider.provideHover(editor.document, new Position(0, character), token);
  return (shown!.contents[0] as MarkdownString).value;
}

async function everyFile(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name), 'utf8')));
  return texts.join('\n');
}

describe('translation after a fetch', () => {
  it('is off by default: a fetch sends nothing and the tooltip shows only the English', async () => {
    started = await startExtension({
      settings: { 'paperFeed.rssBase': arxiv.url('/rss'), 'paperFeed.categories': ['cs.CL', 'cs.LG'], 'paperFeed.fetchOnOpen': false },
    });
    await commands.executeCommand('paperFeed.refresh');
    expect(llm.requests).toEqual([]);
    // No translation, so no second progress.
    expect(standIn.shown.progress.map((p) => p.options.title)).toEqual(['Paper Feed: fetching cs.CL, cs.LG from arXiv']);
    expect(await tooltipOf(started, SPARSE_ID)).toMatch(/^\*\*Sparse Attention Budgets for Long Documents\*\*\n\nMira Okafor/);
  });

  it('shows the feed and ends the fetch’s progress before the first answer, then fills the tooltips in as answers arrive', async () => {
    started = await startExtension({ settings: settings({ concurrency: 1 }), files: { 'draft.md': `See ${SPARSE_ID}.` }, services });
    standIn.answerInputBox(() => KEY);
    await commands.executeCommand('paperFeed.setApiKey');
    // The first answer comes at once; the second waits until the test lets it go.
    const second = gate();
    llm.respond(async (r) => {
      if (r.n === 2) await second.hold;
      return fakeTranslation(r);
    });

    expect(await commands.executeCommand('paperFeed.refresh')).toEqual({ status: 'fetched', date: '2026-05-29', papers: 3 });
    const [fetching] = standIn.shown.progress;
    expect(fetching!.options).toMatchObject({ location: ProgressLocation.Notification, title: 'Paper Feed: fetching cs.CL, cs.LG from arXiv' });
    expect(fetching!.done).toBe(true);
    expect(fetching!.reports).toEqual([]);
    // The feed is there while the model has not answered the second paper yet.
    expect(await paperNode(started.tree, SPARSE_ID)).toBeDefined();
    await vi.waitFor(() => expect(llm.requests).toHaveLength(2), { timeout: 5000, interval: 10 });
    const [translation] = translating();
    expect(translation!.options).toMatchObject({ location: ProgressLocation.Notification, cancellable: true });
    expect(translation!.done).toBe(false);

    // The answer that came already shows; the one held back does not yet.
    const [first, held] = llm.requests.map((r) => r.paper!.title);
    const ids = { [SPARSE]: SPARSE_ID, 'Four-Step Samplers by Consistency Distillation': '2605.30002' } as Record<string, string>;
    expect(await tooltipOf(started, ids[first!]!)).toContain(escapeMarkdown(fakeText(first!, 'zh-CN')));
    expect(await tooltipOf(started, ids[held!]!)).not.toContain('TL;DR');

    second.release();
    await translated();
    expect(translation!.reports.map((r) => r.message)).toEqual(['Translating 0/2…', 'Translating 1/2…', 'Translating 2/2…']);
    expect(llm.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY}`, `Bearer ${KEY}`]);

    const translatedTitle = escapeMarkdown(fakeText(SPARSE, 'zh-CN'));
    const tooltip = await tooltipOf(started, SPARSE_ID);
    expect(tooltip).toMatch(
      new RegExp(`^\\*\\*Sparse Attention Budgets for Long Documents\\*\\*\\n\\n${translatedTitle.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}\\n\\nTL;DR: `),
    );
    expect(await hoverOver(started, 'draft.md', 6)).toContain(`\n\n${translatedTitle}\n\nTL;DR: `);

    const cache = JSON.parse(await readFile(join(started.storage, 'enrich-cache.json'), 'utf8')) as { entries: Record<string, string> };
    expect(Object.keys(cache.entries).sort()).toEqual([
      '2605.30001|v1|zh-CN|qwen2.5:7b|abstract',
      '2605.30001|v1|zh-CN|qwen2.5:7b|title',
      '2605.30001|v1|zh-CN|qwen2.5:7b|tldr',
      '2605.30002|v1|zh-CN|qwen2.5:7b|abstract',
      '2605.30002|v1|zh-CN|qwen2.5:7b|title',
      '2605.30002|v1|zh-CN|qwen2.5:7b|tldr',
    ]);
    expect(await everyFile(started.root)).not.toContain(KEY);
    expect(JSON.stringify(standIn.shown.messages)).not.toContain(KEY);

    await commands.executeCommand('paperFeed.refresh');
    await translated();
    expect(llm.requests).toHaveLength(2);
  });

  it('can fetch again while translating: the older translation stops and the newer one goes on from the cache', async () => {
    started = await startExtension({ settings: settings({ concurrency: 1 }), services });
    const held = gate();
    llm.respond(async (r) => {
      if (r.n === 2) await held.hold;
      return fakeTranslation(r);
    });
    await commands.executeCommand('paperFeed.refresh');
    await vi.waitFor(() => expect(llm.requests).toHaveLength(2), { timeout: 5000, interval: 10 });
    // A second fetch does not wait for the model either.
    expect(await commands.executeCommand('paperFeed.refresh')).toEqual({ status: 'fetched', date: '2026-05-29', papers: 3 });
    held.release();
    await translated();
    expect(translating()).toHaveLength(2);
    // The first paper came from the cache; the second was asked again (its first ask was cut off).
    expect(llm.requests).toHaveLength(3);
    expect(llm.requests[2]!.paper!.title).toBe(llm.requests[1]!.paper!.title);
    expect(standIn.shown.messages).toEqual([]);
  });

  it('stops when its own progress is cancelled; the feed keeps the papers and the next fetch asks only for the rest', async () => {
    started = await startExtension({ settings: settings({ concurrency: 1 }), services });
    llm.respond((r) => {
      if (r.n === 2) translating()[0]!.cancel();
      return r.n === 2 ? faults.slow(5000, fakeTranslation(r)) : fakeTranslation(r);
    });
    expect(await commands.executeCommand('paperFeed.refresh')).toEqual({ status: 'fetched', date: '2026-05-29', papers: 3 });
    await translated();
    expect(standIn.shown.messages).toEqual([]);
    const cache = JSON.parse(await readFile(join(started.storage, 'enrich-cache.json'), 'utf8')) as { entries: Record<string, string> };
    expect(Object.keys(cache.entries)).toHaveLength(3);

    llm.respond(fakeTranslation);
    await commands.executeCommand('paperFeed.refresh');
    await translated();
    expect(llm.requests).toHaveLength(3);
  });

  it('says once that the key was rejected, and the fetch itself succeeds', async () => {
    started = await startExtension({ settings: settings() });
    llm.respond(() => faults.unauthorized());
    expect(await commands.executeCommand('paperFeed.refresh')).toEqual({ status: 'fetched', date: '2026-05-29', papers: 3 });
    await translated();
    expect(standIn.shown.messages.map((m) => [m.level, m.message])).toEqual([
      ['warning', `Paper Feed: ${llm.host} asks for an API key and none is set. Add one in the enrichment settings; translation continues on the next run.`],
    ]);
    expect(await tooltipOf(started, SPARSE_ID)).not.toContain('TL;DR');
  });

  it('names a wrong setting by its VS Code name, and still fetches', async () => {
    started = await startExtension({ settings: settings({ model: '' }) });
    expect(await commands.executeCommand('paperFeed.refresh')).toEqual({ status: 'fetched', date: '2026-05-29', papers: 3 });
    await translated();
    expect(standIn.shown.messages.map((m) => m.message)).toEqual([
      'Paper Feed: Setting paperFeed.enrich.model is empty; name the model the endpoint serves, such as "qwen2.5:7b".',
    ]);
    expect(llm.requests).toEqual([]);
  });
});
