// The VS Code extension against the same fault-injecting arXiv stand-in and
// fault table as the CLI and Obsidian: one error message with "Retry" per fault, the kept
// announcements (the cache on disk) byte for byte as they were, and the tree still showing them
// and fetching again on Retry. Then hostile metadata in the tree, its tooltips and the hover.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { CancellationTokenSource, MarkdownString, Position, commands } from 'vscode';
import type { Paper } from '../../core/arxiv/paper';
import { createArxivClient } from '../../core/arxiv/polite';
import { fetchTransport } from '../../core/arxiv/fetch-transport';
import { standIn } from '../stand-ins/vscode';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import { FAULT_ATTEMPTS, FAULT_CASES, HANG_CASE, TIME } from '../support/fault-cases';
import { rssFeed, sampleItems } from '../support/fault-feeds';
import { RETRY } from '../../vscode-extension/src/fetching/feed-fetcher';
import { readTree, startExtension, type Started } from '../vscode/support/extension-harness';
import { paper } from '../vscode/support/papers';
import { makeAnnouncement } from '../support/papers';
import { rawHtml } from './checks';
import { PROPERTY_RUNS, hostileMetadata } from './hostile';

const CATEGORIES = ['cs.LG', 'cs.CL', 'cs.AI', 'cs.CV', 'stat.ML'];
const FEED_PATH = `/rss/${CATEGORIES.join('+')}`;
const HANG_TIMEOUT_MS = 300;
const GROUP_LINE = 'Language models (10)';

let server: ArxivStandIn;
let work: string;

beforeAll(async () => {
  server = await startArxivServer({ maxRequests: 200, maxRequestMs: 15_000, lifetimeMs: 600_000 });
  work = await mkdtemp(join(tmpdir(), 'pf-faults-vscode-'));
  server.reply(`/good${FEED_PATH}`, { body: rssFeed(sampleItems()) });
});
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

/** arXiv's pacing and retry waits pass at once; the core's own tests hold them to time. */
function instantClient() {
  let skipped = 0;
  const clock = { now: () => Date.now() + skipped, sleep: async (ms: number) => void (skipped += ms) };
  return createArxivClient({ transport: fetchTransport(), maxAttempts: FAULT_ATTEMPTS, clock, timeoutMs: HANG_TIMEOUT_MS });
}

async function files(dir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) found.set(join(entry.parentPath, entry.name).slice(dir.length), await readFile(join(entry.parentPath, entry.name), 'utf8'));
  }
  return found;
}

const labelsOf = async (s: Started) => (await readTree(s.tree)).map((r) => `${'  '.repeat(r.depth)}${String(r.item.label)}`);

// VS Code shows the CLI's sentence without the CLI's "--sample" hint.
const SAMPLE_HINT = ', or run with --sample to try Paper Feed offline.'.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const cases = [
  ...FAULT_CASES.map((c) => ({ slug: c.slug, label: c.label, replies: c.replies, requests: c.requests, message: c.cli.replace(SAMPLE_HINT, '\\.') })),
  {
    slug: HANG_CASE.slug,
    label: HANG_CASE.label,
    replies: HANG_CASE.replies,
    requests: HANG_CASE.requests,
    message: `arXiv did not answer in ${FAULT_ATTEMPTS} tries over \\d+ s \\(each given ${HANG_TIMEOUT_MS / 1000} s\\)\\. Try again later\\.`,
  },
];

describe('VS Code against a failing arXiv', () => {
  it.each(cases.map((c) => [c.label, c] as const))('%s: one message with Retry, the cache and the tree as they were', async (_label, fault) => {
    server.reply(`/f/${fault.slug}${FEED_PATH}`, ...fault.replies);
    const storage = join(work, fault.slug);
    const settings = { 'paperFeed.rssBase': server.url('/good/rss'), 'paperFeed.categories': CATEGORIES, 'paperFeed.fetchOnOpen': false };
    const started = await startExtension({ settings, storage, services: { client: instantClient } });
    try {
      expect(await commands.executeCommand('paperFeed.refresh')).toMatchObject({ status: 'fetched', date: '2026-05-28' });
      const tree = await labelsOf(started);
      const cache = await files(storage);
      expect(tree[0]).toBe(GROUP_LINE);
      standIn.setSetting('paperFeed.rssBase', server.url(`/f/${fault.slug}/rss`));
      standIn.shown.messages.length = 0;
      const outcome = await commands.executeCommand<{ status: string; message: string }>('paperFeed.refresh');

      expect(outcome.status).toBe('failed');
      expect(standIn.shown.messages).toEqual([{ level: 'error', message: outcome.message, items: [RETRY], modal: false }]);
      expect(outcome.message).toMatch(new RegExp(`^${fault.message.replaceAll(TIME, '\\d{2}:\\d{2}')}$`));
      expect(server.count(`/f/${fault.slug}${FEED_PATH}`)).toBe(fault.requests);
      expect(await files(storage)).toEqual(cache);
      expect(await labelsOf(started)).toEqual(tree);

      // The tree stays usable: Retry, with arXiv back, fetches again.
      standIn.answerMessage(() => {
        standIn.setSetting('paperFeed.rssBase', server.url('/good/rss'));
        return RETRY;
      });
      standIn.setSetting('paperFeed.rssBase', server.url(`/f/${fault.slug}/rss`));
      expect(await commands.executeCommand('paperFeed.refresh')).toMatchObject({ status: 'fetched', date: '2026-05-28' });
      expect(await labelsOf(started)).toEqual(tree);
    } finally {
      await started.stop();
    }
  });
});

