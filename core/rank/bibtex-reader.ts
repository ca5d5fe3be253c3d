// A .bib file (Zotero, Better BibTeX, JabRef, BibDesk exports) → library items: every entry with
// an abstract. Read by Better BibTeX's own parser (@retorquere/bibtex-parser): @string macros,
// @comment, @preamble, crossref, nested braces and LaTeX-to-Unicode as Zotero reads them. A
// damaged entry is skipped, never the whole file.

import type { Creator } from '@retorquere/bibtex-parser';
import type { LibraryItem } from './library';

// The parser is large (see README, Dependencies); it is loaded the first time a library file is
// read, so a plugin or extension without one never evaluates it.
const loadParser = () => import('@retorquere/bibtex-parser');

/** A creator as a person writes the name: "Martin Luther King, Jr.", "ATLAS Collaboration". */
function personName(creator: Creator): string {
  if (creator.name !== undefined) return creator.name;
  const name = [creator.firstName, creator.prefix, creator.lastName].filter((part) => part).join(' ');
  return creator.suffix ? `${name}, ${creator.suffix}` : name;
}

/** When the entry joined the library: date-added (BibDesk), added-at, timestamp (JabRef); else its date or year. */
function addedAtOf(fields: Readonly<Record<string, unknown>>): number | undefined {
  for (const name of ['date-added', 'added-at', 'timestamp', 'date', 'year']) {
    const value = fields[name];
    if (typeof value !== 'string') continue;
    const full = /(\d{4})[-./](\d{1,2})[-./](\d{1,2})/.exec(value);
    if (full) return Date.UTC(Number(full[1]), Number(full[2]) - 1, Number(full[3]));
    const year = /^\s*(\d{4})/.exec(value);
    if (year) return Date.UTC(Number(year[1]), 0, 1);
  }
  return undefined;
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim().normalize('NFC');

/** Library items from a .bib file: entries with a non-empty abstract, in file order, id = citekey. */
export async function libraryFromBib(text: string): Promise<LibraryItem[]> {
  const { parse } = await loadParser();
  const library = parse(text, {
    applyCrossRef: true,
    sentenceCase: false,
    caseProtection: false,
    // Commands the parser does not know stay as written rather than failing the file.
    unsupported: 'ignore',
    // The abstract keeps its TeX, like arXiv's: the tokenizer knows math from prose.
    fieldMode: { abstract: 'verbatim' },
  });
  return library.entries.flatMap(({ key, fields }) => {
    const abstract = oneLine(fields.abstract ?? '');
    const title = oneLine(fields.title ?? '');
    if (abstract === '' || title === '') return [];
    const authors = (fields.author ?? []).map(personName).map(oneLine).filter((name) => name !== '' && name.toLowerCase() !== 'others');
    const addedAt = addedAtOf(fields);
    return [{ id: key, title, abstract, ...(authors.length > 0 ? { authors } : {}), ...(addedAt !== undefined ? { addedAt } : {}) }];
  });
}
