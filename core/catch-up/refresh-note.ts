// A paper note brought up to what arXiv says now: the owned keys (version, updated,
// journal_ref, doi, comment, and withdrawn), the generated block's facts and its BibTeX, which
// becomes the published form once arXiv has a journal reference and DOI. The person's keys and
// text outside the block are never touched, and the citekey stays. For the same version the
// block keeps its title lines (translation, TL;DR) and abstract section as they are: only the
// facts and the BibTeX are rewritten.

import type { Paper } from '../arxiv/paper';
import { makeCitekey } from '../cite/citekey';
import { bodyOffset, readFrontmatter, writeFrontmatterKeys, type FrontmatterValue } from '../notes/frontmatter';
import { findMarkedBlock, replaceMarkedBlock } from '../notes/markers';
import { metadataText } from '../notes/note-values';
import { readVersion } from '../notes/note-facts';
import { arxivFacts, paperBlock } from '../notes/paper-note';
import type { ChangedFact } from '../notes/published-and-updated';
import { isWithdrawn } from './withdrawn';

export interface NoteRefresh {
  /** The note's text after the refresh (the same string when nothing changed). */
  text: string;
  changed: ChangedFact[];
  /** The note's version before, 0 when it had none. */
  fromVersion: number;
  withdrawn: boolean;
}

/** Throws FrontmatterError when the note's frontmatter cannot be changed safely. */
export function refreshPaperNote(existing: string, paper: Paper): NoteRefresh {
  const data = readFrontmatter(existing);
  const fromVersion = readVersion(data.version) ?? 0;
  const withdrawn = isWithdrawn(paper);
  const unchanged: NoteRefresh = { text: existing, changed: [], fromVersion, withdrawn: data.withdrawn === true };
  // arXiv answers with the latest version; a note ahead of it (a mirror lagging) is left alone.
  if (paper.version < fromVersion) return unchanged;
  const changed: ChangedFact[] = [];
  if (paper.version !== fromVersion) changed.push('version');
  if (differs(data.updated, paper.updated)) changed.push('updated');
  if (differs(data.journal_ref, paper.journalRef && metadataText(paper.journalRef))) changed.push('journal_ref');
  if (differs(data.doi, paper.doi)) changed.push('doi');
  if (differs(data.comment, paper.comment && metadataText(paper.comment))) changed.push('comment');
  if ((data.withdrawn === true) !== withdrawn) changed.push('withdrawn');
  if (changed.length === 0) return unchanged;

  const entries: Array<[string, FrontmatterValue]> = arxivFacts(paper);
  if (withdrawn || data.withdrawn !== undefined) entries.push(['withdrawn', withdrawn]);
  const current = typeof data.citekey === 'string' ? data.citekey.trim() : '';
  const citekey = current || makeCitekey(paper, { has: () => false });
  let text = writeFrontmatterKeys(existing, entries, data);
  const from = bodyOffset(text);
  const fresh = paperBlock(paper, citekey, undefined, withdrawn);
  const range = findMarkedBlock(text, from);
  if (range) {
    const before = text.slice(range.start, range.end);
    const inner = paper.version === fromVersion ? (spliced(before, fresh) ?? fresh) : fresh;
    text = replaceMarkedBlock(text, inner, from) ?? text;
  }
  return { text, changed, fromVersion, withdrawn };
}

/** A key's value against arXiv's; an absent value and an empty one are the same. */
function differs(noteValue: unknown, arxivValue: string | undefined): boolean {
  // YAML may read a DOI or a date as a number or a date; compared as the text it was written as.
  const have = typeof noteValue === 'string' ? noteValue : typeof noteValue === 'number' || noteValue instanceof Date ? String(noteValue) : '';
  return have.trim() !== (arxivValue ?? '').trim();
}

/**
 * The old block's head (title and the lines under it) and abstract section, with the new block's
 * facts and BibTeX; null when the old block lacks a landmark (written by an older version).
 */
function spliced(before: string, fresh: string): string | null {
  const oldLines = before.replace(/\r?\n$/, '').split(/\r?\n/);
  const newLines = fresh.split('\n');
  const marks = (lines: string[]) => ({
    facts: lines.findIndex((l) => l.startsWith('> [!warning] Withdrawn') || l.startsWith('- **Authors:**') || l.startsWith('- **arXiv:**')),
    abstract: lines.indexOf('## Abstract'),
    bibtex: lines.indexOf('## BibTeX'),
  });
  const o = marks(oldLines);
  const n = marks(newLines);
  if ([o.facts, o.abstract, o.bibtex, n.facts, n.abstract, n.bibtex].some((i) => i < 0)) return null;
  if (!(o.facts < o.abstract && o.abstract < o.bibtex)) return null;
  return [...oldLines.slice(0, o.facts), ...newLines.slice(n.facts, n.abstract), ...oldLines.slice(o.abstract, o.bibtex), ...newLines.slice(n.bibtex)].join(
    '\n',
  );
}
