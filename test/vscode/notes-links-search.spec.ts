// The remaining paper actions: open or create the paper note (found by arxiv_id, created by the
// core's planner), open on arXiv / PDF, search the kept papers, and the API key in secret storage.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { commands, env, type QuickPickItem } from 'vscode';
import { standIn } from '../stand-ins/vscode';
import { readFrontmatter } from '../../core/notes/frontmatter';
import { earlier, latest, paper, paperNote } from './support/papers';
import { paperNode, startExtension, type Started } from './support/extension-harness';

let started: Started | undefined;
afterEach(async () => {
  await started?.stop();
  started = undefined;
});

describe('open or create paper note', () => {
  it("opens the note that has the paper's arxiv_id, whatever its name and folder", async () => {
    started = await startExtension({
      announcements: [latest],
      files: { 'Reading/renamed by me.md': paperNote('2605.20003v1', { citekey: 'mykey' }), 'Reading/other.md': paperNote('2605.20001') },
    });
    await commands.executeCommand('paperFeed.openNote', await paperNode(started.tree, '2605.20003'));
    expect(standIn.shown.documents.map((d) => d.uri.fsPath)).toEqual([started.path('Reading/renamed by me.md')]);
  });

  it("creates the note in the vault's papers folder as the core renders it, then opens it", async () => {
    started = await startExtension({
      announcements: [latest],
      files: { 'MyVault/arXiv/Papers/Reward Shaping with Generative Priors.md': '# a note of my own with that name\n' },
      settings: { 'paperFeed.vaultFolder': 'MyVault' },
    });
    await commands.executeCommand('paperFeed.openNote', await paperNode(started.tree, '2605.20004'));
    const created = 'MyVault/arXiv/Papers/Reward Shaping with Generative Priors (2605.20004).md';
    expect(standIn.shown.documents.map((d) => d.uri.fsPath)).toEqual([started.path(created)]);
    const text = await started.read(created);
    const data = readFrontmatter(text);
    expect(data).toMatchObject({
      arxiv_id: '2605.20004',
      version: 1,
      citekey: 'watanabe2026reward',
      keywords: ['Reinforcement learning', 'Diffusion'],
      digests: ['[[arXiv/Daily/2026-05-29|2026-05-29]]'],
      tags: ['paper'],
    });
    expect(text).toContain('%% paper-feed:start %%');
    // The person's own note with the plain name is untouched.
    expect(await started.read('MyVault/arXiv/Papers/Reward Shaping with Generative Priors.md')).toBe('# a note of my own with that name\n');
  });

  it('steps around a note whose name differs only in case, as macOS, Windows and phones see one file', async () => {
    const mine = 'MyVault/arXiv/Papers/reward shaping with generative priors.md';
    started = await startExtension({ announcements: [latest], files: { [mine]: 'my own\n' }, settings: { 'paperFeed.vaultFolder': 'MyVault' } });
    await commands.executeCommand('paperFeed.openNote', await paperNode(started.tree, '2605.20004'));
    expect(standIn.shown.documents.map((d) => d.uri.fsPath)).toEqual([
      started.path('MyVault/arXiv/Papers/Reward Shaping with Generative Priors (2605.20004).md'),
    ]);
    expect(await started.read(mine)).toBe('my own\n');
    expect(foldedTwins(await readdir(started.path('MyVault/arXiv/Papers')))).toEqual([]);
  });

  it('steps around a note whose name is the same title in NFD, written on a Mac', async () => {
    const cafe = paper('2605.20009', 'Café Budgets for a Large Language Model', ['Zoë Ångström'], 'A large language model with a café budget.');
    const mine = `arXiv/Papers/${'Café Budgets for a Large Language Model'.normalize('NFD')}.md`;
    started = await startExtension({ announcements: [{ ...latest, papers: [...latest.papers, cafe] }], files: { [mine]: 'NFD\n' } });
    await commands.executeCommand('paperFeed.openNote', await paperNode(started.tree, '2605.20009'));
    expect(standIn.shown.documents.map((d) => d.uri.fsPath)).toEqual([started.path('arXiv/Papers/Café Budgets for a Large Language Model (2605.20009).md')]);
    expect(await started.read(mine)).toBe('NFD\n');
    expect(foldedTwins(await readdir(started.path('arXiv/Papers')))).toEqual([]);
  });

  it('opens the paper’s note that sync brought in under a name differing in case, instead of creating a twin', async () => {
    started = await startExtension({ announcements: [latest] });
    // The index is built, then sync writes device A's note for 2605.20002 with a name of other case.
    await commands.executeCommand('paperFeed.openNote', await paperNode(started.tree, '2605.20001'));
    const synced = 'arXiv/Papers/CONSISTENCY DISTILLATION FOR FEW-STEP SAMPLERS.md';
    await writeFile(started.path(synced), paperNote('2605.20002'));
    await commands.executeCommand('paperFeed.openNote', await paperNode(started.tree, '2605.20002'));
    expect(standIn.shown.documents.map((d) => d.uri.fsPath).at(-1)).toBe(started.path(synced));
    expect((await readdir(started.path('arXiv/Papers'))).sort()).toEqual(['CONSISTENCY DISTILLATION FOR FEW-STEP SAMPLERS.md', 'Sparse Attention Budgets.md']);
  });

  it('opens the note it just created the second time instead of creating another', async () => {
    started = await startExtension({ announcements: [latest] });
    const node = await paperNode(started.tree, '2605.20002');
    await commands.executeCommand('paperFeed.openNote', node);
    await commands.executeCommand('paperFeed.openNote', node);
    const [first, second] = standIn.shown.documents.map((d) => d.uri.fsPath);
    expect(second).toBe(first);
    expect(await readFile(first!, 'utf8')).toMatch(/^---\ntitle: /);
  });

  it('asks for a folder when none is open', async () => {
    started = await startExtension({ announcements: [latest] });
    standIn.setWorkspaceFolders(undefined);
    await commands.executeCommand('paperFeed.openNote', await paperNode(started.tree, '2605.20002'));
    expect(standIn.shown.messages.map((m) => m.message)).toEqual(['Open a folder (or an Obsidian vault) first; paper notes are created inside it.']);
  });
});

