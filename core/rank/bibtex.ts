// A .bib file (Zotero, Better BibTeX, JabRef, BibDesk exports) → library items: every entry
// with an abstract. Tolerant by design: a damaged entry is skipped, never the whole file.

import type { LibraryItem } from './library';
import { texToUnicode } from './tex-text';

interface RawEntry {
  type: string;
  key: string;
  fields: Map<string, string>;
}

/** Reads BibTeX text one character at a time; `at` is the next unread position. */
class BibReader {
  at = 0;
  constructor(readonly text: string) {}

  skipSpace(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at += 1;
  }

  peek(): string {
    return this.text[this.at] ?? '';
  }

  /** Letters, digits and the punctuation BibTeX allows in names and keys. */
  name(): string {
    const match = /^[^\s"#%'(),={}]+/.exec(this.text.slice(this.at, this.at + 500));
    this.at += match ? match[0].length : 0;
    return match ? match[0] : '';
  }

  /** The text inside balanced braces; `at` is on the opening brace. */
  braced(): string | undefined {
    let depth = 0;
    for (let i = this.at; i < this.text.length; i += 1) {
      const ch = this.text[i];
      if (ch === '\\') i += 1;
      else if (ch === '{') depth += 1;
      else if (ch === '}' && --depth === 0) {
        const inside = this.text.slice(this.at + 1, i);
        this.at = i + 1;
        return inside;
      }
    }
    return undefined;
  }

  /** The text inside double quotes, where braces may hide a quote; `at` is on the quote. */
  quoted(): string | undefined {
    let depth = 0;
    for (let i = this.at + 1; i < this.text.length; i += 1) {
      const ch = this.text[i];
      if (ch === '\\') i += 1;
      else if (ch === '{') depth += 1;
      else if (ch === '}') depth -= 1;
      else if (ch === '"' && depth === 0) {
        const inside = this.text.slice(this.at + 1, i);
        this.at = i + 1;
        return inside;
      }
    }
    return undefined;
  }

  /** A field value: pieces joined by "#"; a bare word is a @string macro or a number. */
  value(macros: ReadonlyMap<string, string>): string | undefined {
    let value = '';
    for (;;) {
      this.skipSpace();
      const ch = this.peek();
      const piece = ch === '{' ? this.braced() : ch === '"' ? this.quoted() : this.bareWord(macros);
      if (piece === undefined) return undefined;
      value += piece;
      this.skipSpace();
      if (this.peek() !== '#') return value;
      this.at += 1;
    }
  }

  private bareWord(macros: ReadonlyMap<string, string>): string | undefined {
    const word = this.name();
    if (word === '') return undefined;
    return macros.get(word.toLowerCase()) ?? word;
  }
}

/** Fields of one entry body, after its opening brace; undefined when it is damaged. */
function readFields(reader: BibReader, macros: ReadonlyMap<string, string>, close: string): Map<string, string> | undefined {
  const fields = new Map<string, string>();
  for (;;) {
    reader.skipSpace();
    if (reader.peek() === ',') reader.at += 1;
    reader.skipSpace();
    if (reader.peek() === close) {
      reader.at += 1;
      return fields;
    }
    const name = reader.name().toLowerCase();
    reader.skipSpace();
    if (name === '' || reader.peek() !== '=') return undefined;
    reader.at += 1;
    const value = reader.value(macros);
    if (value === undefined) return undefined;
    fields.set(name, value);
  }
}

/** Every entry in the file; @comment and @preamble are passed over, @string feeds the macros. */
function readEntries(text: string): RawEntry[] {
  const reader = new BibReader(text);
  const macros = new Map<string, string>();
  const entries: RawEntry[] = [];
  for (let start = text.indexOf('@'); start >= 0; start = text.indexOf('@', reader.at)) {
    reader.at = start + 1;
    const type = reader.name().toLowerCase();
    reader.skipSpace();
    const open = reader.peek();
    if (open !== '{' && open !== '(') continue;
    const close = open === '{' ? '}' : ')';
    if (type === 'comment' || type === 'preamble') {
      if (open === '{') reader.braced();
      continue;
    }
    reader.at += 1;
    reader.skipSpace();
    if (type === 'string') {
      const fields = readFields(reader, macros, close);
      for (const [name, value] of fields ?? []) macros.set(name, value);
      continue;
    }
    const key = reader.name();
    const fields = readFields(reader, macros, close);
    if (fields && key !== '') entries.push({ type, key, fields });
    else reader.at = start + 1;
  }
  return entries;
}

const plain = (value: string): string => texToUnicode(value).replace(/\s+/g, ' ').trim();

/** "and"-separated names, with "Last, First" turned round; braces protect "{Barnes and Noble}". */
function authorsOf(value: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i += 1) {
    const ch = value[i];
    if (ch === '{') depth += 1;
    else if (ch === '}') depth -= 1;
    else if (depth === 0 && /^\sand\s/i.test(value.slice(i, i + 5))) {
      names.push(value.slice(start, i));
      start = i + 4;
    }
  }
  names.push(value.slice(start));
  return names
    .map((name) => {
      const [last, first] = name.split(/,(.*)/s).map(plain);
      return first ? `${first} ${last}` : last ?? '';
    })
    .filter((name) => name !== '' && name.toLowerCase() !== 'others');
}

/** When the entry joined the library: date-added (BibDesk), added-at, timestamp (JabRef); else its date or year. */
function addedAtOf(fields: ReadonlyMap<string, string>): number | undefined {
  for (const name of ['date-added', 'added-at', 'timestamp', 'date', 'year']) {
    const value = fields.get(name);
    if (value === undefined) continue;
    const full = /(\d{4})[-./](\d{1,2})[-./](\d{1,2})/.exec(value);
    if (full) return Date.UTC(Number(full[1]), Number(full[2]) - 1, Number(full[3]));
    const year = /^\s*(\d{4})/.exec(value);
    if (year) return Date.UTC(Number(year[1]), 0, 1);
  }
  return undefined;
}

/** Library items from a .bib file: entries with a non-empty abstract, in file order, id = citekey. */
export function libraryFromBib(text: string): LibraryItem[] {
  return readEntries(text).flatMap(({ key, fields }) => {
    // The abstract keeps its TeX, like arXiv's: the tokenizer knows math from prose.
    const abstract = (fields.get('abstract') ?? '').replace(/\s+/g, ' ').trim();
    const title = plain(fields.get('title') ?? '');
    if (abstract === '' || title === '') return [];
    const authors = authorsOf(fields.get('author') ?? '');
    const addedAt = addedAtOf(fields);
    return [{ id: key, title, abstract, ...(authors.length > 0 ? { authors } : {}), ...(addedAt !== undefined ? { addedAt } : {}) }];
  });
}
