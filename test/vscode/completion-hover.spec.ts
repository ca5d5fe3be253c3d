// Completion after `@` and `[[`, and hover over citations and arXiv ids, through the providers
// the extension registers for Markdown.
import { afterEach, describe, expect, it } from 'vitest';
import { CompletionTriggerKind, MarkdownString, Position, Range, CancellationTokenSource, commands, type CompletionItem } from 'vscode';
import { standIn } from '../stand-ins/vscode';
import { completionSite } from '../../vscode-extension/src/citations/completion';
import { latest, paperNote } from './support/papers';
import { paperNode, startExtension, type Started } from './support/extension-harness';

let started: Started | undefined;
afterEach(async () => {
  await started?.stop();
  started = undefined;
});

const token = new CancellationTokenSource().token;

async function complete(s: Started, relative: string, line: number, character: number): Promise<CompletionItem[]> {
  const [registration] = standIn.providers.completion;
  const editor = await s.openEditor(relative, [[line, character]]);
  const result = await registration!.provider.provideCompletionItems(editor.document, new Position(line, character), token, {
    triggerKind: CompletionTriggerKind.TriggerCharacter,
    triggerCharacter: '@',
  });
  return (result ?? []) as CompletionItem[];
}

async function hover(s: Started, relative: string, line: number, character: number) {
  const [registration] = standIn.providers.hover;
  const editor = await s.openEditor(relative, [[line, character]]);
  return registration!.provider.provideHover(editor.document, new Position(line, character), token);
}

const rangeOf = (r: unknown) => {
  const range = r as Range;
  return [range.start.line, range.start.character, range.end.line, range.end.character];
};

describe('where completion applies', () => {
  it('after @ at a word start, after [@, inside a citation group, and after [[', () => {
    expect(completionSite('See @')).toEqual({ kind: 'pandoc', start: 4, bracket: 'none' });
    expect(completionSite('See [@ok')).toEqual({ kind: 'pandoc', start: 5, bracket: 'open' });
    expect(completionSite('See [@a; @')).toEqual({ kind: 'pandoc', start: 9, bracket: 'inside' });
    expect(completionSite('@')).toEqual({ kind: 'pandoc', start: 0, bracket: 'none' });
    expect(completionSite('Link [[Byte')).toEqual({ kind: 'wikilink', start: 7 });
  });

  it('not in an e-mail address, a single bracket or plain text', () => {
    expect(completionSite('mail me@example')).toBeUndefined();
    expect(completionSite('a [link')).toBeUndefined();
    expect(completionSite('plain text')).toBeUndefined();
  });
});

