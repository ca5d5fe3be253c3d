// "Top picks" in VS Code, through the real extension: the kept announcement ranked
// against the workspace vault's kept notes, each group sorted by relevance when asked, and the
// reason in a paper's tooltip.
import { afterEach, describe, expect, it } from 'vitest';
import { commands, type MarkdownString } from 'vscode';
import { standIn } from '../stand-ins/vscode';
import type { Announcement } from '../../core/arxiv/paper';
import { keptNotes } from '../notes/kept-notes';
import { paper } from './support/papers';
import { readTree, startExtension, type Started } from './support/extension-harness';

let started: Started | undefined;
afterEach(async () => {
  await started?.stop();
  started = undefined;
});

const bytes = paper(
  '2605.50001',
  'Byte Models for Low-Resource Scripts',
  ['Amara Nwosu'],
  'A byte-level language model matches a subword baseline on six languages.',
);
const drafts = paper(
  '2605.50002',
  'Draft Tokens Make Large Language Model Decoding Faster',
  ['Ravi Menon', 'Ines Duarte'],
  'A small draft model proposes tokens that the large language model verifies in parallel; speculative sampling keeps the output distribution and halves decoding time.',
);
const tracking = paper(
  '2605.50003',
  'Efficient Object Tracking on Edge Devices',
  ['Yuki Sato'],
  'A tracker that runs at thirty frames per second on a phone.',
  { categories: ['cs.CV'] },
);
const announcement: Announcement = {
  date: '2026-05-29',
  announcedAt: '2026-05-28T20:00:00-04:00',
  categories: ['cs.CL', 'cs.CV'],
  papers: [bytes, drafts, tracking],
  skipped: [],
};

/** The papers of the "Language models" group, in tree order. */
async function languageModels(s: Started): Promise<string[]> {
  const rows = await readTree(s.tree);
  const group = rows.findIndex((r) => r.node.kind === 'group' && r.node.name === 'Language models');
  return rows
    .slice(group + 1)
    .filter((r) => r.depth === 1 && r.node.kind === 'paper')
    .map((r) => (r.node.kind === 'paper' ? r.node.paper.id : ''));
}

async function tooltipOf(s: Started, id: string): Promise<string> {
  const row = (await readTree(s.tree)).find((r) => r.node.kind === 'paper' && r.node.paper.id === id)!;
  return (s.tree.resolveTreeItem(row.item, row.node).tooltip as MarkdownString).value;
}

