// "Copy citation…": a suggestion list of the core's citation formats for the paper note in view,
// each shown with what it will copy; choosing one puts it on the clipboard.
import { Notice, SuggestModal, type App } from 'obsidian';
import { formatCitation } from '../core/cite/formats';
import { CITATION_FORMATS, type CitationFormat } from '../core/config';
import type { PaperNote } from './paper-note';

interface CitationChoice {
  format: CitationFormat | 'bibtex';
  label: string;
  text: string;
}

const LABELS: Record<CitationFormat | 'bibtex', string> = {
  pandoc: 'Pandoc citation',
  wikilink: 'Link to the paper note',
  markdown: 'Markdown link to arXiv',
  arxiv: 'arXiv identifier',
  bibtex: 'BibTeX entry',
};
const FORMATS = [...CITATION_FORMATS, 'bibtex' as const].map((format) => [format, LABELS[format]] as const);

export class CitationModal extends SuggestModal<CitationChoice> {
  private readonly choices: CitationChoice[];

  constructor(app: App, note: PaperNote, preferred: CitationFormat) {
    super(app);
    const noteName = app.metadataCache.fileToLinktext(note.file, '', true);
    const ordered = [...FORMATS.filter(([f]) => f === preferred), ...FORMATS.filter(([f]) => f !== preferred)];
    this.choices = ordered.map(([format, label]) => ({
      format,
      label,
      text: formatCitation(note.paper, format, { citekey: note.citekey, noteName }),
    }));
    this.setPlaceholder('Choose a citation format');
  }

  getSuggestions(query: string): CitationChoice[] {
    const wanted = query.trim().toLowerCase();
    return this.choices.filter((c) => !wanted || c.label.toLowerCase().includes(wanted) || c.format.includes(wanted));
  }

  renderSuggestion(choice: CitationChoice, el: HTMLElement): void {
    el.createDiv({ text: choice.label });
    el.createEl('small', { text: choice.format === 'bibtex' ? firstLine(choice.text) : choice.text, cls: 'paper-feed-citation-preview' });
  }

  onChooseSuggestion(choice: CitationChoice): void {
    navigator.clipboard.writeText(choice.text).then(
      () => new Notice(choice.format === 'bibtex' ? 'Copied the BibTeX entry.' : `Copied ${choice.text}`),
      () => new Notice('Paper Feed could not write to the clipboard; allow clipboard access for Obsidian and try again.'),
    );
  }
}

function firstLine(text: string): string {
  return `${text.split('\n')[0] ?? ''} …`;
}