/** Names in one folder that are one file where case and Unicode form do not count. */
function foldedTwins(names: string[]): string[][] {
  const byKey = new Map<string, string[]>();
  for (const name of names) byKey.set(name.normalize('NFC').toLowerCase(), [...(byKey.get(name.normalize('NFC').toLowerCase()) ?? []), name]);
  return [...byKey.values()].filter((group) => group.length > 1);
}

describe('open on arXiv', () => {
  it('opens the abstract page and the PDF of the clicked paper only', async () => {
    started = await startExtension({ announcements: [latest] });
    const a = await paperNode(started.tree, '2605.20004');
    const b = await paperNode(started.tree, '2605.20001');
    await commands.executeCommand('paperFeed.openOnArxiv', a, [a, b]);
    await commands.executeCommand('paperFeed.openPdf', b);
    expect(standIn.openedExternally.map((u) => u.toString())).toEqual(['https://arxiv.org/abs/2605.20004', 'https://arxiv.org/pdf/2605.20001v1']);
  });
});

describe('search', () => {
  it('lists every kept paper by title, id and citekey, authors, and inserts the pick in the default format', async () => {
    started = await startExtension({ announcements: [latest, earlier], files: { 'draft.md': '' }, settings: { 'paperFeed.citationFormat': 'pandoc' } });
    const editor = await started.openEditor('draft.md', [[0, 0]]);
    standIn.answerQuickPick((shown) => shown.items.find((i) => (i as QuickPickItem).description?.startsWith('2605.19001')));
    await commands.executeCommand('paperFeed.search');
    const [pick] = standIn.shown.quickPicks;
    expect((pick!.items as QuickPickItem[]).slice(0, 2).map((i) => [i.label, i.description, i.detail])).toEqual([
      ['Sparse Attention Budgets', '2605.20001 · @okafor2026sparse', 'Mira Okafor, Tobias Lindqvist'],
      ['Consistency Distillation for Few-Step Samplers', '2605.20002 · @ferrer2026consistency', 'Lucia Ferrer, Daniel Brandt'],
    ]);
    expect(editor.document.getText()).toBe('[@petrov2026prompting]');
  });

  it('copies the citation when no editor is open', async () => {
    started = await startExtension({ announcements: [latest] });
    standIn.answerQuickPick((shown) => shown.items[2]);
    await commands.executeCommand('paperFeed.search');
    expect(await env.clipboard.readText()).toBe('[@nwosu2026byte]');
  });

  it('offers to fetch when nothing is kept', async () => {
    started = await startExtension();
    await commands.executeCommand('paperFeed.search');
    expect(standIn.shown.messages).toEqual([
      { level: 'information', message: 'Paper Feed keeps no papers yet; fetch the latest announcement first.', items: ['Fetch Latest Papers'], modal: false },
    ]);
  });
});

describe('API key', () => {
  it('goes to secret storage only, and can be removed', async () => {
    started = await startExtension();
    standIn.answerInputBox(() => ' sk-test-123 ');
    await commands.executeCommand('paperFeed.setApiKey');
    expect(standIn.shown.inputBoxes[0]).toMatchObject({ password: true });
    expect([...started.context.secrets.stored]).toEqual([['paperFeed.enrich.apiKey', 'sk-test-123']]);
    expect(JSON.stringify(standIn.shown.messages)).not.toContain('sk-test-123');
    await commands.executeCommand('paperFeed.clearApiKey');
    expect([...started.context.secrets.stored]).toEqual([]);
  });
});
