// Zotero in VS Code, through the real extension and a Zotero stand-in on 127.0.0.1
// that answers from the recorded samples: the library feeds Top picks, "Save to Zotero" from the
// tree saves once, a BBT key is cited with no .bib append, and every failure is one message.
import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { commands, type QuickPickItem } from 'vscode';
import { standIn } from '../stand-ins/vscode';
import type { Announcement } from '../../core/arxiv/paper';
import { readFrontmatter } from '../../core/notes/frontmatter';
import { KEPT_PAPERS } from '../notes/kept-notes';
import { startZoteroStandIn, type ZoteroStandIn, type ZoteroStandInOptions } from '../support/zotero-stand-in';
import { paper } from './support/papers';
import { paperNode, readTree, startExtension, type Started } from './support/extension-harness';

let started: Started | undefined;
let zotero: ZoteroStandIn | undefined;
afterEach(async () => {
  await started?.stop();
  started = undefined;
  await zotero?.close();
  zotero = undefined;
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
const announcement: Announcement = {
  date: '2026-05-29',
  announcedAt: '2026-05-28T20:00:00-04:00',
  categories: ['cs.CL'],
  papers: [bytes, drafts],
  skipped: [],
};

/** Zotero with the recorded items and the kept papers (no notes in the workspace at all). */
async function zoteroLibrary(options: ZoteroStandInOptions = {}): Promise<ZoteroStandIn> {
  zotero = await startZoteroStandIn(options);
  for (const kept of KEPT_PAPERS) zotero.add({ itemType: 'preprint', title: kept.title, abstractNote: kept.abstract, archiveID: `arXiv:${kept.id}` });
  return zotero;
}

const settingsFor = (z: ZoteroStandIn, extra: Record<string, unknown> = {}) => ({
  'paperFeed.library.source': 'zotero',
  'paperFeed.library.zoteroPort': z.port,
  ...extra,
});
const messages = () => standIn.shown.messages.map((m) => `${m.level}: ${m.message}`);

describe('Zotero in VS Code', () => {
  it('ranks the feed by the library in Zotero, with no export step', async () => {
    const z = await zoteroLibrary();
    started = await startExtension({ announcements: [announcement], settings: settingsFor(z) });
    const rows = await readTree(started.tree);
    expect(rows.filter((r) => r.depth === 0).map((r) => String(r.item.label))[0]).toBe('Top picks (2)');
    // 6 recorded items with an abstract and the 6 kept papers.
    expect(rows[0]!.item.tooltip).toBe('The 2 papers of 2026-05-29 closest to the 12 papers in your library, best first; hover one for the reason');
    expect(z.requests[0]!.headers['zotero-allowed-request']).toBe('1');
  });

  it('saves a paper from the tree, offers to open it in Zotero, and says "already in Zotero" the second time', async () => {
    const z = await zoteroLibrary();
    started = await startExtension({ announcements: [announcement], settings: settingsFor(z) });
    standIn.answerMessage(() => 'Open in Zotero');
    await commands.executeCommand('paperFeed.saveToZotero', await paperNode(started.tree, '2605.50002'));
    const key = z.items.at(-1)!.key;
    expect(z.items.at(-1)!.data.archiveID).toBe('arXiv:2605.50002');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(standIn.shown.messages).toEqual([
      { level: 'information', message: 'Saved to Zotero: Draft Tokens Make Large Language Model Decoding Faster.', items: ['Open in Zotero'], modal: false },
    ]);
    expect(standIn.openedExternally.map(String)).toEqual([`zotero://select/library/items/${key}`]);
    await commands.executeCommand('paperFeed.saveToZotero', await paperNode(started.tree, '2605.50002'));
    expect(messages().at(-1)).toBe('information: Already in Zotero: Draft Tokens Make Large Language Model Decoding Faster.');
    expect(z.requests.filter((r) => r.path === '/connector/saveItems')).toHaveLength(1);
  });

  it('says in one sentence that a paper it does not keep cannot be saved or opened, and asks Zotero nothing', async () => {
    const z = await zoteroLibrary();
    started = await startExtension({ announcements: [announcement], settings: settingsFor(z) });
    const before = z.requests.length;
    // A keybinding or another extension can name any id; 2605.59999 is in no kept announcement.
    await commands.executeCommand('paperFeed.saveToZotero', '2605.59999');
    await commands.executeCommand('paperFeed.openNote', 'arXiv:2605.59999');
    await commands.executeCommand('paperFeed.openPdf', 'https://arxiv.org/abs/2605.59999');
    const notKept = 'information: That paper is not among the papers Paper Feed keeps; search the kept ones or fetch again.';
    expect(messages()).toEqual([notKept, notKept, notKept]);
    expect(z.requests.slice(before).filter((r) => r.path === '/connector/saveItems')).toEqual([]);
    expect(standIn.openedExternally).toEqual([]);
    // The same id once kept is saved.
    await commands.executeCommand('paperFeed.saveToZotero', '2605.50001');
    expect(messages().at(-1)).toBe('information: Saved to Zotero: Byte Models for Low-Resource Scripts.');
  });

  it('cites with the key Better BibTeX has, and appends nothing the BBT-exported .bib already holds', async () => {
    const z = await zoteroLibrary();
    const item = z.add({ itemType: 'preprint', title: drafts.title, abstractNote: drafts.abstract, archiveID: 'arXiv:2605.50002' });
    z.options.bbt = { [item.key]: 'menonDraftTokens2026' };
    const bib =
      '@article{menonDraftTokens2026,\n  title = {Draft Tokens Make Large Language Model Decoding Faster},\n  author = {Menon, Ravi and Duarte, Ines},\n}\n';
    started = await startExtension({
      announcements: [announcement],
      files: { 'draft.md': 'See ', 'refs.bib': bib },
      settings: settingsFor(z, { 'paperFeed.bibliography': 'refs.bib' }),
    });
    const editor = await started.openEditor('draft.md', [[0, 4]]);
    standIn.answerQuickPick((shown) => (shown.items as Array<QuickPickItem & { format: string }>).find((i) => i.format === 'pandoc'));
    await commands.executeCommand('paperFeed.insertCitation', await paperNode(started.tree, '2605.50002'));
    expect(editor.document.getText()).toBe('See [@menonDraftTokens2026]');
    expect(await started.read('refs.bib')).toBe(bib);
    // A paper note created now takes the same key.
    await commands.executeCommand('paperFeed.openNote', await paperNode(started.tree, '2605.50002'));
    const note = await started.read('arXiv/Papers/Draft Tokens Make Large Language Model Decoding Faster.md');
    expect(readFrontmatter(note).citekey).toBe('menonDraftTokens2026');
  });

  it('says in one message when Zotero is not running, and when its local API is off', async () => {
    const z = await zoteroLibrary({ localApi: false });
    started = await startExtension({ announcements: [announcement], settings: settingsFor(z) });
    await readTree(started.tree);
    await commands.executeCommand('paperFeed.saveToZotero', await paperNode(started.tree, '2605.50001'));
    const off =
      'Zotero\'s local API is off; in Zotero turn on Settings → Advanced → "Allow other applications on this computer to communicate with Zotero", then try again';
    expect(messages()).toEqual([`warning: ${off} (Top picks and citation keys use the library as Zotero last gave it).`, `error: ${off}.`]);
    const port = z.port;
    await z.close();
    zotero = undefined;
    await commands.executeCommand('paperFeed.saveToZotero', await paperNode(started.tree, '2605.50001'));
    expect(messages().at(-1)).toBe(`error: Zotero is not running (nothing answered on 127.0.0.1:${port}); start Zotero and try again.`);
  });

  it('in VS Code for the web, hides the menu item and asks Zotero nothing', async () => {
    const z = await zoteroLibrary();
    started = await startExtension({ announcements: [announcement], settings: settingsFor(z), services: { zoteroReachable: false } });
    expect(standIn.builtInCalls).toContainEqual({ command: 'setContext', args: ['paperFeed.zoteroAvailable', false] });
    await readTree(started.tree);
    await commands.executeCommand('paperFeed.saveToZotero', await paperNode(started.tree, '2605.50001'));
    // Top picks fall back to the kept notes (none here): no Zotero request at all.
    expect(z.requests).toEqual([]);
    expect(messages()).toEqual(['information: Saving to Zotero works in VS Code on the desktop, where Zotero runs.']);
    const manifest = JSON.parse(await readFile(new URL('../../vscode-extension/package.json', import.meta.url), 'utf8')) as {
      contributes: { menus: Record<string, Array<{ command: string; when: string }>> };
    };
    expect(manifest.contributes.menus['view/item/context']!.filter((m) => m.command === 'paperFeed.saveToZotero').map((m) => m.when)).toEqual([
      'view == paperFeed.feed && viewItem == paper && paperFeed.zoteroAvailable',
    ]);
    expect(manifest.contributes.menus.commandPalette!.find((m) => m.command === 'paperFeed.saveToZotero')?.when).toBe('false');
  });
});