describe('Top picks in the feed', () => {
  it('keeps arXiv order inside a group by default', async () => {
    started = await startExtension({ announcements: [announcement], files: keptNotes() });
    expect(await languageModels(started)).toEqual(['2605.50001', '2605.50002']);
  });

  it('sorts each group by relevance to the kept notes when paperFeed.orderGroupsByRelevance is on', async () => {
    started = await startExtension({ announcements: [announcement], files: keptNotes(), settings: { 'paperFeed.orderGroupsByRelevance': true } });
    expect(await languageModels(started)).toEqual(['2605.50002', '2605.50001']);
  });

  it('says in the tooltip how relevant a paper is and why, with the library paper by its title', async () => {
    started = await startExtension({ announcements: [announcement], files: keptNotes() });
    const tooltip = await tooltipOf(started, '2605.50002');
    expect(tooltip).toContain(
      '**Draft Tokens Make Large Language Model Decoding Faster**\n\n' +
        'Relevance 0\\.41 — close to “Accelerating Large Language Model Decoding with Speculative Sampling”; shares *large language model*, *model decoding*, *speculative sampling*\n\n' +
        'Ravi Menon, Ines Duarte',
    );
  });

  it('finds the kept notes in paperFeed.vaultFolder', async () => {
    const inVault = Object.fromEntries(Object.entries(keptNotes()).map(([path, text]) => [`Vault/${path}`, text]));
    started = await startExtension({
      announcements: [announcement],
      files: inVault,
      settings: { 'paperFeed.vaultFolder': 'Vault', 'paperFeed.orderGroupsByRelevance': true },
    });
    expect(await languageModels(started)).toEqual(['2605.50002', '2605.50001']);
  });

  it('keeps arXiv order and gives no reason while the library has fewer than five papers', async () => {
    const four = Object.fromEntries(Object.entries(keptNotes()).slice(2));
    started = await startExtension({ announcements: [announcement], files: four, settings: { 'paperFeed.orderGroupsByRelevance': true } });
    expect(await languageModels(started)).toEqual(['2605.50001', '2605.50002']);
    expect(await tooltipOf(started, '2605.50002')).not.toContain('Relevance');
  });

  it('ranks nothing when both settings turn it off', async () => {
    started = await startExtension({ announcements: [announcement], files: keptNotes(), settings: { 'paperFeed.topPicks': 0 } });
    expect(await tooltipOf(started, '2605.50002')).not.toContain('Relevance');
  });

  it('names a wrong library setting in the view instead of the tree', async () => {
    started = await startExtension({ announcements: [announcement], files: keptNotes(), settings: { 'paperFeed.library.keepKeys': ['tags'] } });
    expect(await started.tree.getChildren()).toEqual([]);
    expect(started.view.message).toBe(
      'library.keepKeys[0]: "tags" is on every paper note Paper Feed writes, so it would keep them all; name a property of your own, such as "rating". Fix it in the Paper Feed settings (paperFeed.*).',
    );
  });

  it('lists the papers closest to the library first, under "Top picks", with their reasons', async () => {
    started = await startExtension({ announcements: [announcement], files: keptNotes() });
    const rows = await readTree(started.tree);
    const top = rows.filter((r) => r.depth === 0).map((r) => String(r.item.label));
    expect(top).toEqual(['Top picks (2)', 'Language models (2)', 'Reinforcement learning (0)', 'Diffusion (0)']);
    const picks = rows[0]!;
    expect([picks.item.description, picks.item.tooltip]).toEqual([
      'closest to your library',
      'The 2 papers of 2026-05-29 closest to the 6 papers in your library, best first; hover one for the reason',
    ]);
    const pick = rows[1]!;
    expect([pick.depth, pick.node.kind === 'paper' && pick.node.paper.id, pick.item.contextValue]).toEqual([1, '2605.50002', 'paper']);
    expect(rows[2]!.node.kind === 'paper' && rows[2]!.node.paper.id).toBe('2605.50001');
    expect((started.tree.resolveTreeItem(pick.item, pick.node).tooltip as MarkdownString).value).toContain(
      'Relevance 0\\.41 — close to “Accelerating Large Language Model Decoding with Speculative Sampling”',
    );
    // The badge still counts the papers the keyword groups matched.
    expect(started.view.badge?.value).toBe(2);
  });

  it('shows no "Top picks" in a cold start, when picks are off, or when the filter hides them', async () => {
    const four = Object.fromEntries(Object.entries(keptNotes()).slice(2));
    started = await startExtension({ announcements: [announcement], files: four });
    expect((await started.tree.getChildren()).map((n) => n.kind)).toEqual(['group', 'group', 'group']);
    await started.stop();
    started = await startExtension({
      announcements: [announcement],
      files: keptNotes(),
      settings: { 'paperFeed.topPicks': 0, 'paperFeed.orderGroupsByRelevance': true },
    });
    expect((await started.tree.getChildren()).map((n) => n.kind)).toEqual(['group', 'group', 'group']);
    await started.stop();
    started = await startExtension({ announcements: [announcement], files: keptNotes() });
    standIn.answerInputBox(() => 'tracking');
    await commands.executeCommand('paperFeed.filter');
    expect((await started.tree.getChildren()).map((n) => n.kind)).toEqual(['group', 'group', 'group']);
  });
});
