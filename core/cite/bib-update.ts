// "Update arXiv entries in refs.bib", without a host: which entries of a .bib are
// arXiv papers, which of them Paper Feed wrote, and what each becomes once arXiv knows more (a
// journal reference and DOI make it the published @article). The key never changes; an entry
// Paper Feed did not write is left alone unless the person asks; every new entry must read back
// as written (bib-append's check), or it is not offered; and all text outside the changed entries
// stays byte for byte.

import type { Paper } from '../arxiv/paper';
import { tryParseArxivId } from '../arxiv/ids';
import { unreadableFields } from './bib-append';
import { bibtexEntry } from './bibtex-writer';

export interface BibEntrySpan {
  key: string;
  type: string;
  /** Offsets of the entry from its "@" to its closing delimiter, inclusive. */
  start: number;
  end: number;
  /** The arXiv id (no version) from `eprint`, when it names one. */
  arxivId?: string;
}

const ENTRY_START = /@\s*([A-Za-z]+)\s*([{(])\s*([^,\s{}()]+)\s*,/g;
const NOT_ENTRIES = new Set(['string', 'preamble', 'comment']);
const EPRINT = /\beprint\s*=\s*(?:\{\s*([^{}]*?)\s*\}|"\s*([^"]*?)\s*"|([^,\s}]+))/i;

/** The entries of a .bib with where each ends (matching braces); an entry left open is not listed. */
export function bibEntrySpans(text: string): BibEntrySpan[] {
  const spans: BibEntrySpan[] = [];
  for (const match of text.matchAll(ENTRY_START)) {
    if (NOT_ENTRIES.has(match[1]!.toLowerCase())) continue;
    const open = match[2]!;
    const close = open === '{' ? '}' : ')';
    let depth = 0;
    let end = -1;
    for (let i = match.index + match[0].indexOf(open); i < text.length; i += 1) {
      const ch = text[i]!;
      if (ch === '{' || (open === '(' && ch === '(' && depth === 0)) depth += 1;
      else if (ch === '}' || (open === '(' && ch === ')' && depth === 1)) {
        depth -= 1;
        if (depth === 0 && ch === close) {
          end = i;
          break;
        }
      }
    }
    if (end < 0) continue;
    const body = text.slice(match.index, end + 1);
    const eprint = EPRINT.exec(body);
    const value = eprint?.[1] ?? eprint?.[2] ?? eprint?.[3];
    const id = value ? tryParseArxivId(value)?.id : undefined;
    spans.push({ key: match[3]!, type: match[1]!.toLowerCase(), start: match.index, end, ...(id ? { arxivId: id } : {}) });
  }
  return spans;
}

// The fields in the order Paper Feed writes them, one `  name = {value},` a line.
const OUR_FIELDS = ['title', 'author', 'journal', 'booktitle', 'volume', 'number', 'pages', 'year', 'eprint', 'archivePrefix', 'primaryClass', 'doi', 'url'];

/** Whether an entry has the exact shape Paper Feed writes (core/cite/bibtex-writer.ts), so it is ours to update. */
export function writtenByPaperFeed(entry: string): boolean {
  const lines = entry.replace(/\r\n?/g, '\n').split('\n');
  if (!/^@(?:misc|article|inproceedings)\{[^,\s]+,$/.test(lines[0] ?? '') || lines.at(-1) !== '}') return false;
  const names = lines.slice(1, -1).map((line) => /^ {2}(\w+) *= \{.*\},?$/.exec(line)?.[1]);
  if (names.some((n) => n === undefined)) return false;
  let at = 0;
  for (const name of names) {
    const found = OUR_FIELDS.indexOf(name!, at);
    if (found < 0) return false;
    at = found + 1;
  }
  return names.includes('eprint') && names.includes('archivePrefix');
}

export interface BibChange {
  key: string;
  arxivId: string;
  before: string;
  after: string;
  /** What changes, for a person: "@misc → @article; journal, doi". */
  summary: string;
  /** Paper Feed wrote the entry (else the person asked to include their own). */
  ours: boolean;
}

export interface BibUpdatePlan {
  changes: BibChange[];
  /** The whole file with every change made. */
  text: string;
  /** Keys of arXiv entries Paper Feed did not write, left alone because not asked. */
  notOurs: string[];
  /** Entries whose new form would not read back as written: left alone, with the fields. */
  unsafe: Array<{ key: string; fields: string[] }>;
}

/** The arXiv ids of a .bib's entries, for the lookup. */
export function arxivIdsIn(text: string): string[] {
  return [...new Set(bibEntrySpans(text).flatMap((s) => (s.arxivId ? [s.arxivId] : [])))];
}

export function planBibUpdate(text: string, papers: ReadonlyMap<string, Paper>, options: { includeOthers?: boolean } = {}): BibUpdatePlan {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const plan: BibUpdatePlan = { changes: [], text, notOurs: [], unsafe: [] };
  const edits: Array<{ start: number; end: number; after: string }> = [];
  for (const span of bibEntrySpans(text)) {
    const paper = span.arxivId ? papers.get(span.arxivId) : undefined;
    if (!paper) continue;
    const before = text.slice(span.start, span.end + 1);
    const ours = writtenByPaperFeed(before);
    const fresh = bibtexEntry(paper, span.key);
    if (normalized(before) === fresh) continue;
    if (!ours && !options.includeOthers) {
      plan.notOurs.push(span.key);
      continue;
    }
    const wrong = unreadableFields(fresh, span.key);
    if (wrong.length > 0) {
      plan.unsafe.push({ key: span.key, fields: wrong });
      continue;
    }
    const after = fresh.replace(/\n/g, eol);
    plan.changes.push({ key: span.key, arxivId: paper.id, before, after, summary: changeSummary(before, fresh), ours });
    edits.push({ start: span.start, end: span.end + 1, after });
  }
  let out = '';
  let from = 0;
  for (const edit of edits) {
    out += text.slice(from, edit.start) + edit.after;
    from = edit.end;
  }
  plan.text = out + text.slice(from);
  return plan;
}

/** "@misc → @article; journal, doi" from the entry type and the fields that differ. */
function changeSummary(before: string, after: string): string {
  const typeOf = (entry: string) => /^@\s*(\w+)/.exec(entry)?.[1]?.toLowerCase() ?? '';
  const fields = (entry: string) => new Map([...normalized(entry).matchAll(/^\s*(\w+)\s*=\s*(.*?),?$/gm)].map((m) => [m[1]!.toLowerCase(), m[2]!]));
  const was = fields(before);
  const now = fields(after);
  const changed = [...now].filter(([name, value]) => was.get(name) !== value).map(([name]) => name);
  const type = typeOf(before) === typeOf(after) ? [] : [`@${typeOf(before)} → @${typeOf(after)}`];
  return [...type, changed.length > 0 ? changed.join(', ') : 'layout'].join('; ');
}

function normalized(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
