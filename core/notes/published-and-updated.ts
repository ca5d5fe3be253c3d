// The daily note's "Published and updated" section: what the last catch-up check
// changed in the person's paper notes, each with a link to its note and to where to read it now
// (the journal's DOI, or arXiv).

import { absUrlOf } from '../arxiv/links';
import { escapeMarkdownText, linkText, texToMarkdown } from '../text/markdown';

/** The facts a check compares, named as the note's keys are. */
export type ChangedFact = 'version' | 'updated' | 'journal_ref' | 'doi' | 'comment' | 'withdrawn';

/** One note the catch-up check changed. */
export interface PaperUpdate {
  id: string;
  path: string;
  title: string;
  changed: ChangedFact[];
  fromVersion: number;
  toVersion: number;
  journalRef?: string;
  doi?: string;
  withdrawn: boolean;
}

export function publishedAndUpdatedLines(updates: readonly PaperUpdate[]): string[] {
  if (updates.length === 0) return [];
  const lines = [`## Published and updated (${updates.length})`, '', 'What arXiv now says about papers you have notes for:', ''];
  for (const update of updates) lines.push(`- ${noteLink(update)} — ${whatChanged(update).join(' · ')}`);
  return lines;
}

function whatChanged(update: PaperUpdate): string[] {
  const parts: string[] = [];
  if (update.withdrawn && update.changed.includes('withdrawn')) parts.push(`**withdrawn** (v${update.toVersion})`);
  if (update.changed.includes('version') && update.fromVersion > 0 && !update.withdrawn) parts.push(`v${update.fromVersion} → v${update.toVersion}`);
  const published = update.changed.includes('journal_ref') || update.changed.includes('doi');
  if (published && update.journalRef) parts.push(`published: *${texToMarkdown(update.journalRef)}*`);
  if (published && update.doi) parts.push(`[doi:${escapeMarkdownText(update.doi)}](<https://doi.org/${update.doi.replace(/[<>\s]/g, encodeURIComponent)}>)`);
  if (parts.length === 0) parts.push(update.changed.includes('comment') ? 'comment updated' : 'details updated');
  parts.push(`[arXiv:${update.id}](${absUrlOf(update.id)})`);
  return parts;
}

/** A link to the note by its full path with the title as text, as the rest of the daily note links. */
function noteLink(update: PaperUpdate): string {
  const title = linkText(update.title) || update.id;
  const target = update.path.replace(/\.md$/i, '');
  if (/[#^|[\]]/.test(target) || /[<`]/.test(title)) return `[${escapeMarkdownText(title)}](<${update.path.split('/').map(encodeURIComponent).join('/')}>)`;
  return `[[${target}|${title}]]`;
}
