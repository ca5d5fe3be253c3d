// Turns papers into the text to put in a document, in one of the citation formats, together with
// the BibTeX entries the citation needs in the document's .bib file: a Pandoc citation in
// Markdown, a \cite in LaTeX.
import type * as vscode from 'vscode';
import type { Paper } from '../../../core/arxiv/paper';
import { CITATION_FORMATS, type CitationFormat } from '../../../core/config';
import { formatCitation } from '../../../core/cite/formats';
import { bibtexEntry } from '../../../core/cite/bibtex-writer';
import { documentBibliography, type DocumentBibliography } from '../bibliography/bib-locate';
import { addToBibliography, readEntries, type BibAddition } from '../bibliography/add-to-bibliography';
import { hasKey } from '../bibliography/bib-entries';
import { documentKind } from '../shared/document-kind';
import { commandsFor, isLatexCommand, latexCitation, type LatexCommand } from '../shared/latex-citation';
import type { CitekeyBook, Citekeys } from './citekeys';
import type { WorkspaceNoteIndex } from '../workspace/workspace-note-index';
import type { CitationSettings } from '../settings/settings';

/** A Markdown-world format or a LaTeX command. */
export type CiteFormat = CitationFormat | LatexCommand;

export interface CitationPlan {
  text: string;
  /** The .bib file to add entries to (a citation the document's bibliography must hold, and a .bib it names or is configured). */
  bibFile?: vscode.Uri;
  /** Entries whose keys no .bib of the document holds yet. */
  additions: BibAddition[];
  /** Which kind of document the plan is for ('other' when none was given). */
  kind: DocumentBibliography['kind'];
  /** For LaTeX: the root file, which names the bibliography (or fails to). */
  latexRoot?: vscode.Uri;
}

export type DocumentLike = Pick<vscode.TextDocument, 'uri' | 'getText' | 'languageId'>;

export interface CiterDeps {
  citekeys: CitekeyBook;
  notes: WorkspaceNoteIndex;
  /** Settings for the document being cited into (the .bib path may differ per folder). */
  settings: (scope?: vscode.Uri) => CitationSettings;
}

export class Citer {
  constructor(private readonly deps: CiterDeps) {}

  /** Keys as the document's .bib files see them (an existing entry for a paper keeps its key). */
  async keysFor(document: DocumentLike | undefined): Promise<{ keys: Citekeys; bibliography: DocumentBibliography; inBib: (key: string) => boolean }> {
    const base = await this.deps.citekeys.current();
    const bibliography = document ? await documentBibliography(document, this.deps.settings(document.uri).bibliography) : { kind: 'other' as const, files: [] };
    const entries = await readEntries(bibliography.files);
    return { keys: base.withBibliography(entries), bibliography, inBib: (key) => hasKey(entries, key) };
  }

  /** The format a drop or a completion uses in `document`: the configured LaTeX command in LaTeX, else the configured format. */
  defaultFormat(document: DocumentLike | undefined): CiteFormat {
    const settings = this.deps.settings(document?.uri);
    return document && isLatexDocument(document) ? settings.latexCommand : settings.citationFormat;
  }

  /** The formats to offer for `document`, the default first. */
  async formatsFor(document: DocumentLike | undefined): Promise<CiteFormat[]> {
    const first = this.defaultFormat(document);
    if (!document || !isLatexDocument(document)) return [first, ...CITATION_FORMATS.filter((f) => f !== first)];
    const { bibliography } = await this.keysFor(document);
    const commands = commandsFor(bibliography.latex?.packages ?? []);
    return [first, ...commands.filter((c) => c !== first), 'arxiv'];
  }

  async plan(papers: readonly Paper[], format: CiteFormat, document?: DocumentLike): Promise<CitationPlan> {
    const { keys, bibliography, inBib } = await this.keysFor(document);
    const notes = await this.deps.notes.notes();
    const citekeys = papers.map((p) => keys.keyFor(p));
    const text = isLatexCommand(format)
      ? latexCitation(format, citekeys)
      : format === 'pandoc' && papers.length > 1
        ? `[${citekeys.map((k) => `@${k}`).join('; ')}]`
        : papers
            .map((paper, i) => {
              const noteName = notes.get(paper.id)?.name;
              return formatCitation(paper, format, { citekey: citekeys[i]!, ...(noteName ? { noteName } : {}) });
            })
            .join(', ');
    const { kind } = bibliography;
    const latexRoot = bibliography.latex?.root;
    const base = { text, additions: [], kind, ...(latexRoot ? { latexRoot } : {}) };
    // A citation needs its entry only where the document's tools look the key up.
    const needsEntry = (kind === 'pandoc' && format === 'pandoc') || (kind === 'latex' && isLatexCommand(format));
    const bibFile = bibliography.files[0];
    if (!needsEntry || !bibFile) return base;
    const additions = papers
      .map((paper, i) => ({ key: citekeys[i]!, entry: bibtexEntry(paper, citekeys[i]!) }))
      .filter((a, i, all) => !inBib(a.key) && all.findIndex((b) => b.key === a.key) === i);
    return { ...base, bibFile, additions };
  }

  /** Writes the plan's .bib additions; resolves to the keys added. */
  async writeBibliography(plan: CitationPlan): Promise<string[]> {
    if (!plan.bibFile || plan.additions.length === 0) return [];
    return addToBibliography(plan.bibFile, plan.additions);
  }

  /** The BibTeX entries for `papers`, with the keys the rest of the extension uses. */
  async bibtex(papers: readonly Paper[]): Promise<string> {
    const keys = await this.deps.citekeys.current();
    return papers.map((p) => bibtexEntry(p, keys.keyFor(p))).join('\n\n');
  }
}

function isLatexDocument(document: DocumentLike): boolean {
  return documentKind(document) === 'latex';
}
