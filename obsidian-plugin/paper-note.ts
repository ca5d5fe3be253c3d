// The paper note in view, read back into the core's Paper from its frontmatter (the note contract
// in docs/NOTES.md), so the paper commands work on any note with an `arxiv_id`, wherever it lives.
import { absUrlOf, pdfUrlOf } from '../core/arxiv/links';
import { TFile, type App } from 'obsidian';
import { tryParseArxivId } from '../core/arxiv/ids';
import type { Paper } from '../core/arxiv/paper';
import { readArxivId, readDay } from '../core/notes/note-facts';
import { listOf, textOf } from './frontmatter-values';

export interface PaperNote {
  file: TFile;
  paper: Paper;
  citekey: string;
}

/** The active note when it is a paper note, else null (the paper commands then stay hidden). */
export function paperNoteInView(app: App): PaperNote | null {
  const file = app.workspace.getActiveFile();
  if (!(file instanceof TFile) || file.extension !== 'md') return null;
  return paperNoteOf(file, app.metadataCache.getFileCache(file)?.frontmatter);
}

export function paperNoteOf(file: TFile, frontmatter: unknown): PaperNote | null {
  if (!frontmatter || typeof frontmatter !== 'object') return null;
  const fm = frontmatter as Record<string, unknown>;
  const parsed = tryParseArxivId(readArxivId(fm.arxiv_id) ?? '');
  if (!parsed) return null;
  const { id } = parsed;
  const versionNumber = Number(fm.version);
  const version = Number.isInteger(versionNumber) && versionNumber > 0 ? versionNumber : (parsed.version ?? 1);
  const categories = listOf(fm.categories);
  const primaryCategory = textOf(fm.primary_category) ?? categories[0] ?? '';
  const paper: Paper = {
    id,
    version,
    title: textOf(fm.title) ?? file.basename,
    authors: listOf(fm.authors).map((name) => ({ name, affiliations: [] })),
    abstract: '',
    categories: categories.length ? categories : primaryCategory ? [primaryCategory] : [],
    primaryCategory,
    absUrl: arxivUrl(fm.url) ?? absUrlOf(id),
    pdfUrl: arxivUrl(fm.pdf) ?? pdfUrlOf(id, version),
  };
  const published = readDay(fm.published);
  if (published) paper.published = published;
  const updated = readDay(fm.updated);
  if (updated) paper.updated = updated;
  const doi = textOf(fm.doi);
  if (doi) paper.doi = doi;
  const journalRef = textOf(fm.journal_ref);
  if (journalRef) paper.journalRef = journalRef;
  const comment = textOf(fm.comment);
  if (comment) paper.comment = comment;
  return { file, paper, citekey: textOf(fm.citekey) ?? `arxiv${id.replace(/[^0-9a-z]/gi, '')}` };
}

// Only arXiv's own links are opened from a note; anything else falls back to the id's link, so
// an edited frontmatter cannot send the "open on arXiv" command somewhere else.
function arxivUrl(value: unknown): string | undefined {
  const text = textOf(value);
  return text && /^https?:\/\/(export\.)?arxiv\.org\//.test(text) ? text : undefined;
}
