// Dragging papers from the tree into Markdown, and pasting arXiv links as citations: what the
// tree puts on the drag, the edits the providers offer, and when the .bib is written.
import { afterEach, describe, expect, it } from 'vitest';
import {
  CancellationTokenSource,
  DataTransfer,
  DataTransferItem,
  DocumentDropOrPasteEditKind,
  DocumentPasteTriggerKind,
  Position,
  Range,
  type DocumentDropEdit,
  type DocumentPasteEdit,
  type TextDocument,
  type TreeDragAndDropController,
  Uri,
  WorkspaceEdit,
  workspace,
} from 'vscode';
import { standIn } from '../stand-ins/vscode';
import type { FeedNode } from '../../vscode-extension/src/feed/feed-model';
import { latest } from './support/papers';
import { paperNode, startExtension, type Started } from './support/extension-harness';

let started: Started | undefined;
afterEach(async () => {
  await started?.stop();
  started = undefined;
});

const token = new CancellationTokenSource().token;
const PAPER_MIME = 'application/vnd.paperfeed.papers';

async function documentOf(s: Started, relative: string): Promise<TextDocument> {
  return (await s.openEditor(relative, [[0, 0]])).document;
}

describe('drag from the tree', () => {
  it("puts the dragged papers' ids and their citation on the drag", async () => {
    started = await startExtension({ announcements: [latest] });
    const controller = started.view.options.dragAndDropController as TreeDragAndDropController<FeedNode>;
    expect(controller.dragMimeTypes).toEqual([PAPER_MIME, 'text/plain']);
    expect(controller.dropMimeTypes).toEqual([]);
    const data = new DataTransfer();
    const group = (await started.tree.getChildren())[0]!;
    await controller.handleDrag!([await paperNode(started.tree, '2605.20001'), group, await paperNode(started.tree, '2605.20003')], data, token);
    expect(await data.get(PAPER_MIME)!.asString()).toBe('2605.20001\n2605.20003');
    expect(await data.get('text/plain')!.asString()).toBe('[@okafor2026sparse; @nwosu2026byte]');
  });

  it('puts nothing on the drag for a group', async () => {
    started = await startExtension({ announcements: [latest] });
    const controller = started.view.options.dragAndDropController as TreeDragAndDropController<FeedNode>;
    const data = new DataTransfer();
    await controller.handleDrag!([(await started.tree.getChildren())[0]!], data, token);
    expect([...data]).toEqual([]);
  });
});

/** Drops `ids` (as the tree puts them on a drag) into the document and returns the edit offered. */
async function drop(s: Started, relative: string, ids: string): Promise<DocumentDropEdit | undefined> {
  const [registration] = standIn.providers.drop;
  const data = new DataTransfer();
  data.set(PAPER_MIME, new DataTransferItem(ids));
  return (await registration!.provider.provideDocumentDropEdits(await documentOf(s, relative), new Position(0, 0), data, token)) as
    DocumentDropEdit | undefined;
}

