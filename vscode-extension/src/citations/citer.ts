// Turns papers into the text to put in a document, in one of the citation formats, together with
// the BibTeX entries a Pandoc citation needs in the document's .bib file.
import type * as vscode from 'vscode';
import type { Paper } from '../../../core/arxiv/paper';
import type { CitationFormat } from '../../../core/config';
import { formatCitation } from '../../../core/cite/formats';
import { bibtexEntry } from '../../../core/cite/bibtex';
import { bibliographyFor } from '../bibliography/bib-locate';
import { addToBibliography, readEntries, type BibAddition } from '../bibliography/add-to-bibliography';
import { hasKey } from '../bibliography/bib-entries';
import type { CitekeyBook, Citekeys } from './citekeys';
import type { NoteIndex } from '../notes/note-index';
import type { CitationSettings } from '../settings/settings';

export interface CitationPlan {
  text: string;
  /** The .bib file to add entries to (Pandoc format, and a .bib configured or named by the document). */
  bibFile?: vscode.Uri;
  /** Entries whose keys no .bib of the document holds yet. */
  additions: BibAddition[];
}

export type DocumentLike = Pick<vscode.TextDocument, 'uri' | 'getText'>;

export interface CiterDeps {
  citekeys: CitekeyBook;
  notes: NoteIndex;
  /** Settings for the document being cited into (the .bib path may differ per folder). */
  settings: (scope?: vscode.Uri) => CitationSettings;
}

export class Citer {
  constructor(private readonly deps: CiterDeps) {}

  /** Keys as the document's .bib files see them (an existing entry for a paper keeps its key). */
  async keysFor(document: DocumentLike | undefined): Promise<{ keys: Citekeys; bibFiles: vscode.Uri[]; inBib: (key: string) => boolean }> {
    const base = await this.deps.citekeys.current();
    const bibFiles = document ? bibliographyFor(document, this.deps.settings(document.uri).bibliography) : [];
    const entries = await readEntries(bibFiles);
    return { keys: base.withBibliography(entries), bibFiles, inBib: (key) => hasKey(entries, key) };
  }

  async plan(papers: readonly Paper[], format: CitationFormat, document?: DocumentLike): Promise<CitationPlan> {
    const { keys, bibFiles, inBib } = await this.keysFor(format === 'pandoc' ? document : undefined);
    const notes = await this.deps.notes.notes();
    const citekeys = papers.map((p) => keys.keyFor(p));
    const text =
      format === 'pandoc' && papers.length > 1
        ? `[${citekeys.map((k) => `@${k}`).join('; ')}]`
        : papers
            .map((paper, i) => {
              const noteName = notes.get(paper.id)?.name;
              return formatCitation(paper, format, { citekey: citekeys[i]!, ...(noteName ? { noteName } : {}) });
            })
            .join(', ');
    const bibFile = bibFiles[0];
    if (format !== 'pandoc' || !bibFile) return { text, additions: [] };
    const additions = papers
      .map((paper, i) => ({ key: citekeys[i]!, entry: bibtexEntry(paper, citekeys[i]!) }))
      .filter((a, i, all) => !inBib(a.key) && all.findIndex((b) => b.key === a.key) === i);
    return { text, bibFile, additions };
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
