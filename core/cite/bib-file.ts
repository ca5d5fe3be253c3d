// Reads a .bib file (Zotero, Better BibTeX, JabRef, BibDesk exports, or written by hand) the way
// BibTeX and biber do: `@type{key, name = value, …}` or `@type(key, …)`, values in braces (nested
// to any depth), in quotes or bare numbers and @string macros, joined with "#"; @comment and
// @preamble are passed over, and text outside entries is a comment. Every brace counts, escaped
// or not, as in bibtex and biber. A damaged entry becomes one problem with its line and the
// reading goes on after it; nothing here throws. Values are handed back as written (TeX and all):
// what a field means is for its reader (core/rank/bibtex.ts turns titles and names into text).

export interface BibEntry {
  /** The entry type in lower case: "article", "inproceedings", … */
  type: string;
  key: string;
  /** Field name (lower case) → its value as written, macros expanded and "#" pieces joined. */
  fields: Record<string, string>;
  /** 1-based line of the entry's "@". */
  line: number;
}

export interface BibProblem {
  /** 1-based line of the "@" that starts the damaged entry. */
  line: number;
  /** What is wrong, for a person: "@misc{bad}: a comma is missing before author". */
  message: string;
}

export interface BibFile {
  entries: BibEntry[];
  problems: BibProblem[];
}

/** BibTeX's own macros: the months. */
const MONTHS: Readonly<Record<string, string>> = {
  jan: 'January',
  feb: 'February',
  mar: 'March',
  apr: 'April',
  may: 'May',
  jun: 'June',
  jul: 'July',
  aug: 'August',
  sep: 'September',
  oct: 'October',
  nov: 'November',
  dec: 'December',
};

// Fields biblatex does not pass from a crossref'd parent to its child; the parent's title is the
// child's booktitle, not its title.
const NOT_INHERITED = new Set(['crossref', 'xref', 'ids', 'entryset', 'label', 'shorthand', 'sortkey', 'title']);

