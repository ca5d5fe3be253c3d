// "Insert Citation…" from a tree item and from the palette: the format QuickPick, the same text
// at every cursor in one edit, and the BibTeX entry appended to the .bib once.
import { afterEach, describe, expect, it } from 'vitest';
import { commands, env, type QuickPickItem } from 'vscode';
import { standIn } from '../stand-ins/vscode';
import { bibtexEntry } from '../../core/cite/bibtex-writer';
import { byteModels, consistency, earlier, latest, paperNote } from './support/papers';
import { paperNode, startExtension, type Started } from './support/extension-harness';

let started: Started | undefined;
afterEach(async () => {
  await started?.stop();
  started = undefined;
});

type FormatItem = QuickPickItem & { format: string };
const choose = (format: string) => standIn.answerQuickPick((shown) => (shown.items as FormatItem[]).find((i) => i.format === format));

describe('insert citation', () => {
  it('puts the citation at every cursor and replaces a selection, in one edit', async () => {
    started = await startExtension({ announcements: [latest], files: { 'draft.md': 'First line.\nSecond REPLACE line.\nThird.' } });
    const editor = await started.openEditor('draft.md', [
      [0, 5],
      [
        [1, 7],
        [1, 14],
      ],
      [2, 6],
    ]);
    choose('pandoc');
    await commands.executeCommand('paperFeed.insertCitation', await paperNode(started.tree, '2605.20001'));
    expect(editor.document.getText()).toBe('First[@okafor2026sparse] line.\nSecond [@okafor2026sparse] line.\nThird.[@okafor2026sparse]');
    expect(editor.editCalls).toBe(1);
    // Each cursor ends after its inserted citation, as after typing.
    expect(editor.selections.map((s) => [s.active.line, s.active.character])).toEqual([
      [0, 24],
      [1, 26],
      [2, 25],
    ]);
  });

  it('offers the four formats, the default first, each with the text it would insert', async () => {
    started = await startExtension({
      announcements: [latest],
      files: { 'draft.md': '', 'vault/arXiv/Papers/Bytes.md': paperNote('2605.20003') },
      settings: { 'paperFeed.citationFormat': 'markdown' },
    });
    await started.openEditor('draft.md', [[0, 0]]);
    standIn.answerQuickPick(() => undefined);
    await commands.executeCommand('paperFeed.insertCitation', await paperNode(started.tree, '2605.20003'));
    const [pick] = standIn.shown.quickPicks;
    expect((pick!.items as FormatItem[]).map((i) => [i.format, i.label, i.description, i.detail])).toEqual([
      ['markdown', 'Markdown link', 'default', '[Byte Models for Low-Resource Scripts](https://arxiv.org/abs/2605.20003)'],
      ['pandoc', 'Pandoc citation', undefined, '[@nwosu2026byte]'],
      ['wikilink', 'Wikilink to the paper note', undefined, '[[Bytes]]'],
      ['arxiv', 'arXiv identifier', undefined, 'arXiv:2605.20003'],
    ]);
    expect(await started.read('draft.md')).toBe('');
  });

  it('cites several selected tree items as one Pandoc group', async () => {
    started = await startExtension({ announcements: [latest], files: { 'draft.md': 'See .' } });
    const editor = await started.openEditor('draft.md', [[0, 4]]);
    const a = await paperNode(started.tree, '2605.20001');
    const b = await paperNode(started.tree, '2605.20002');
    choose('pandoc');
    await commands.executeCommand('paperFeed.insertCitation', a, [a, b]);
    expect(editor.document.getText()).toBe('See [@okafor2026sparse; @ferrer2026consistency].');
  });

  it('from the palette, asks for the paper first, then the format', async () => {
    started = await startExtension({ announcements: [latest, earlier], files: { 'draft.md': 'x' } });
    const editor = await started.openEditor('draft.md', [[0, 1]]);
    standIn.answerQuickPick((shown) => shown.items.find((i) => typeof i !== 'string' && i.label === 'Prompting a Language Model for Proofs'));
    choose('arxiv');
    await commands.executeCommand('paperFeed.insertCitation');
    expect(editor.document.getText()).toBe('xarXiv:2605.19001');
    const [papers] = standIn.shown.quickPicks;
    expect(papers!.items).toHaveLength(7);
    expect(papers!.options).toMatchObject({ matchOnDescription: true, matchOnDetail: true });
  });

  it('appends the BibTeX entry to the configured .bib once, however often the paper is cited', async () => {
    started = await startExtension({
      announcements: [latest],
      files: { 'draft.md': 'A\nB', 'refs.bib': '@misc{existing2020,\n  title = {Kept  as   is},\n}' },
      settings: { 'paperFeed.bibliography': 'refs.bib' },
    });
    const node = await paperNode(started.tree, '2605.20002');
    await started.openEditor('draft.md', [[0, 1]]);
    choose('pandoc');
    await commands.executeCommand('paperFeed.insertCitation', node);
    await started.openEditor('draft.md', [[1, 1]]);
    choose('pandoc');
    await commands.executeCommand('paperFeed.insertCitation', node);
    const bib = await started.read('refs.bib');
    // The existing entry stays byte for byte; the new one is the core's entry, once, after a blank line.
    expect(bib).toBe(`@misc{existing2020,\n  title = {Kept  as   is},\n}\n\n${bibtexEntry(consistency, 'ferrer2026consistency')}\n`);
    expect(standIn.statusBarMessages).toEqual(['Paper Feed: added ferrer2026consistency to refs.bib']);
  });

  it('adds nothing to the .bib for formats other than Pandoc', async () => {
    started = await startExtension({ announcements: [latest], files: { 'draft.md': '', 'refs.bib': '' }, settings: { 'paperFeed.bibliography': 'refs.bib' } });
    await started.openEditor('draft.md', [[0, 0]]);
    choose('markdown');
    await commands.executeCommand('paperFeed.insertCitation', await paperNode(started.tree, '2605.20002'));
    expect(await started.read('refs.bib')).toBe('');
  });

  it('asks for an editor when none is open, and inserts nothing', async () => {
    started = await startExtension({ announcements: [latest] });
    await commands.executeCommand('paperFeed.insertCitation', await paperNode(started.tree, '2605.20002'));
    expect(standIn.shown.messages).toEqual([
      {
        level: 'information',
        message: 'Open a Markdown or LaTeX file and place the cursor where the citation goes, then insert it again.',
        items: [],
        modal: false,
      },
    ]);
    expect(standIn.shown.quickPicks).toEqual([]);
  });

  it('copies a citation and BibTeX to the clipboard', async () => {
    started = await startExtension({ announcements: [latest] });
    choose('wikilink');
    await commands.executeCommand('paperFeed.copyCitation', await paperNode(started.tree, '2605.20003'));
    expect(await env.clipboard.readText()).toBe('[Byte Models for Low-Resource Scripts](https://arxiv.org/abs/2605.20003)');
    await commands.executeCommand('paperFeed.copyBibtex', await paperNode(started.tree, '2605.20003'));
    expect(await env.clipboard.readText()).toBe(bibtexEntry(byteModels, 'nwosu2026byte'));
  });
});
