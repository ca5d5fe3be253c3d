// A .bib file (Zotero, Better BibTeX, JabRef, BibDesk exports) → library items: every entry with
// an abstract. Read by core/cite/bib-file.ts: @string macros, @comment, @preamble, crossref and
// nested braces; titles and names have their TeX turned into Unicode text (accents, \emph, math
// symbols). A damaged entry is skipped, never the whole file.

import { bibNames, nameCommaParts, readBib } from '../cite/bib-file';
import { parseTex, plainOf, type TexToken } from '../text/tex-tokens';
import type { LibraryItem } from './library';
import { mathText } from './tex-math';

/** A title or name as text: TeX accents and commands resolved, math as Unicode, braces gone. */
function bibText(value: string): string {
  const text = (tokens: readonly TexToken[]): TexToken[] =>
    tokens.map((token) =>
      token.kind === 'math' ? { kind: 'text', text: mathText(token.tex) } : token.kind === 'styled' ? { ...token, children: text(token.children) } : token,
    );
  return plainOf(text(parseTex(value)));
}

/** A name as a person writes it: "Family, Given" → "Given Family"; "King, Jr., Martin Luther" → "Martin Luther King, Jr.". */
function personName(name: string): string {
  const [last, second, third] = nameCommaParts(name).map(bibText);
  if (second === undefined) return last!;
  if (third === undefined) return `${second} ${last}`;
  return `${third} ${last}, ${second}`;
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
  return readBib(text).entries.flatMap(({ key, fields }) => {
    // The abstract keeps its TeX, like arXiv's: the tokenizer knows math from prose.
    const abstract = oneLine(fields.abstract ?? '');
    const title = oneLine(bibText(fields.title ?? ''));
    if (abstract === '' || title === '') return [];
    const authors = bibNames(fields.author ?? '')
      .map(personName)
      .map(oneLine)
      .filter((name) => name !== '' && name.toLowerCase() !== 'others');
    const addedAt = addedAtOf(fields);
    return [{ id: key, title, abstract, ...(authors.length > 0 ? { authors } : {}), ...(addedAt !== undefined ? { addedAt } : {}) }];
  });
}
