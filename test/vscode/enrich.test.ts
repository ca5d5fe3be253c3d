// Translation and TL;DRs in VS Code (issue #9), through the real extension in the stand-in, a local
// arXiv stand-in and a local OpenAI-compatible stand-in: they run inside the fetch's progress,
// can be cancelled there, are kept in global storage, and show in the tree tooltip and the hover.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands, Position, type CancellationToken, type MarkdownString, type TextDocument } from 'vscode';
import { standIn } from '../stand-ins/vscode';
import { fetchTransport } from '../../core/arxiv/fetch-transport';
import { createArxivClient } from '../../core/arxiv/polite';
import { escapeMarkdown } from '../../vscode-extension/src/shared/paper-markdown';
import { fakeText, fakeTranslation, faults, startLlmServer, type LlmServer } from '../support/llm-server';
import { startArxivServer, type ArxivServer } from './support/arxiv-server';
import { paperNode, startExtension, type Started } from './support/extension-harness';

const KEY = 'sk-vscode-9a8b7c6d5e4f3a2b1c0d';
const SPARSE = 'Sparse Attention Budgets for Long Documents';
const SPARSE_ID = '2605.30001';
const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) } as unknown as CancellationToken;

let started: Started | undefined;
let arxiv: ArxivServer;
let llm: LlmServer;
beforeEach(async () => {
  arxiv = await startArxivServer({ status: 200, fixture: 'announcement.xml' });
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
    'paperFeed.rssBase': arxiv.rssBase,
    'paperFeed.categories': ['cs.CL', 'cs.LG'],
    'paperFeed.fetchOnOpen': false,
    ...Object.fromEntries(Object.entries(on).map(([key, value]) => [`paperFeed.enrich.${key}`, value])),
  };
}

async function tooltipOf(s: Started, id: string): Promise<string> {
  const node = await paperNode(s.tree, id);
  return (s.tree.resolveTreeItem(s.tree.getTreeItem(node), node).tooltip as MarkdownString).value;
}

async function hoverOver(s: Started, relative: string, character: number): Promise<string> {
  const [registration] = standIn.providers.hover;
  const editor = await s.openEditor(relative, [[0, character]]);
  const shown = await registration!.provider.provideHover(editor.document as unknown as TextDocument, new Position(0, character), token);
  return (shown!.contents[0] as MarkdownString).value;
}

async function everyFile(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name), 'utf8')));
  return texts.join('\n');
}

describe('translation after a fetch', () => {
  it('is off by default: a fetch sends nothing and the tooltip shows only the English', async () => {
    started = await startExtension({ settings: { 'paperFeed.rssBase': arxiv.rssBase, 'paperFeed.categories': ['cs.CL', 'cs.LG'], 'paperFeed.fetchOnOpen': false } });
    await commands.executeCommand('paperFeed.refresh');
    expect(llm.requests).toEqual([]);
    expect(await tooltipOf(started, SPARSE_ID)).toMatch(/^\*\*Sparse Attention Budgets for Long Documents\*\*\n\nMira Okafor/);
  });

  it('runs inside the fetch’s progress with the key from secret storage, and shows in the tooltip and hover', async () => {
    started = await startExtension({ settings: settings(), files: { 'draft.md': `See ${SPARSE_ID}.` }, services });
    standIn.answerInputBox(() => KEY);
    await commands.executeCommand('paperFeed.setApiKey');

    expect(await commands.executeCommand('paperFeed.refresh')).toEqual({ status: 'fetched', date: '2026-05-29', papers: 3 });
    expect(standIn.shown.progress).toHaveLength(1);
    const messages = standIn.shown.progress[0]!.reports.map((r) => r.message);
    expect(messages).toEqual(['Translating 0/2…', 'Translating 1/2…', 'Translating 2/2…']);
    expect(llm.requests.map((r) => [r.paper?.title, r.headers.authorization])).toEqual(
      expect.arrayContaining([
        [SPARSE, `Bearer ${KEY}`],
        ['Four-Step Samplers by Consistency Distillation', `Bearer ${KEY}`],
      ]),
    );
    expect(llm.requests).toHaveLength(2);

    const translated = escapeMarkdown(fakeText(SPARSE, 'zh-CN'));
    const tooltip = await tooltipOf(started, SPARSE_ID);
    expect(tooltip).toMatch(new RegExp(`^\\*\\*Sparse Attention Budgets for Long Documents\\*\\*\\n\\n${translated.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}\\n\\nTL;DR: `));
    expect(await hoverOver(started, 'draft.md', 6)).toContain(`\n\n${translated}\n\nTL;DR: `);

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
    expect(llm.requests).toHaveLength(2);
  });

  it('stops when the fetch is cancelled; the feed keeps the papers and the next fetch asks only for the rest', async () => {
    started = await startExtension({ settings: settings({ concurrency: 1 }), services });
    llm.respond((r) => {
      if (r.n === 2) standIn.shown.progress[0]!.cancel();
      return r.n === 2 ? faults.slow(5000, fakeTranslation(r)) : fakeTranslation(r);
    });
    expect(await commands.executeCommand('paperFeed.refresh')).toEqual({ status: 'fetched', date: '2026-05-29', papers: 3 });
    expect(standIn.shown.messages).toEqual([]);
    const cache = JSON.parse(await readFile(join(started.storage, 'enrich-cache.json'), 'utf8')) as { entries: Record<string, string> };
    expect(Object.keys(cache.entries)).toHaveLength(3);

    llm.respond(fakeTranslation);
    await commands.executeCommand('paperFeed.refresh');
    expect(llm.requests).toHaveLength(3);
  });

  it('says once that the key was rejected, and the fetch itself succeeds', async () => {
    started = await startExtension({ settings: settings() });
    llm.respond(() => faults.unauthorized());
    expect(await commands.executeCommand('paperFeed.refresh')).toEqual({ status: 'fetched', date: '2026-05-29', papers: 3 });
    expect(standIn.shown.messages.map((m) => [m.level, m.message])).toEqual([
      ['warning', `Paper Feed: ${llm.host} asks for an API key and none is set. Add one in the enrichment settings; translation continues on the next run.`],
    ]);
    expect(await tooltipOf(started, SPARSE_ID)).not.toContain('TL;DR');
  });

  it('names a wrong setting by its VS Code name, and still fetches', async () => {
    started = await startExtension({ settings: settings({ model: '' }) });
    expect(await commands.executeCommand('paperFeed.refresh')).toEqual({ status: 'fetched', date: '2026-05-29', papers: 3 });
    expect(standIn.shown.messages.map((m) => m.message)).toEqual([
      'Paper Feed: Setting paperFeed.enrich.model is empty; name the model the endpoint serves, such as "qwen2.5:7b".',
    ]);
    expect(llm.requests).toEqual([]);
  });
});