describe('completion', () => {
  it('registers for Markdown-like files with @ and [, and for LaTeX with { and , as trigger characters', async () => {
    started = await startExtension({ announcements: [latest] });
    expect(standIn.providers.completion.map((r) => [r.selector, r.extra])).toEqual([
      [
        [{ language: 'markdown' }, { language: 'quarto' }, { language: 'rmd' }],
        ['@', '['],
      ],
      [
        [{ language: 'latex' }, { language: 'tex' }, { language: 'doctex' }],
        ['{', ','],
      ],
    ]);
  });

  it('after a bare @ offers every kept paper by citekey, inserting a whole Pandoc citation', async () => {
    started = await startExtension({ announcements: [latest], files: { 'draft.md': 'As shown by @' } });
    const items = await complete(started, 'draft.md', 0, 13);
    expect(items.map((i) => i.label)).toEqual([
      'okafor2026sparse',
      'ferrer2026consistency',
      'nwosu2026byte',
      'watanabe2026reward',
      'byron2026bounds',
      'haddad2026scaling',
    ]);
    const [first] = items;
    expect(first!.insertText).toBe('[@okafor2026sparse]');
    expect(rangeOf(first!.range)).toEqual([0, 12, 0, 13]);
    expect(first!.detail).toBe('Sparse Attention Budgets');
    expect(first!.filterText).toBe('@okafor2026sparse Sparse Attention Budgets Mira Okafor Tobias Lindqvist 2605.20001');
    expect(first!.command).toBeUndefined();
  });

  it('replaces the key typed so far but keeps the full stop after the cursor', async () => {
    started = await startExtension({ announcements: [latest], files: { 'draft.md': 'Attention is cheap @oka.' } });
    const [first] = await complete(started, 'draft.md', 0, 21);
    expect(first!.insertText).toBe('[@okafor2026sparse]');
    // The cursor is inside "@oka": all of "@oka" (columns 19–23) is replaced, the "." at 23 is not.
    expect(rangeOf(first!.range)).toEqual([0, 19, 0, 23]);
  });

  it('inside brackets inserts only the key, closing the bracket when it is missing', async () => {
    started = await startExtension({ announcements: [latest], files: { 'draft.md': 'See [@ and [@]\n[@a; @' } });
    const [open] = await complete(started, 'draft.md', 0, 6);
    expect(open!.insertText).toBe('@okafor2026sparse]');
    const [closed] = await complete(started, 'draft.md', 0, 13);
    expect(closed!.insertText).toBe('@okafor2026sparse');
    const [group] = await complete(started, 'draft.md', 1, 6);
    expect(group!.insertText).toBe('@okafor2026sparse');
    expect(rangeOf(group!.range)).toEqual([1, 5, 1, 6]);
  });

  it('documents each item with the untrusted abstract when VS Code resolves it', async () => {
    started = await startExtension({ announcements: [latest], files: { 'draft.md': '@' } });
    const items = await complete(started, 'draft.md', 0, 1);
    const [registration] = standIn.providers.completion;
    const resolved = (await registration!.provider.resolveCompletionItem!(items[2]!, token))!;
    const doc = resolved.documentation as MarkdownString;
    expect(doc.isTrusted).toBe(false);
    expect(doc.value).toContain('**Byte Models for Low-Resource Scripts**');
    expect(doc.value).toContain('A byte-level language model matches a subword baseline on six languages.');
    expect(doc.value).toContain('@nwosu2026byte');
  });

  it('after [[ offers papers with notes by note name first, the others as Markdown links', async () => {
    started = await startExtension({
      announcements: [latest],
      files: { 'draft.md': 'Read [[]]', 'arXiv/Papers/Byte models note.md': paperNote('2605.20003') },
    });
    const items = await complete(started, 'draft.md', 0, 7);
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    const [note, other] = sorted;
    expect(note!.label).toBe('Byte models note');
    expect(note!.insertText).toBe('Byte models note');
    expect(rangeOf(note!.range)).toEqual([0, 7, 0, 7]);
    expect(other!.label).toBe('Sparse Attention Budgets');
    expect(other!.insertText).toBe('[Sparse Attention Budgets](https://arxiv.org/abs/2605.20001)');
    expect(rangeOf(other!.range)).toEqual([0, 5, 0, 9]);
  });

  it('adds the BibTeX entry after a Pandoc completion when the document has a .bib', async () => {
    started = await startExtension({ announcements: [latest], files: { 'draft.md': '---\nbibliography: refs.bib\n---\n@', 'refs.bib': '' } });
    const items = await complete(started, 'draft.md', 3, 1);
    const item = items.find((i) => i.label === 'ferrer2026consistency')!;
    expect(item.command).toEqual({
      command: 'paperFeed.internal.addToBibliography',
      title: 'Add to bibliography',
      arguments: [`file://${started.path('draft.md')}`, ['2605.20002']],
    });
    await commands.executeCommand(item.command!.command, ...item.command!.arguments!);
    await commands.executeCommand(item.command!.command, ...item.command!.arguments!);
    const bib = await started.read('refs.bib');
    expect(bib.match(/@misc\{ferrer2026consistency,/g)).toHaveLength(1);
  });

  it('keeps working while a keyword group in the settings is broken', async () => {
    started = await startExtension({
      announcements: [latest],
      files: { 'draft.md': '@' },
      settings: { 'paperFeed.groups': [{ name: 'Bad', include: ['/(/'] }] },
    });
    expect((await complete(started, 'draft.md', 0, 1))[0]!.insertText).toBe('[@okafor2026sparse]');
  });

  it('offers nothing before anything is fetched', async () => {
    started = await startExtension({ files: { 'draft.md': '@' } });
    expect(await complete(started, 'draft.md', 0, 1)).toEqual([]);
  });
});

describe('hover', () => {
  it('over [@key] shows the paper, for the whole key only', async () => {
    started = await startExtension({ announcements: [latest], files: { 'draft.md': 'As in [@watanabe2026reward].' } });
    const shown = await hover(started, 'draft.md', 0, 12);
    expect(rangeOf(shown!.range)).toEqual([0, 7, 0, 26]);
    const [content] = shown!.contents as MarkdownString[];
    expect(content!.isTrusted).toBe(false);
    expect(content!.value).toBe(
      '**Reward Shaping with Generative Priors**\n\n' +
        'Kenji Watanabe, Sofia Rossi, Lena Park\n\n' +
        'arXiv:2605\\.20004v1 · cs\\.LG, cs\\.AI · @watanabe2026reward\n\n' +
        'Reinforcement learning agents explore better when a diffusion model proposes subgoals.\n\n' +
        '[Abstract](https://arxiv.org/abs/2605.20004) · [PDF](https://arxiv.org/pdf/2605.20004v1)',
    );
  });

  it('over an arXiv id, an arXiv: reference or an arxiv.org link shows the paper', async () => {
    started = await startExtension({
      announcements: [latest],
      files: { 'draft.md': 'See 2605.20002v1, arXiv:2605.20001 and https://arxiv.org/abs/2605.20003.' },
    });
    const first = await hover(started, 'draft.md', 0, 8);
    expect((first!.contents[0] as MarkdownString).value).toMatch(/^\*\*Consistency Distillation for Few-Step Samplers\*\*/);
    expect(rangeOf(first!.range)).toEqual([0, 4, 0, 16]);
    const second = await hover(started, 'draft.md', 0, 24);
    expect((second!.contents[0] as MarkdownString).value).toMatch(/^\*\*Sparse Attention Budgets\*\*/);
    const third = await hover(started, 'draft.md', 0, 65);
    expect((third!.contents[0] as MarkdownString).value).toMatch(/^\*\*Byte Models for Low-Resource Scripts\*\*/);
  });

  it('shows nothing for an unknown key, an id not kept, or plain words', async () => {
    started = await startExtension({ announcements: [latest], files: { 'draft.md': '[@nobody2020x] 2401.00001 words' } });
    expect(await hover(started, 'draft.md', 0, 5)).toBeUndefined();
    expect(await hover(started, 'draft.md', 0, 18)).toBeUndefined();
    expect(await hover(started, 'draft.md', 0, 28)).toBeUndefined();
  });

  it('renders the TeX of titles and abstracts as the notes do, and links only to the web', async () => {
    const tex = {
      ...latest,
      papers: [
        {
          ...latest.papers[0]!,
          title: '\\textbf{C}ritic-\\textbf{G}uided Search in \\emph{Schr\\"odinger} Bridges',
          abstract:
            'We propose \\emph{CGS} for a large language model, see \\url{javascript:alert(1)} and \\href{https://example.org/x}{our code}, for $x < y$.\n\nSecond \\textit{paragraph}.',
        },
      ],
    };
    started = await startExtension({ announcements: [tex], files: { 'draft.md': '2605.20001' } });
    const content = (await hover(started, 'draft.md', 0, 3))!.contents[0] as MarkdownString;
    expect(content.isTrusted).toBe(false);
    expect(content.supportHtml).toBe(false);
    const [title, , , abstract, second] = content.value.split('\n\n');
    expect(title).toBe('**Critic-Guided Search in *Schrödinger* Bridges**');
    expect(abstract).toBe('We propose *CGS* for a large language model, see javascript:alert(1) and [our code](<https://example.org/x>), for $x < y$.');
    expect(second).toBe('Second *paragraph*.');
    expect(content.value).not.toContain('\\textbf');
    // The tree and the pickers show the same title as plain text.
    const node = await paperNode(started.tree, '2605.20001');
    expect(started.tree.getTreeItem(node).label).toBe('Critic-Guided Search in Schrödinger Bridges — Mira Okafor et al.');
  });

  it('escapes Markdown and link syntax that a paper title carries', async () => {
    const hostile = { ...latest, papers: [{ ...latest.papers[0]!, title: 'Click [here](command:workbench.action.quit) <img src=x> **now**' }] };
    started = await startExtension({ announcements: [hostile], files: { 'draft.md': '2605.20001' } });
    const shown = await hover(started, 'draft.md', 0, 3);
    const value = (shown!.contents[0] as MarkdownString).value;
    // No unescaped bracket can open a link, no < a tag, no * emphasis.
    expect(value.split('\n')[0]).toBe('**Click \\[here\\](command:workbench.action.quit) \\<img src=x\\> \\*\\*now\\*\\***');
  });
});
