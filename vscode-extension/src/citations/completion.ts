// Completion of kept papers while writing: in Markdown after `@` a Pandoc citation (the key, with
// the brackets it needs) and after `[[` a wikilink to the paper's note; in LaTeX the key inside
// the braces of \cite{…} and its relatives. The abstract is the documentation.
import { absUrlOf } from '../../../core/arxiv/links';
import * as vscode from 'vscode';
import type { Paper } from '../../../core/arxiv/paper';
import { paperMarkdown, plainTitle } from '../shared/paper-markdown';
import type { Citer } from './citer';
import type { Citekeys } from './citekeys';
import type { WorkspaceNote } from '../workspace/workspace-note-index';
import { documentKind } from '../shared/document-kind';

export const ADD_TO_BIBLIOGRAPHY = 'paperFeed.internal.addToBibliography';

/** Where a completion applies, read from the line up to the cursor. */
export type CompletionSite =
  { kind: 'pandoc'; start: number; bracket: 'open' | 'inside' | 'none' } | { kind: 'wikilink'; start: number } | { kind: 'latex'; start: number };

// Pandoc keys: a letter, digit or _, then those and internal punctuation (:.#$%&-+?<>~/).
const KEY_CHARS = String.raw`[\w:.#$%&\-+?<>~/]*`;
const PANDOC_AT = new RegExp(String.raw`(^|[\s\[(;])@(${KEY_CHARS})$`);
const WIKILINK_OPEN = /\[\[([^[\]|#\n]*)$/;

export function completionSite(before: string): CompletionSite | undefined {
  const wikilink = WIKILINK_OPEN.exec(before);
  if (wikilink) return { kind: 'wikilink', start: wikilink.index + 2 };
  const pandoc = PANDOC_AT.exec(before);
  if (!pandoc) return undefined;
  const at = pandoc.index + pandoc[1]!.length;
  if (pandoc[1] === '[') return { kind: 'pandoc', start: at, bracket: 'open' };
  // "[@a; @b" or "[see @b": inside a citation group when an unclosed "[" comes before.
  const open = before.lastIndexOf('[', at - 1);
  const inside = open >= 0 && !before.slice(open, at).includes(']');
  return { kind: 'pandoc', start: at, bracket: inside ? 'inside' : 'none' };
}

// \cite{, \citep{, \parencite[see][12]{, \textcite*{ …, up to the key being typed (after the last
// comma). Any command with "cite" in its name takes keys this way (\nocite, \citeauthor, \footcite).
const LATEX_CITE = /\\[A-Za-z]*cite[A-Za-z]*\*?(?:\s*\[[^\]]*\]){0,2}\s*\{([^{}]*)$/;

/** Where a key completes in LaTeX: inside the braces of a citation command. */
export function latexCompletionSite(before: string): CompletionSite | undefined {
  const cite = LATEX_CITE.exec(before);
  if (!cite) return undefined;
  const typed = /[^,\s]*$/.exec(cite[1]!)![0];
  return { kind: 'latex', start: before.length - typed.length };
}

export class PaperCompletionItem extends vscode.CompletionItem {
  constructor(
    label: string,
    readonly paper: Paper,
    readonly citekey: string,
  ) {
    super(label, vscode.CompletionItemKind.Reference);
  }
}

/** The completion items for a site (pure apart from VS Code's value classes; used by the benchmark too). */
export function completionItems(
  site: CompletionSite,
  line: number,
  cursor: number,
  after: string,
  papers: readonly Paper[],
  keys: Citekeys,
  notes: ReadonlyMap<string, WorkspaceNote>,
  bibliography: { documentUri: string; inBib: (key: string) => boolean } | undefined,
): PaperCompletionItem[] {
  // A Pandoc key ends in a word character, so trailing punctuation after the cursor (the full
  // stop of "… scripts @nwo.") stays in the text.
  const typedEnd = cursor + (/^(?:[\w:.#$%&\-+?<>~/]*\w)?/.exec(after)?.[0].length ?? 0);
  return papers.map((paper, index) => {
    const key = keys.keyFor(paper);
    const title = plainTitle(paper);
    const authors = paper.authors.map((a) => a.name).join(' ');
    const sortText = String(index).padStart(6, '0');
    if (site.kind === 'wikilink') {
      const note = notes.get(paper.id);
      const item = new PaperCompletionItem(note?.name ?? title, paper, key);
      item.detail = note ? `${title} · arXiv:${paper.id}` : `no note yet · inserts a Markdown link · arXiv:${paper.id}`;
      const closes = after.startsWith(']]');
      // Without a note there is no wikilink target; the "[[" becomes a Markdown link to arXiv instead.
      item.insertText = note ? `${note.name}${closes ? '' : ']]'}` : `[${title}](${absUrlOf(paper.id)})`;
      const start = note ? site.start : site.start - 2;
      item.range = new vscode.Range(line, start, line, cursor + (note ? 0 : closes ? 2 : 0));
      item.filterText = note ? `${note.name} ${title} ${key} ${paper.id}` : `[[${title} ${key} ${paper.id}`;
      item.sortText = `${note ? 0 : 1}${sortText}`;
      return item;
    }
    const item = new PaperCompletionItem(key, paper, key);
    item.detail = title;
    if (site.kind === 'latex') {
      // The key only: the braces and the commas between keys are the person's.
      const keyEnd = cursor + (/^[^,}\s]*/.exec(after)?.[0].length ?? 0);
      item.insertText = key;
      item.range = new vscode.Range(line, site.start, line, keyEnd);
      item.filterText = `${key} ${title} ${authors} ${paper.id}`;
      item.sortText = sortText;
      if (bibliography && !bibliography.inBib(key)) {
        item.command = { command: ADD_TO_BIBLIOGRAPHY, title: 'Add to bibliography', arguments: [bibliography.documentUri, [paper.id]] };
      }
      return item;
    }
    const closes = after.slice(typedEnd - cursor).startsWith(']');
    item.insertText = site.bracket === 'none' ? `[@${key}]` : site.bracket === 'open' && !closes ? `@${key}]` : `@${key}`;
    item.range = new vscode.Range(line, site.start, line, typedEnd);
    item.filterText = `@${key} ${title} ${authors} ${paper.id}`;
    item.sortText = sortText;
    if (bibliography && !bibliography.inBib(key)) {
      item.command = { command: ADD_TO_BIBLIOGRAPHY, title: 'Add to bibliography', arguments: [bibliography.documentUri, [paper.id]] };
    }
    return item;
  });
}

export class PaperCompletionProvider implements vscode.CompletionItemProvider<PaperCompletionItem> {
  constructor(
    private readonly citer: Citer,
    private readonly papers: () => Promise<readonly Paper[]>,
    private readonly notes: () => Promise<ReadonlyMap<string, WorkspaceNote>>,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<PaperCompletionItem[] | undefined> {
    const text = document.lineAt(position.line).text;
    const before = text.slice(0, position.character);
    const site = documentKind(document) === 'latex' ? latexCompletionSite(before) : completionSite(before);
    if (!site) return undefined;
    const papers = await this.papers();
    if (papers.length === 0) return undefined;
    const { keys, bibliography: named, inBib } = await this.citer.keysFor(site.kind === 'wikilink' ? undefined : document);
    const bibliography = named.files.length > 0 ? { documentUri: document.uri.toString(), inBib } : undefined;
    return completionItems(site, position.line, position.character, text.slice(position.character), papers, keys, await this.notes(), bibliography);
  }

  resolveCompletionItem(item: PaperCompletionItem): PaperCompletionItem {
    item.documentation = paperMarkdown(item.paper, { citekey: item.citekey });
    return item;
  }
}