const HEAD = /@\s*([A-Za-z][\w:-]*)\s*([{(])/y;
const SPACE = /(?:\s|%[^\n]*)*/y;
const NAME = /[^\s=,{}()"#%]+/y;
const NUMBER = /\d+/y;

class Damaged extends Error {}

/** The entries and problems of a .bib text; crossref'd parents fill the fields a child leaves out. */
export function readBib(text: string): BibFile {
  const reader = new BibReader(text);
  const file = reader.read();
  inheritCrossrefs(file.entries);
  return file;
}

class BibReader {
  private pos = 0;
  private readonly macros = new Map<string, string>();
  private readonly entries: BibEntry[] = [];
  private readonly problems: BibProblem[] = [];

  constructor(private readonly text: string) {}

  read(): BibFile {
    const { text } = this;
    for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', Math.max(this.pos, at + 1))) {
      HEAD.lastIndex = at;
      const head = HEAD.exec(text);
      // An "@" that opens nothing (an e-mail address in a comment) is text outside entries.
      if (!head) continue;
      this.pos = HEAD.lastIndex;
      const type = head[1]!.toLowerCase();
      const close = head[2] === '{' ? '}' : ')';
      try {
        if (type === 'comment' || type === 'preamble') this.skipGroup(type, at, close);
        else if (type === 'string') this.readString(close);
        else this.readEntry(type, at, close);
      } catch (error) {
        if (!(error instanceof Damaged)) throw error;
        this.problems.push({ line: this.lineOf(at), message: error.message });
        this.pos = this.resumeAfter(at, close);
      }
    }
    return { entries: this.entries, problems: this.problems };
  }

  private readEntry(type: string, at: number, close: string): void {
    this.skipSpace();
    const key = this.match(close === '}' ? /[^,\s{}]+/y : /[^,\s{}()]+/y);
    if (key === undefined) throw new Damaged(`@${type} has no citation key`);
    const label = `@${type}{${key}}`;
    const fields: Record<string, string> = {};
    this.skipSpace();
    if (this.text[this.pos] === ',') {
      this.pos += 1;
      for (;;) {
        this.skipSpace();
        if (this.text[this.pos] === close) break;
        const name = this.match(NAME);
        if (name === undefined)
          throw new Damaged(this.pos >= this.text.length ? `${label} is never closed` : `${label}: a field name is expected before "${this.text[this.pos]}"`);
        this.skipSpace();
        if (this.text[this.pos] !== '=') throw new Damaged(`${label}: "=" is missing after ${name}`);
        this.pos += 1;
        const value = this.readValue(label);
        const field = name.toLowerCase();
        // bibtex keeps the first of two fields with one name and warns; so does the reader.
        if (!(field in fields)) fields[field] = value;
        this.skipSpace();
        if (this.text[this.pos] === ',') this.pos += 1;
        else if (this.text[this.pos] !== close)
          throw new Damaged(this.pos >= this.text.length ? `${label} is never closed` : `${label}: a comma is missing after ${name}`);
      }
    } else if (this.text[this.pos] !== close) {
      throw new Damaged(`${label}: a comma is missing after the key`);
    }
    this.pos += 1;
    this.entries.push({ type, key, fields, line: this.lineOf(at) });
  }

  private readString(close: string): void {
    this.skipSpace();
    const name = this.match(NAME);
    this.skipSpace();
    if (name === undefined || this.text[this.pos] !== '=') throw new Damaged('@string needs the form @string{name = "value"}');
    this.pos += 1;
    const value = this.readValue(`@string{${name}}`);
    this.skipSpace();
    if (this.text[this.pos] !== close) throw new Damaged(`@string{${name}} is not closed after its value`);
    this.pos += 1;
    this.macros.set(name.toLowerCase(), value);
  }

  /** value # value # …: braced, quoted, a number or a macro name. */
  private readValue(label: string): string {
    let value = '';
    for (;;) {
      this.skipSpace();
      const ch = this.text[this.pos];
      if (ch === '{') value += this.braced(label);
      else if (ch === '"') value += this.quoted(label);
      else {
        const piece = this.match(NUMBER) ?? this.match(NAME);
        if (piece === undefined) throw new Damaged(ch === undefined ? `${label} is never closed` : `${label}: a value is expected before "${ch}"`);
        // An undefined macro reads as its own name, as Better BibTeX reads it, rather than vanishing.
        value += /^\d+$/.test(piece) ? piece : (this.macros.get(piece.toLowerCase()) ?? MONTHS[piece.toLowerCase()] ?? piece);
      }
      this.skipSpace();
      if (this.text[this.pos] !== '#') return value;
      this.pos += 1;
    }
  }

  private braced(label: string): string {
    const start = this.pos + 1;
    let depth = 0;
    for (let i = this.pos; i < this.text.length; i += 1) {
      const ch = this.text[i];
      if (ch === '{') depth += 1;
      else if (ch === '}' && --depth === 0) {
        this.pos = i + 1;
        return this.text.slice(start, i);
      }
    }
    throw new Damaged(`${label}: a "{" is never closed`);
  }

  /** "…": a quote inside braces ({"}) does not end the value, nor does an umlaut written \" (Schr\"odinger), which bibtex would misread but people write. */
  private quoted(label: string): string {
    const start = this.pos + 1;
    let depth = 0;
    for (let i = start; i < this.text.length; i += 1) {
      const ch = this.text[i];
      if (ch === '\\' && this.text[i + 1] === '"') i += 1;
      else if (ch === '{') depth += 1;
      else if (ch === '}') {
        if (--depth < 0) throw new Damaged(`${label}: a "}" inside quotes closes nothing`);
      } else if (ch === '"' && depth === 0) {
        this.pos = i + 1;
        return this.text.slice(start, i);
      }
    }
    throw new Damaged(`${label}: a quoted value is never closed`);
  }

  /** Past a group whose content is not read (@comment, @preamble); an unclosed one ends the file. */
  private skipGroup(type: string, at: number, close: string): void {
    const end = this.closingOf(at, close);
    if (end < 0) throw new Damaged(`@${type} is never closed`);
    this.pos = end + 1;
  }

  /**
   * Where reading goes on after a damaged entry: after its closing delimiter when that comes
   * before the next line that starts with "@", else at that line (so one unclosed brace costs
   * one entry, not the rest of the file).
   */
  private resumeAfter(at: number, close: string): number {
    const nextLine = /\n[ \t]*@/g;
    nextLine.lastIndex = Math.max(this.pos, at + 1);
    const next = nextLine.exec(this.text);
    const nextAt = next ? next.index + next[0].length - 1 : this.text.length;
    const end = this.closingOf(at, close);
    return end >= 0 && end < nextAt ? end + 1 : nextAt;
  }

  /** The offset of the delimiter that closes the entry starting at `at`, or -1. */
  private closingOf(at: number, close: string): number {
    HEAD.lastIndex = at;
    HEAD.exec(this.text);
    let depth = 0;
    for (let i = HEAD.lastIndex; i < this.text.length; i += 1) {
      const ch = this.text[i];
      if (ch === '{') depth += 1;
      else if (ch === '}' && depth > 0) depth -= 1;
      else if (ch === close && depth === 0) return i;
    }
    return -1;
  }

  private skipSpace(): void {
    SPACE.lastIndex = this.pos;
    SPACE.exec(this.text);
    this.pos = SPACE.lastIndex;
  }

  private match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.pos;
    const found = pattern.exec(this.text);
    if (!found) return undefined;
    this.pos = pattern.lastIndex;
    return found[0];
  }

  // Entries come in file order, so lines are counted on from the last one asked for.
  private counted = { offset: 0, line: 1 };

  private lineOf(offset: number): number {
    if (offset < this.counted.offset) this.counted = { offset: 0, line: 1 };
    let { line } = this.counted;
    for (let i = this.text.indexOf('\n', this.counted.offset); i >= 0 && i < offset; i = this.text.indexOf('\n', i + 1)) line += 1;
    this.counted = { offset, line };
    return line;
  }
}

/** A child names its parent with crossref = {key}; the fields it lacks come from the parent. */
function inheritCrossrefs(entries: BibEntry[]): void {
  const byKey = new Map(entries.map((entry) => [entry.key.toLowerCase(), entry]));
  for (const child of entries) {
    const parent = byKey.get((child.fields.crossref ?? '').trim().toLowerCase());
    if (!parent || parent === child) continue;
    for (const [name, value] of Object.entries(parent.fields)) {
      if (!NOT_INHERITED.has(name) && !(name in child.fields)) child.fields[name] = value;
    }
    if (parent.fields.title !== undefined && child.fields.booktitle === undefined) child.fields.booktitle = parent.fields.title;
  }
}

/** The names of an author or editor field: split at "and" outside braces, "others" included. */
export function bibNames(value: string): string[] {
  const names = splitOutsideBraces(value, (i) => (/\s/.test(value.charAt(i)) ? (/^\s+and\s+/i.exec(value.slice(i, i + 64))?.[0].length ?? 0) : 0));
  return names.map((name) => name.trim()).filter((name) => name !== '');
}

/** A name's comma-separated parts outside braces: "von Last, Jr, First" → three parts. */
export function nameCommaParts(name: string): string[] {
  return splitOutsideBraces(name, (i) => (name.charAt(i) === ',' ? 1 : 0)).map((part) => part.trim());
}

/**
 * `text` cut at each separator outside braces; `separatorAt(i)` says how long the separator
 * starting at i is (0: none there).
 */
function splitOutsideBraces(text: string, separatorAt: (i: number) => number): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '{') depth += 1;
    else if (ch === '}') depth -= 1;
    else if (depth === 0) {
      const length = separatorAt(i);
      if (length > 0) {
        pieces.push(text.slice(start, i));
        i += length - 1;
        start = i + 1;
      }
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}
