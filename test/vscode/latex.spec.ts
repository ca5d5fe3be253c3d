// Citing in LaTeX files: the project's root and its bibliography found as LaTeX Workshop finds
// them, \cite / \citep / \citet inserted, completion inside \cite{…}, hover over a key, and a file
// that is neither Markdown nor LaTeX told plainly what goes in.
import { afterEach, describe, expect, it } from 'vitest';
import {
  CancellationTokenSource,
  CompletionTriggerKind,
  Position,
  commands,
  Uri,
  type CompletionItem,
  type MarkdownString,
  type QuickPickItem,
  type TextDocument,
} from 'vscode';
import { standIn } from '../stand-ins/vscode';
import { latexProject } from '../../vscode-extension/src/bibliography/latex-bibliography';
import { latest } from './support/papers';
import { paperNode, startExtension, type Started } from './support/extension-harness';

let started: Started | undefined;
afterEach(async () => {
  await started?.stop();
  started = undefined;
});

const token = new CancellationTokenSource().token;
type FormatItem = QuickPickItem & { format: string };
const choose = (format: string) => standIn.answerQuickPick((shown) => (shown.items as FormatItem[]).find((i) => i.format === format));

async function project(s: Started, relative: string) {
  const editor = await s.openEditor(relative, [[0, 0]]);
  const found = await latexProject(editor.document);
  const inWorkspace = (uri: Uri) => uri.fsPath.slice(s.workspace.length + 1);
  return { root: inWorkspace(found.root), bibFiles: found.bibFiles.map(inWorkspace), packages: found.packages };
}

const MAIN = '\\documentclass{article}\n\\usepackage[round]{natbib}\n\\begin{document}\n\\input{chapters/intro}\n\\bibliography{refs}\n\\end{document}\n';

describe('the bibliography of a LaTeX document', () => {
  it('follows a % !TEX root chain to the root and reads the .bib it names, with .bib added', async () => {
    started = await startExtension({
      files: {
        'thesis/main.tex': MAIN,
        'thesis/chapters/intro.tex': '% !TEX root = part.tex\nText',
        'thesis/chapters/part.tex': '%!TeX root = ../main.tex\n',
        'thesis/refs.bib': '',
      },
    });
    expect(await project(started, 'thesis/chapters/intro.tex')).toEqual({ root: 'thesis/main.tex', bibFiles: ['thesis/refs.bib'], packages: ['natbib'] });
  });

  it('finds the root of the workspace that inputs a chapter without a magic comment', async () => {
    started = await startExtension({ files: { 'thesis/main.tex': MAIN, 'thesis/chapters/intro.tex': 'Text', 'other/notes.tex': '\\documentclass{article}' } });
    expect(await project(started, 'thesis/chapters/intro.tex')).toMatchObject({ root: 'thesis/main.tex', bibFiles: ['thesis/refs.bib'] });
  });

  it('reads the main file of a subfiles child', async () => {
    started = await startExtension({
      files: { 'main.tex': '\\documentclass{article}\n\\addbibresource{lib/refs.bib}\n', 'parts/one.tex': '\\documentclass[../main.tex]{subfiles}\n' },
    });
    expect(await project(started, 'parts/one.tex')).toMatchObject({ root: 'main.tex', bibFiles: ['lib/refs.bib'] });
  });

  it('resolves .bib paths from the root folder, the existing file first, and skips commented-out lines', async () => {
    started = await startExtension({
      files: {
        'paper/main.tex': '\\documentclass{article}\n% \\bibliography{old}\n\\input{sections/related}\n\\bibliography{missing,../shared/lab}\n',
        'paper/sections/related.tex': '\\addbibresource{local.bib} % beside the root\n',
        'paper/local.bib': '',
        'shared/lab.bib': '',
        'paper/old.bib': '',
      },
    });
    expect(await project(started, 'paper/main.tex')).toMatchObject({
      root: 'paper/main.tex',
      bibFiles: ['shared/lab.bib', 'paper/local.bib', 'paper/missing.bib'],
    });
  });

  it('is the document itself, naming no .bib, when nothing says otherwise', async () => {
    started = await startExtension({ files: { 'loose.tex': 'Just text.' } });
    expect(await project(started, 'loose.tex')).toEqual({ root: 'loose.tex', bibFiles: [], packages: [] });
  });

  it('stops at a magic comment loop and at a file that inputs itself', async () => {
    started = await startExtension({
      files: { 'a.tex': '% !TEX root = b.tex\n\\bibliography{a}', 'b.tex': '% !TEX root = a.tex\n\\input{b}\n\\bibliography{b}' },
    });
    expect(await project(started, 'a.tex')).toMatchObject({ root: 'a.tex', bibFiles: ['a.bib'] });
    expect(await project(started, 'b.tex')).toMatchObject({ root: 'b.tex', bibFiles: ['b.bib'] });
  });
});