describe('VS Code with hostile metadata', () => {
  it('shows every hostile paper in the tree, its tooltip and its hover as untrusted Markdown, with no command link and no raw HTML (property)', async () => {
    const metas = fc.sample(hostileMetadata(), { numRuns: HOSTILE_PAPERS, seed: 15 });
    const papers = metas.map((meta, i) =>
      paper(`2605.${String(30001 + i)}`, meta.title, meta.authors, meta.abstract, {
        categories: ['cs.LG'],
        comment: meta.comment,
        journalRef: meta.journalRef,
      }),
    );
    const announcement = makeAnnouncement(papers, { date: '2026-05-28', announcedAt: '2026-05-27T20:00:00-04:00' });
    const settings = { 'paperFeed.groups': [{ name: 'All', include: [], categories: ['cs'] }], 'paperFeed.fetchOnOpen': false };
    const started = await startExtension({
      announcements: [announcement],
      settings,
      files: { 'draft.md': papers.map((p) => `See arXiv:${p.id}.`).join('\n') },
    });
    try {
      const rows = (await readTree(started.tree)).filter((r) => r.node.kind === 'paper');
      expect(rows.map((r) => (r.node as { paper: Paper }).paper.id).sort()).toEqual(papers.map((p) => p.id).sort());
      const shown: Array<[string, MarkdownString]> = [];
      for (const row of rows) {
        for (const text of [row.item.label, row.item.description]) expect(oneLineProblem(text), String(text)).toBeUndefined();
        shown.push([`tooltip of ${String(row.item.label)}`, started.tree.resolveTreeItem(row.item, row.node).tooltip as MarkdownString]);
      }
      const [hoverProvider] = standIn.providers.hover;
      const editor = await started.openEditor('draft.md', [[0, 0]]);
      for (let line = 0; line < papers.length; line += 1) {
        const hover = await hoverProvider!.provider.provideHover(editor.document, new Position(line, 8), new CancellationTokenSource().token);
        const [content] = (hover?.contents ?? []) as MarkdownString[];
        expect(content, `hover on line ${line}`).toBeInstanceOf(MarkdownString);
        shown.push([`hover of ${papers[line]!.id}`, content!]);
      }
      for (const [where, markdown] of shown) {
        expect(markdown, where).toBeInstanceOf(MarkdownString);
        expect([where, markdown.isTrusted, markdown.supportHtml]).toEqual([where, false, false]);
        expect([where, rawHtml(markdown.value)]).toEqual([where, []]);
        expect([where, linkTargets(markdown.value).filter((t) => !/^https:\/\/arxiv\.org\/(abs|pdf)\/2605\.3\d{4}(v\d+)?$/.test(t))]).toEqual([where, []]);
      }
    } finally {
      await started.stop();
    }
  });
});

/** Hostile papers shown at once (each is checked in the tree, its tooltip and a hover). */
const HOSTILE_PAPERS = Math.min(PROPERTY_RUNS, 80);

/** Every link a Markdown renderer would follow: [text](target) and <scheme:…> autolinks not escaped. */
function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  for (const m of markdown.matchAll(/\]\(([^)\s]*)\)|<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>/g)) {
    let backslashes = 0;
    while (markdown[m.index - 1 - backslashes] === '\\') backslashes += 1;
    if (backslashes % 2 === 0) targets.push(m[1] ?? m[2]!);
  }
  return targets;
}

/** Why a tree label or description would not show as one line of plain text, or undefined. */
function oneLineProblem(text: unknown): string | undefined {
  if (text === undefined || typeof text === 'boolean') return undefined;
  const value = typeof text === 'string' ? text : (text as { label: string }).label;
  return /[\u0000-\u001f\u007f\u2028\u2029]/.test(value) ? 'a control character or line break' : undefined;
}

describe('VS Code settings with a catastrophic rule', () => {
  it('are refused in one message naming the rule, before anything is asked of arXiv', async () => {
    const requestsBefore = server.requests.length;
    const settings = {
      'paperFeed.rssBase': server.url('/good/rss'),
      'paperFeed.groups': [{ name: 'Regex', include: ['/(a+)+$/'] }],
      'paperFeed.fetchOnOpen': false,
    };
    const started = await startExtension({ settings, services: { client: instantClient } });
    try {
      const outcome = await commands.executeCommand<{ status: string; message: string }>('paperFeed.refresh');
      expect(outcome.status).toBe('failed');
      expect(outcome.message).toBe(
        'groups[0].include[0]: "/(a+)+$/" repeats a group that itself repeats (like "(a+)+"), which can make matching a long abstract take hours; write it without the nested repetition (for example "/a+$/" instead of "/(a+)+$/"). Fix it in the Paper Feed settings (paperFeed.*).',
      );
      expect(server.requests.length).toBe(requestsBefore);
    } finally {
      await started.stop();
    }
  });
});
