// The feed tree as VS Code reads it from the real extension: labels, counts, order, contextValue,
// tooltips, the badge, the filter, and an empty tree (welcome view) before anything is fetched.
import { afterEach, describe, expect, it } from 'vitest';
import { MarkdownString, TreeItemCollapsibleState, commands } from 'vscode';
import { standIn } from '../stand-ins/vscode';
import { earlier, latest, paperNote } from './support/papers';
import { readTree, startExtension, type Started } from './support/extension-harness';

let started: Started | undefined;
afterEach(async () => {
  await started?.stop();
  started = undefined;
});

const outline = async (s: Started) => (await readTree(s.tree)).map(({ depth, item }) => `${'  '.repeat(depth)}${item.label as string} [${item.contextValue}]`);

describe('feed tree', () => {
  it('shows the latest groups with counts, then Updated, then earlier announcements', async () => {
    started = await startExtension({
      announcements: [latest, earlier],
      files: { 'arXiv/Papers/Scaling.md': paperNote('2604.10009', { version: 1 }) },
    });
    expect(await outline(started)).toEqual([
      'Language models (2) [group]',
      '  Sparse Attention Budgets — Mira Okafor et al. [paper]',
      '  Byte Models for Low-Resource Scripts — Amara Nwosu [paper]',
      'Reinforcement learning (1) [group]',
      '  Reward Shaping with Generative Priors — Kenji Watanabe et al. [paper]',
      'Diffusion (2) [group]',
      '  Consistency Distillation for Few-Step Samplers — Lucia Ferrer et al. [paper]',
      '  Reward Shaping with Generative Priors — Kenji Watanabe et al. [paper]',
      'Updated (1) [updated]',
      '  Scaling Laws Revisited — Noor Haddad [paper]',
      '2026-05-28 (1) [announcement]',
      '  Language models (1) [group]',
      '    Prompting a Language Model for Proofs — Ivan Petrov et al. [paper]',
      '  Reinforcement learning (0) [group]',
      '  Diffusion (0) [group]',
    ]);
  });

  it('gives every item a unique id, expands the latest groups and shows the id beside each paper', async () => {
    started = await startExtension({ announcements: [latest, earlier] });
    const rows = await readTree(started.tree);
    const ids = rows.map((r) => r.item.id);
    expect(new Set(ids).size).toBe(ids.length);
    const [first] = rows;
    expect(first!.item.collapsibleState).toBe(TreeItemCollapsibleState.Expanded);
    const empty = rows.find((r) => r.item.label === 'Reinforcement learning (0)');
    expect(empty!.item.collapsibleState).toBe(TreeItemCollapsibleState.None);
    const history = rows.find((r) => r.node.kind === 'announcement');
    expect(history!.item.collapsibleState).toBe(TreeItemCollapsibleState.Collapsed);
    const paper = rows.find((r) => r.node.kind === 'paper');
    expect(paper!.item.description).toBe('2605.20001');
    expect(paper!.item.collapsibleState).toBe(TreeItemCollapsibleState.None);
  });

  it('leaves "Updated" out when no kept paper with a note has a new version', async () => {
    started = await startExtension({ announcements: [latest] });
    const labels = (await started.tree.getChildren()).map((n) => started!.tree.getTreeItem(n).label);
    expect(labels).toEqual(['Language models (2)', 'Reinforcement learning (1)', 'Diffusion (2)']);
  });

  it('builds an untrusted tooltip with authors, categories and abstract when a paper is hovered', async () => {
    started = await startExtension({ announcements: [latest] });
    const row = (await readTree(started.tree)).find((r) => r.node.kind === 'paper' && r.node.paper.id === '2605.20004')!;
    expect(row.item.tooltip).toBeUndefined();
    const resolved = started.tree.resolveTreeItem(row.item, row.node);
    const tooltip = resolved.tooltip as MarkdownString;
    expect(tooltip).toBeInstanceOf(MarkdownString);
    expect(tooltip.isTrusted).toBe(false);
    expect(tooltip.supportHtml).toBe(false);
    expect(tooltip.value).toContain('Kenji Watanabe, Sofia Rossi, Lena Park');
    expect(tooltip.value).toContain('cs\\.LG, cs\\.AI');
    expect(tooltip.value).toContain('Reinforcement learning agents explore better when a diffusion model proposes subgoals.');
    expect(tooltip.value).toContain('[PDF](https://arxiv.org/pdf/2605.20004v1)');
  });

  it('is empty (so the welcome view shows) before anything is fetched, and says whether categories are set', async () => {
    started = await startExtension();
    expect(await started.tree.getChildren()).toEqual([]);
    expect(standIn.builtInCalls).toContainEqual({ command: 'setContext', args: ['paperFeed.noCategories', false] });
    standIn.setSetting('paperFeed.categories', []);
    expect(standIn.builtInCalls).toContainEqual({ command: 'setContext', args: ['paperFeed.noCategories', true] });
  });

  it('narrows every group to papers containing all filter words, and says so in the description', async () => {
    started = await startExtension({ announcements: [latest] });
    standIn.answerInputBox(() => 'diffusion subgoals');
    await commands.executeCommand('paperFeed.filter');
    expect(await outline(started)).toEqual([
      'Language models (0) [group]',
      'Reinforcement learning (1) [group]',
      '  Reward Shaping with Generative Priors — Kenji Watanabe et al. [paper]',
      'Diffusion (1) [group]',
      '  Reward Shaping with Generative Priors — Kenji Watanabe et al. [paper]',
    ]);
    expect(started.view.description).toBe('2026-05-29 · “diffusion subgoals”');
    expect(standIn.builtInCalls).toContainEqual({ command: 'setContext', args: ['paperFeed.filtered', true] });
    await commands.executeCommand('paperFeed.clearFilter');
    expect((await started.tree.getChildren()).length).toBe(3);
    expect(started.view.description).toBe('2026-05-29');
  });

  it('follows the keyword groups in settings without fetching again', async () => {
    started = await startExtension({ announcements: [latest] });
    standIn.setSetting('paperFeed.groups', [{ name: 'Graphs', include: ['chromatic number'] }]);
    expect(await outline(started)).toEqual(['Graphs (1) [group]', '  Bounds on Graph Coloring — Ada Byron [paper]']);
  });

  it('shows a settings mistake as the view message instead of a tree', async () => {
    started = await startExtension({ announcements: [latest] });
    standIn.setSetting('paperFeed.groups', [{ name: 'Broken', include: ['/(unclosed/'] }]);
    expect(await started.tree.getChildren()).toEqual([]);
    expect(started.view.message).toMatch(/^groups\[0\]\.include\[0\]: .* Fix it in the Paper Feed settings \(paperFeed\.\*\)\.$/);
  });
});