describe('Insert Citation in LaTeX', () => {
  it("offers the natbib commands, \\cite first, and adds the entry to the root's .bib", async () => {
    started = await startExtension({
      announcements: [latest],
      files: { 'thesis/main.tex': MAIN, 'thesis/chapters/intro.tex': '% !TEX root = ../main.tex\nAs shown .', 'thesis/refs.bib': '', 'refs.bib': '' },
      settings: { 'paperFeed.bibliography': 'refs.bib' },
    });
    const editor = await started.openEditor('thesis/chapters/intro.tex', [[1, 9]]);
    choose('citep');
    await commands.executeCommand('paperFeed.insertCitation', await paperNode(started.tree, '2605.20001'));
    const [pick] = standIn.shown.quickPicks;
    expect((pick!.items as FormatItem[]).map((i) => [i.format, i.label, i.detail])).toEqual([
      ['cite', '\\cite', '\\cite{okafor2026sparse}  ·  adds BibTeX to refs.bib'],
      ['citep', '\\citep (natbib, in parentheses)', '\\citep{okafor2026sparse}  ·  adds BibTeX to refs.bib'],
      ['citet', '\\citet (natbib, in the sentence)', '\\citet{okafor2026sparse}  ·  adds BibTeX to refs.bib'],
      ['arxiv', 'arXiv identifier', 'arXiv:2605.20001'],
    ]);
    expect(editor.document.getText()).toBe('% !TEX root = ../main.tex\nAs shown \\citep{okafor2026sparse}.');
    expect(await started.read('thesis/refs.bib')).toMatch(/^@misc\{okafor2026sparse,\n/);
    expect(await started.read('refs.bib')).toBe('');
  });

  it('offers biblatex commands in a biblatex project', async () => {
    started = await startExtension({
      announcements: [latest],
      files: { 'main.tex': '\\documentclass{article}\n\\usepackage[style=authoryear]{biblatex}\n\\addbibresource{refs.bib}\n' },
    });
    await started.openEditor('main.tex', [[0, 0]]);
    standIn.answerQuickPick(() => undefined);
    await commands.executeCommand('paperFeed.insertCitation', await paperNode(started.tree, '2605.20001'));
    expect((standIn.shown.quickPicks[0]!.items as FormatItem[]).map((i) => i.format)).toEqual(['cite', 'parencite', 'textcite', 'autocite', 'arxiv']);
  });

  it('says when the project names no .bib, and inserts the citation without writing one', async () => {
    started = await startExtension({
      announcements: [latest],
      files: { 'note.tex': '\\documentclass{article}\nSee .', 'refs.bib': '' },
      settings: { 'paperFeed.bibliography': 'refs.bib' },
    });
    const editor = await started.openEditor('note.tex', [[1, 4]]);
    choose('cite');
    await commands.executeCommand('paperFeed.insertCitation', await paperNode(started.tree, '2605.20001'));
    expect((standIn.shown.quickPicks[0]!.items as FormatItem[])[0]!.detail).toBe(
      '\\cite{okafor2026sparse}  ·  note.tex names no .bib (\\bibliography{…} or \\addbibresource{…}): no BibTeX entry added',
    );
    expect(editor.document.getText()).toBe('\\documentclass{article}\nSee \\cite{okafor2026sparse}.');
    expect(await started.read('refs.bib')).toBe('');
  });
});

describe('a file that is neither Markdown nor LaTeX', () => {
  it('is told that the text goes in as shown and that no .bib changes', async () => {
    started = await startExtension({ announcements: [latest], files: { 'notes.txt': '', 'refs.bib': '' }, settings: { 'paperFeed.bibliography': 'refs.bib' } });
    const editor = await started.openEditor('notes.txt', [[0, 0]]);
    choose('pandoc');
    await commands.executeCommand('paperFeed.insertCitation', await paperNode(started.tree, '2605.20001'));
    const [pick] = standIn.shown.quickPicks;
    expect(pick!.options?.placeHolder).toBe('notes.txt is neither Markdown nor LaTeX: the text shown goes in as it is, and no .bib file changes');
    expect((pick!.items as FormatItem[]).map((i) => i.detail)).toEqual([
      '[@okafor2026sparse]',
      '[Sparse Attention Budgets](https://arxiv.org/abs/2605.20001)',
      '[Sparse Attention Budgets](https://arxiv.org/abs/2605.20001)',
      'arXiv:2605.20001',
    ]);
    expect(editor.document.getText()).toBe('[@okafor2026sparse]');
    expect(await started.read('refs.bib')).toBe('');
  });
});

describe('completion and hover in LaTeX', () => {
  const files = { 'main.tex': '\\documentclass{article}\n\\bibliography{refs}\nAs \\citep{okafor2026sparse, nw} show.\n', 'refs.bib': '' };

  it("completes the key after the last comma, and the chosen key's entry goes to the project's .bib", async () => {
    started = await startExtension({ announcements: [latest], files });
    const [, latex] = standIn.providers.completion;
    const editor = await started.openEditor('main.tex', [[2, 30]]);
    const items = (await latex!.provider.provideCompletionItems(editor.document, new Position(2, 30), token, {
      triggerKind: CompletionTriggerKind.Invoke,
      triggerCharacter: undefined,
    })) as CompletionItem[];
    const byte = items.find((i) => i.label === 'nwosu2026byte')!;
    expect(byte.insertText).toBe('nwosu2026byte');
    const range = byte.range as { start: Position; end: Position };
    expect([range.start.character, range.end.character]).toEqual([28, 30]);
    expect(byte.command).toMatchObject({ command: 'paperFeed.internal.addToBibliography', arguments: [editor.document.uri.toString(), ['2605.20003']] });
    await commands.executeCommand(byte.command!.command, ...byte.command!.arguments!);
    expect(await started.read('refs.bib')).toMatch(/^@misc\{nwosu2026byte,\n/);
  });

  it('offers nothing outside a citation command', async () => {
    started = await startExtension({ announcements: [latest], files });
    const [, latex] = standIn.providers.completion;
    const editor = await started.openEditor('main.tex', [[1, 14]]);
    expect(
      await latex!.provider.provideCompletionItems(editor.document as unknown as TextDocument, new Position(1, 14), token, {
        triggerKind: CompletionTriggerKind.Invoke,
        triggerCharacter: undefined,
      }),
    ).toBeUndefined();
  });

  it('shows the paper when hovering a key inside \\citep{…}, and nothing over the command', async () => {
    started = await startExtension({ announcements: [latest], files });
    const [registration] = standIn.providers.hover;
    const editor = await started.openEditor('main.tex', [[2, 15]]);
    const document = editor.document as unknown as TextDocument;
    const shown = await registration!.provider.provideHover(document, new Position(2, 15), token);
    expect((shown!.contents[0] as MarkdownString).value).toMatch(/^\*\*Sparse Attention Budgets\*\*/);
    expect(await registration!.provider.provideHover(document, new Position(2, 6), token)).toBeUndefined();
  });
});
