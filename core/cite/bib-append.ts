// Appending BibTeX to a .bib a person owns, safely: an entry goes in only when the BibTeX reader
// (bib-file.ts) reads it back to exactly the fields written, and only when the file read after the
// append holds one entry more and no new problem. A file that was already damaged stays as it
// was where it was damaged, and the person is told once.

import { PaperFeedError } from '../errors';
import { bibNames, readBib, type BibProblem } from './bib-file';

export interface AppendCheck {
  /** The file's text with the entry appended. */
  text: string;
  /** One sentence when the file already had entries the parser could not read; else undefined. */
  notice?: string;
}

interface Reading {
  keys: string[];
  errors: BibProblem[];
}

function read(text: string): Reading {
  const library = readBib(text);
  return { keys: library.entries.map((e) => e.key), errors: library.problems };
}

/** The fields as Paper Feed lays an entry out: one `name = {value}` per line. */
function writtenFields(entry: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [, name, value] of entry.matchAll(/^ {2}(\w+) *= \{(.*)\},?$/gm)) fields.set(name!.toLowerCase(), value!);
  return fields;
}

// Spaces are not what a reading changes, and a value that is one {group} reads as the group.
function comparable(value: string): string {
  let bare = value;
  if (bare.startsWith('{') && bare.endsWith('}')) {
    let depth = 0;
    let closesAtEnd = false;
    for (let i = 0; i < bare.length; i += 1) {
      if (bare[i] === '{') depth += 1;
      else if (bare[i] === '}' && --depth === 0) {
        closesAtEnd = i === bare.length - 1;
        break;
      }
    }
    if (closesAtEnd) bare = bare.slice(1, -1);
  }
  return bare.replace(/\s+/g, '');
}

/** Field names whose value did not read back as written; empty when the entry is sound. */
export function unreadableFields(entry: string, key: string): string[] {
  const library = readBib(entry);
  const read = library.entries.length === 1 && library.entries[0]!.key === key && library.problems.length === 0 ? library.entries[0]! : undefined;
  if (!read) return ['the entry'];
  const wrong: string[] = [];
  for (const [name, value] of writtenFields(entry)) {
    const got = read.fields[name];
    if (!bracesBalance(value)) wrong.push(name);
    else if (name === 'author') {
      if (got === undefined || bibNames(got).length !== value.split(/\s+and\s+/).length) wrong.push(name);
    } else if (got === undefined || comparable(got) !== comparable(value)) {
      wrong.push(name);
    }
  }
  return wrong;
}

/** bibtex and biber count every brace, escaped or not; one unpaired brace ruins the file. */
function bracesBalance(value: string): boolean {
  let depth = 0;
  for (const ch of value) {
    if (ch === '{') depth += 1;
    else if (ch === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * True when the text ends before its last entry closes, as bibtex and biber read it (every brace
 * counts): whatever is appended would become part of that entry.
 */
function endsInsideEntry(text: string): boolean {
  let at = 0;
  for (;;) {
    const start = text.indexOf('@', at);
    if (start < 0) return false;
    const open = /^@\s*[A-Za-z]+\s*([{(])/.exec(text.slice(start, start + 200));
    if (!open) {
      at = start + 1;
      continue;
    }
    const close = open[1] === '{' ? '}' : ')';
    let depth = 0;
    let i = start + open[0].length;
    for (; i < text.length; i += 1) {
      const ch = text[i];
      if (ch === '{') depth += 1;
      else if (ch === '}' && depth > 0) depth -= 1;
      else if (ch === close && depth === 0) break;
    }
    if (i >= text.length) return true;
    at = i + 1;
  }
}

/**
 * `after` (the file with `entry` appended) when that is safe; throws a PaperFeedError saying why
 * when the entry does not read back or the append would lose or damage an entry.
 */
export function checkAppend(before: string, after: string, entry: string, key: string, fileName: string): AppendCheck {
  const wrong = unreadableFields(entry, key);
  if (wrong.length > 0) {
    throw new PaperFeedError(
      'vault',
      `The BibTeX for ${key} did not read back the same (${wrong.join(', ')}), so it was not added to ${fileName}; please report this paper.`,
    );
  }
  const was = read(before);
  const now = read(after);
  const added = !endsInsideEntry(before) && now.keys.length === was.keys.length + 1 && now.keys.includes(key) && now.errors.length <= was.errors.length;
  if (!added) {
    const line = was.errors[0]?.line;
    throw new PaperFeedError(
      'vault',
      `${fileName} ends inside an entry BibTeX cannot read${line ? ` (line ${line})` : ''}, so ${key} was not added; close that entry and try again.`,
    );
  }
  if (was.errors.length === 0) return { text: after };
  const line = was.errors[0]!.line;
  const count = was.errors.length;
  return {
    text: after,
    notice: `${fileName} already had ${count} ${count === 1 ? 'entry' : 'entries'} BibTeX tools cannot read${line ? ` (first at line ${line})` : ''}; ${key} was added after ${count === 1 ? 'it' : 'them'} and reads correctly, and nothing else was changed.`,
  };
}