/** Applies a drop or paste edit's additional edit the way VS Code does, waits until the extension has saved the .bib, and reads it. */
async function applyAndSettle(s: Started, edit: DocumentDropEdit | DocumentPasteEdit, bib: string): Promise<string> {
  expect(await workspace.applyEdit(edit.additionalEdit! as never)).toBe(true);
  const document = () => standIn.textDocuments.find((d) => d.uri.fsPath === s.path(bib));
  for (let waited = 0; waited < 5000 && !(document()?.saves && !document()!.isDirty); waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(document()?.saves, `${bib} saved once`).toBe(1);
  return s.read(bib);
}

describe('drop into Markdown and LaTeX', () => {
  it('is registered for Markdown-like and LaTeX files and the papers mime type', async () => {
    started = await startExtension({ announcements: [latest] });
    const [registration] = standIn.providers.drop;
    expect(registration!.selector).toEqual(['markdown', 'quarto', 'rmd', 'latex', 'tex', 'doctex'].map((language) => ({ language })));
    expect(registration!.extra).toMatchObject({ dropMimeTypes: [PAPER_MIME] });
  });

  it('carries the BibTeX entry on the drop edit itself, so the citation and the entry land together', async () => {
    started = await startExtension({
      announcements: [latest],
      files: { 'draft.md': 'Text', 'refs.bib': '@misc{lovelace1843notes,\n  title = {Notes},\n}\n' },
      settings: { 'paperFeed.bibliography': 'refs.bib' },
    });
    const edit = await drop(started, 'draft.md', '2605.20002');
    expect(edit!.insertText).toBe('[@ferrer2026consistency]');
    expect(edit!.kind!.value).toBe('markdown.citation.paperFeed');
    // Nothing is written before VS Code applies the drop.
    expect(await started.read('refs.bib')).toBe('@misc{lovelace1843notes,\n  title = {Notes},\n}\n');
    const additional = edit!.additionalEdit as unknown as WorkspaceEdit;
    const [inserted] = additional.get(Uri.file(started.path('refs.bib')));
    expect([inserted!.range.start.line, inserted!.range.start.character]).toEqual([3, 0]);
    expect(inserted!.newText).toMatch(/^\n@misc\{ferrer2026consistency,\n[\s\S]*eprint\s+= \{2605\.20002\},[\s\S]*\n\}\n$/);

    const bib = await applyAndSettle(started, edit!, 'refs.bib');
    expect(bib).toBe(`@misc{lovelace1843notes,\n  title = {Notes},\n}\n${inserted!.newText}`);
  });

  it('creates the .bib a document names when it does not exist yet', async () => {
    started = await startExtension({ announcements: [latest], files: { 'draft.md': '---\nbibliography: out/new.bib\n---\nText' } });
    const edit = await drop(started, 'draft.md', '2605.20001\n2605.20003');
    expect(edit!.insertText).toBe('[@okafor2026sparse; @nwosu2026byte]');
    const bib = await applyAndSettle(started, edit!, 'out/new.bib');
    expect([...bib.matchAll(/^@misc\{(\w+),/gm)].map((m) => m[1])).toEqual(['okafor2026sparse', 'nwosu2026byte']);
  });

  it('keeps a CRLF .bib in CRLF and adds nothing for a key it already holds', async () => {
    const crlf = '@misc{ferrer2026consistency,\r\n  eprint = {2605.20002},\r\n}\r\n';
    started = await startExtension({
      announcements: [latest],
      files: { 'draft.md': '', 'refs.bib': crlf },
      settings: { 'paperFeed.bibliography': 'refs.bib' },
    });
    const known = await drop(started, 'draft.md', '2605.20002');
    expect(known!.insertText).toBe('[@ferrer2026consistency]');
    expect(known!.additionalEdit).toBeUndefined();
    const fresh = await drop(started, 'draft.md', '2605.20004');
    const bib = await applyAndSettle(started, fresh!, 'refs.bib');
    expect(bib.startsWith(crlf)).toBe(true);
    expect(bib.slice(crlf.length)).toMatch(/^\r\n@misc\{watanabe2026reward,\r\n/);
    expect(bib.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('leaves an open .bib with unsaved changes of the person unsaved, the entry added in the editor', async () => {
    started = await startExtension({ announcements: [latest], files: { 'draft.md': '', 'refs.bib': '' }, settings: { 'paperFeed.bibliography': 'refs.bib' } });
    const open = await workspace.openTextDocument(Uri.file(started.path('refs.bib')));
    const own = new WorkspaceEdit();
    own.insert(open.uri, new Position(0, 0), '% my notes\n');
    await workspace.applyEdit(own);
    const edit = await drop(started, 'draft.md', '2605.20001');
    await workspace.applyEdit(edit!.additionalEdit!);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(open.getText()).toMatch(/^% my notes\n\n@misc\{okafor2026sparse,/);
    expect(open.isDirty).toBe(true);
    expect(await started.read('refs.bib')).toBe('');
  });

  it('still inserts the citation when the .bib ends inside an unfinished entry, adds nothing to it, and says why once', async () => {
    const unfinished = '@misc{good1, title = {Fine}}\n\n@misc{open, title = {Never closed\n';
    started = await startExtension({
      announcements: [latest],
      files: { 'draft.md': '', 'refs.bib': unfinished },
      settings: { 'paperFeed.bibliography': 'refs.bib' },
    });
    const edit = await drop(started, 'draft.md', '2605.20001');
    expect(edit!.insertText).toBe('[@okafor2026sparse]');
    expect(edit!.additionalEdit).toBeUndefined();
    expect(standIn.shown.messages.map((m) => [m.level, m.message])).toEqual([
      ['error', 'refs.bib ends inside an entry BibTeX cannot read (line 3), so okafor2026sparse was not added; close that entry and try again.'],
    ]);
    expect(await started.read('refs.bib')).toBe(unfinished);
  });

  it('appends after entries that were already damaged and says so once the drop is applied', async () => {
    const damaged = '@misc{good1, title = {Fine}}\n\n@misc{bad, title = {Unclosed} author = {X}}\n';
    started = await startExtension({
      announcements: [latest],
      files: { 'draft.md': '', 'refs.bib': damaged },
      settings: { 'paperFeed.bibliography': 'refs.bib' },
    });
    const edit = await drop(started, 'draft.md', '2605.20001');
    expect(standIn.shown.messages).toEqual([]);
    const bib = await applyAndSettle(started, edit!, 'refs.bib');
    expect(bib.startsWith(damaged)).toBe(true);
    expect(standIn.shown.messages.map((m) => [m.level, m.message])).toEqual([
      [
        'warning',
        'refs.bib already had 1 entry BibTeX tools cannot read (first at line 3); okafor2026sparse was added after it and reads correctly, and nothing else was changed.',
      ],
    ]);
  });

  it('inserts \\cite in LaTeX and adds the entry to the .bib the root file names', async () => {
    started = await startExtension({
      announcements: [latest],
      files: {
        'thesis/main.tex':
          '\\documentclass{article}\n% \\bibliography{old}\n\\begin{document}\n\\input{chapters/intro}\n\\bibliography{library}\n\\end{document}\n',
        'thesis/chapters/intro.tex': '% !TEX root = ../main.tex\nText.\n',
        'thesis/library.bib': '',
        'refs.bib': '',
      },
      settings: { 'paperFeed.bibliography': 'refs.bib' },
    });
    const edit = await drop(started, 'thesis/chapters/intro.tex', '2605.20001\n2605.20002');
    expect(edit!.insertText).toBe('\\cite{okafor2026sparse,ferrer2026consistency}');
    expect(edit!.kind!.value).toBe('latex.citation.paperFeed');
    const bib = await applyAndSettle(started, edit!, 'thesis/library.bib');
    expect([...bib.matchAll(/^@misc\{(\w+),/gm)].map((m) => m[1])).toEqual(['okafor2026sparse', 'ferrer2026consistency']);
    expect(await started.read('refs.bib')).toBe('');
  });

  it('uses the configured LaTeX command', async () => {
    started = await startExtension({
      announcements: [latest],
      files: { 'paper.tex': '\\documentclass{article}\n\\addbibresource{refs.bib}\n' },
      settings: { 'paperFeed.latexCitationCommand': 'textcite' },
    });
    expect((await drop(started, 'paper.tex', '2605.20003'))!.insertText).toBe('\\textcite{nwosu2026byte}');
  });

  it('offers nothing for a drop that carries no kept paper', async () => {
    started = await startExtension({ announcements: [latest], files: { 'draft.md': '' } });
    expect(await drop(started, 'draft.md', '2401.99999')).toBeUndefined();
  });
});

describe('paste an arXiv link into Markdown', () => {
  const context = { only: undefined, triggerKind: DocumentPasteTriggerKind.Automatic };
  const paste = async (s: Started, text: string, relative = 'draft.md') => {
    const [registration] = standIn.providers.paste;
    const data = new DataTransfer();
    data.set('text/plain', new DataTransferItem(text));
    const document = await documentOf(s, relative);
    return (await registration!.provider.provideDocumentPasteEdits!(document, [new Range(0, 0, 0, 0)], data, context, token)) as
      DocumentPasteEdit[] | undefined;
  };

  it("offers a kept paper's citation, after the plain paste, for every link form", async () => {
    started = await startExtension({ announcements: [latest], files: { 'draft.md': '' }, settings: { 'paperFeed.citationFormat': 'markdown' } });
    expect(standIn.providers.paste[0]!.extra).toMatchObject({ pasteMimeTypes: ['text/plain'] });
    for (const link of ['https://arxiv.org/abs/2605.20003', 'https://arxiv.org/pdf/2605.20003v1', 'arXiv:2605.20003', ' 2605.20003v1\n']) {
      const edits = await paste(started, link);
      expect(edits!.map((e) => [e.insertText, e.title])).toEqual([
        ['[Byte Models for Low-Resource Scripts](https://arxiv.org/abs/2605.20003)', 'Paste as citation (Markdown link)'],
      ]);
      expect(edits![0]!.yieldTo).toEqual([DocumentDropOrPasteEditKind.Text]);
    }
  });

  it('offers arXiv:ID for a paper that is not kept, and nothing for other text', async () => {
    started = await startExtension({ announcements: [latest], files: { 'draft.md': '' } });
    const edits = await paste(started, 'https://arxiv.org/abs/hep-th/9901001v3');
    expect(edits!.map((e) => [e.insertText, e.title])).toEqual([['arXiv:hep-th/9901001', 'Paste as arXiv identifier']]);
    expect(await paste(started, 'https://example.org/abs/2605.20003')).toBeUndefined();
    expect(await paste(started, 'see https://arxiv.org/abs/2605.20003 for details')).toBeUndefined();
  });

  it('offers \\cite in LaTeX, its entry bound for the .bib the document names', async () => {
    started = await startExtension({ announcements: [latest], files: { 'paper.tex': '\\documentclass{article}\n\\bibliography{lib}\n', 'lib.bib': '' } });
    const [edit] = (await paste(started, 'https://arxiv.org/abs/2605.20001', 'paper.tex'))!;
    expect([edit!.insertText, edit!.title, edit!.kind.value]).toEqual(['\\cite{okafor2026sparse}', 'Paste as citation (\\cite)', 'latex.citation.paperFeed']);
    expect(await applyAndSettle(started, edit!, 'lib.bib')).toMatch(/^@misc\{okafor2026sparse,\n/);
  });

  it('adds the BibTeX entry only when the Pandoc citation is the paste that is applied', async () => {
    started = await startExtension({ announcements: [latest], files: { 'draft.md': '', 'refs.bib': '' }, settings: { 'paperFeed.bibliography': 'refs.bib' } });
    const [edit] = (await paste(started, 'https://arxiv.org/abs/2605.20001'))!;
    expect(edit!.insertText).toBe('[@okafor2026sparse]');
    expect(await started.read('refs.bib')).toBe('');
    expect(await applyAndSettle(started, edit!, 'refs.bib')).toMatch(/^@misc\{okafor2026sparse,\n/);
  });
});
