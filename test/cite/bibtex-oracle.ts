// The reference reading for the BibTeX writer: Better BibTeX's parser (@retorquere/bibtex-parser),
// the way fast-xml-parser is the reference for the XML reader. An entry passes when the parser
// reads it back, raw, to exactly the field values that were written, and, cooked (LaTeX to
// Unicode), to the title and authors Paper Feed shows for the paper.

import { parse, type Creator } from '@retorquere/bibtex-parser';
import type { Paper } from '../../core/arxiv/paper';
import { isCorporateName, nameParts } from '../../core/cite/names';
import { parseTex, plainOf } from '../../core/text/tex-tokens';

/** The fields of an entry as bibtexEntry lays them out: one `name = {value}` per line. */
export function writtenFields(entry: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [, name, value] of entry.matchAll(/^ {2}(\w+) *= \{(.*)\},?$/gm)) fields.set(name!.toLowerCase(), value!);
  return fields;
}

/**
 * Where bibtex and biber would lose count of braces: they count every { and } in a field, escaped
 * or not. Undefined when the text is balanced.
 */
export function braceProblem(text: string): string | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}' && --depth < 0) return `a } with no { at character ${i}`;
  }
  return depth === 0 ? undefined : `${depth} { never closed`;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim().normalize('NFC');

/** A creator as one string, in reading order: "Martin Luther King, Jr.". */
function creatorText(creator: Creator): string {
  if (creator.name !== undefined) return collapse(creator.name);
  const name = collapse([creator.firstName, creator.prefix, creator.lastName].filter(Boolean).join(' '));
  return creator.suffix ? `${name}, ${collapse(creator.suffix)}` : name;
}

/** An author as the writer means it to be read: a body whole, a person given-names first. */
export function expectedAuthor(name: string): string {
  const written = collapse(name.replace(/[{}]/g, '')).replace(/^[\s,]+|[\s,]+$/g, '');
  const parts = nameParts(written);
  if (isCorporateName(written) || /\band\b/i.test(written) || !parts || (parts.suffix !== '' && parts.given === '')) return written;
  const reading = collapse(`${parts.given} ${parts.family}`);
  return parts.suffix ? `${reading}, ${parts.suffix}` : reading;
}

/** The title as Paper Feed shows it, when it has no math (math is read differently by design). */
export function expectedTitle(title: string): string | undefined {
  const tokens = parseTex(collapse(title));
  if (tokens.some((t) => t.kind === 'math')) return undefined;
  return collapse(plainOf(tokens)) || collapse(title);
}

/** True when `value` is a single {…} group from its first character to its last. */
function isOneGroup(value: string): boolean {
  if (!value.startsWith('{') || !value.endsWith('}')) return false;
  let depth = 0;
  for (let i = 0; i < value.length; i += 1) {
    if (value[i] === '{') depth += 1;
    else if (value[i] === '}' && --depth === 0) return i === value.length - 1;
  }
  return false;
}

/**
 * A raw field value compared as the parser hands it back: it folds spaces after commands and
 * reads a title that is one braced group, {{LLMs}}, as the group.
 */
function rawForm(value: string): string {
  const bare = isOneGroup(value) ? value.slice(1, -1) : value;
  return bare.replace(/\s+/g, '');
}

/** Every way the parser's reading of `bib` differs from what was written for `papers`. */
export function oracleProblems(bib: string, written: ReadonlyArray<{ key: string; paper: Paper; entry: string }>): string[] {
  const problems: string[] = [];
  const raw = parse(bib, { raw: true });
  const cooked = parse(bib, { sentenceCase: false, caseProtection: false, unsupported: 'ignore' });
  for (const error of raw.errors) problems.push(`parser error: ${JSON.stringify(error)}`);
  if (raw.entries.length !== written.length) problems.push(`${raw.entries.length} entries read back, ${written.length} written`);
  const rawByKey = new Map(raw.entries.map((e) => [e.key, e]));
  const cookedByKey = new Map(cooked.entries.map((e) => [e.key, e]));
  for (const { key, paper, entry } of written) {
    const fields = writtenFields(entry);
    for (const [name, value] of fields) {
      const problem = braceProblem(value);
      if (problem) problems.push(`${key}.${name}: ${problem}`);
    }
    const rawEntry = rawByKey.get(key);
    const cookedEntry = cookedByKey.get(key);
    if (!rawEntry || !cookedEntry) {
      problems.push(`${key}: not read back`);
      continue;
    }
    for (const [name, value] of fields) {
      if (name === 'author') continue;
      const read = (rawEntry.fields as Record<string, unknown>)[name];
      if (typeof read !== 'string' || rawForm(read) !== rawForm(value))
        problems.push(`${key}.${name}: wrote ${JSON.stringify(value)}, read ${JSON.stringify(read)}`);
    }
    const authors = (cookedEntry.fields.author ?? []).map(creatorText);
    const wanted = paper.authors.map((a) => expectedAuthor(a.name));
    if (JSON.stringify(authors) !== JSON.stringify(wanted)) problems.push(`${key}.author: wrote ${JSON.stringify(wanted)}, read ${JSON.stringify(authors)}`);
    const title = expectedTitle(paper.title);
    const readTitle = collapse(cookedEntry.fields.title ?? '');
    if (title !== undefined && readTitle !== title) problems.push(`${key}.title: wrote ${JSON.stringify(title)}, read ${JSON.stringify(readTitle)}`);
  }
  return problems;
}
