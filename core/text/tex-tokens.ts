// Reads the little TeX that arXiv titles, abstracts and comments carry ($…$ math, accents,
// \textbf and friends, \url, \cite) into tokens that the Markdown, BibTeX and plain-text writers
// each render their own way. It never fails: anything it does not know stays as written.

import { COMBINING, TEX_LETTERS } from '../arxiv/tex';

export type TexToken =
  | { kind: 'text'; text: string }
  | { kind: 'math'; tex: string; display: boolean }
  | { kind: 'styled'; style: 'bold' | 'italic' | 'code' | 'plain'; children: TexToken[] }
  | { kind: 'url'; url: string; label?: TexToken[] }
  | { kind: 'cite'; keys: string[] };

// Accent commands and the combining mark each one puts on its letter: the one table that names
// and titles share.
const ACCENTS = COMBINING;

// Commands that stand for one character or word in running text.
const WORDS: Record<string, string> = {
  ...TEX_LETTERS,
  ldots: '…',
  dots: '…',
  textendash: '–',
  textemdash: '—',
  textbackslash: '\\',
  LaTeX: 'LaTeX',
  TeX: 'TeX',
  textasciitilde: '~',
  textasciicircum: '^',
  textbar: '|',
  textless: '<',
  textgreater: '>',
  S: '§',
  P: '¶',
  copyright: '©',
  pounds: '£',
  dag: '†',
};

const STYLES: Record<string, 'bold' | 'italic' | 'code' | 'plain'> = {
  textbf: 'bold',
  bf: 'bold',
  textit: 'italic',
  emph: 'italic',
  textsl: 'italic',
  it: 'italic',
  texttt: 'code',
  textsc: 'plain',
  textrm: 'plain',
  textsf: 'plain',
  textup: 'plain',
  textnormal: 'plain',
  text: 'plain',
  mbox: 'plain',
  underline: 'plain',
};

// Real metadata nests styling two or three deep; the limit keeps hostile input from exhausting
// the stack.
const MAX_NESTING = 16;

const CITES = /^(?:cite|citep|citet|citealp|citealt|citeauthor|citeyear|parencite|textcite|autocite|footcite)$/;
// \% \& and the like: the character itself. "\ " and "\," are spaces; "\\" a line break.
const ESCAPED: Record<string, string> = {
  '%': '%',
  '&': '&',
  $: '$',
  '#': '#',
  _: '_',
  '{': '{',
  '}': '}',
  ' ': ' ',
  ',': ' ',
  ';': ' ',
  ':': ' ',
  '!': '',
  '/': '',
  '-': '',
  '\\': ' ',
  '@': '',
};

// The characters the reader acts on (h: a bare link may start there); everything else is text.
const SPECIAL_CHARS = "$h\\{}~-`'";
const SPECIAL = /[$h\\{}~\-`']/g;
const NON_ASCII = /[\u0080-\uffff]/;

/** The tokens of `source`; adjacent text is merged and NFC-normalised. */
export function parseTex(source: string): TexToken[] {
  return new TexReader(source).read(null);
}

/** Plain Unicode text: accents resolved, styling dropped, math kept as `$…$`. */
export function texToPlain(source: string): string {
  return plainOf(parseTex(source));
}

export function plainOf(tokens: readonly TexToken[]): string {
  return tokens
    .map((t) => {
      switch (t.kind) {
        case 'text':
          return t.text;
        case 'math':
          return t.display ? `$$${t.tex}$$` : `$${t.tex}$`;
        case 'styled':
          return plainOf(t.children);
        case 'url':
          return t.label ? plainOf(t.label) : t.url;
        case 'cite':
          return `[${t.keys.join(', ')}]`;
      }
    })
    .join('');
}

class TexReader {
  private pos = 0;
  private readonly tokens: TexToken[] = [];
  private text = '';

  /** How many styled arguments enclose this reader; deeper ones are read as plain groups. */
  constructor(
    private readonly src: string,
    private readonly level = 0,
  ) {}

  /** Reads until `stop` (a closing brace) or the end; returns the tokens read. */
  read(stop: '}' | null): TexToken[] {
    const s = this.src;
    // Plain grouping braces only need counting, so deep nesting costs no recursion.
    let depth = 0;
    while (this.pos < s.length) {
      const ch = s[this.pos]!;
      if (!SPECIAL_CHARS.includes(ch)) {
        // A run of ordinary characters reads as itself: copy it whole, up to the next special one.
        SPECIAL.lastIndex = this.pos;
        const end = SPECIAL.exec(s)?.index ?? s.length;
        this.literal(s.slice(this.pos, end), end - this.pos);
        continue;
      }
      if (ch === '}' && depth === 0 && stop) {
        this.pos += 1;
        break;
      }
      if (ch === '$') this.readDollar();
      else if (ch === 'h' && this.readBareUrl()) continue;
      else if (ch === '\\') this.readCommand();
      else if (ch === '{') {
        depth += 1;
        this.pos += 1;
      } else if (ch === '}') {
        depth = Math.max(0, depth - 1); // a stray closing brace groups nothing
        this.pos += 1;
      } else if (ch === '~') this.literal(' ', 1);
      else if (s.startsWith('---', this.pos)) this.literal('—', 3);
      else if (s.startsWith('--', this.pos)) this.literal('–', 2);
      else if (s.startsWith('``', this.pos)) this.literal('“', 2);
      else if (s.startsWith("''", this.pos)) this.literal('”', 2);
      else this.literal(ch, 1);
    }
    this.flush();
    return this.tokens;
  }

  private sub(stop: '}'): TexToken[] {
    const reader = new TexReader(this.src, this.level + 1);
    reader.pos = this.pos;
    const tokens = reader.read(stop);
    this.pos = reader.pos;
    return tokens;
  }

  private literal(text: string, advance: number): void {
    this.text += text;
    this.pos += advance;
  }

  private flush(): void {
    // ASCII is already in NFC, and most of arXiv's text is ASCII.
    if (this.text) this.tokens.push({ kind: 'text', text: NON_ASCII.test(this.text) ? this.text.normalize('NFC') : this.text });
    this.text = '';
  }

  private push(token: TexToken): void {
    this.flush();
    this.tokens.push(token);
  }

  /** `$$…$$` or `$…$` the way Obsidian reads them; an unpaired `$` is just a dollar sign. */
  private readDollar(): void {
    const s = this.src;
    const display = s.startsWith('$$', this.pos);
    const open = display ? 2 : 1;
    const close = display ? findDisplayClose(s, this.pos + 2) : findInlineClose(s, this.pos + 1);
    if (close < 0) return this.literal(s.slice(this.pos, this.pos + open), open);
    this.push({ kind: 'math', tex: s.slice(this.pos + open, close), display });
    this.pos = close + open;
  }

  private readCommand(): void {
    const s = this.src;
    const next = s[this.pos + 1];
    if (next === undefined) return this.literal('\\', 1);
    if (next === '(' || next === '[') return this.readBracketMath(next);
    if (ACCENTS[next] !== undefined && !/[A-Za-z]/.test(next)) return this.readAccent(next, 2);
    if (ESCAPED[next] !== undefined) return this.literal(ESCAPED[next], 2);
    const name = /^[A-Za-z]+/.exec(s.slice(this.pos + 1))?.[0];
    if (!name) return this.literal(s.slice(this.pos, this.pos + 2), 2);
    const after = this.pos + 1 + name.length;
    if (ACCENTS[name] !== undefined && /^\s*\{|^\s+[A-Za-z\\]/.test(s.slice(after))) {
      return this.readAccent(name, after - this.pos);
    }
    if (WORDS[name] !== undefined) {
      this.pos = after;
      this.skipEmptyGroup();
      return this.literal(WORDS[name], 0);
    }
    const style = STYLES[name];
    if (style) return this.readStyled(style, after);
    if (name === 'url') return this.readUrl(after);
    if (name === 'href') return this.readHref(after);
    if (CITES.test(name)) return this.readCite(after);
    this.literal(`\\${name}`, after - this.pos); // unknown commands stay as written
  }

  /** A bare link in running text keeps its `~`, `--` and `_` (they are not TeX there). */
  private readBareUrl(): boolean {
    if (!this.src.startsWith('http', this.pos)) return false;
    const found = /^https?:\/\/[^\s<>"{}\\]+/.exec(this.src.slice(this.pos, this.pos + 2048));
    if (!found || /[A-Za-z0-9]/.test(this.src[this.pos - 1] ?? '')) return false;
    const url = found[0].replace(/[.,;:!?)\]']+$/, '');
    this.push({ kind: 'url', url });
    this.pos += url.length;
    return true;
  }

  private readBracketMath(open: '(' | '['): void {
    const closer = open === '(' ? '\\)' : '\\]';
    const end = this.src.indexOf(closer, this.pos + 2);
    if (end < 0) return this.literal(`\\${open}`, 2);
    this.push({ kind: 'math', tex: this.src.slice(this.pos + 2, end), display: open === '[' });
    this.pos = end + 2;
  }

  private readAccent(command: string, length: number): void {
    const s = this.src;
    let p = this.pos + length;
    while (s[p] === ' ') p += 1;
    const letter = this.accentBase(p);
    if (letter === undefined) return this.literal(s.slice(this.pos, this.pos + length), length);
    this.text += (letter.base + COMBINING[command]!).normalize('NFC');
    this.pos = letter.end;
  }

  /**
   * The letter an accent at `p` sits on and where it ends: a letter, \i or \j, or a group that
   * reads as one letter, which may carry an accent of its own ("Nguy\~{\^e}n" → ễ).
   */
  private accentBase(p: number): { base: string; end: number } | undefined {
    const s = this.src;
    const bare = /^(?:\\([ij])(?![A-Za-z])|([A-Za-z]))/.exec(s.slice(p, p + 3));
    if (bare) return { base: bare[1] ?? bare[2]!, end: p + bare[0].length };
    if (s[p] === '\\' && ACCENTS[s[p + 1] ?? ''] !== undefined && this.level < MAX_NESTING) {
      // An accent written straight on another one: \~\^e.
      const inner = new TexReader(s, this.level + 1);
      inner.pos = p;
      inner.readCommand();
      return oneLetter(inner.text) ? { base: inner.text, end: inner.pos } : undefined;
    }
    const group = this.level < MAX_NESTING ? this.argumentAt(p) : null;
    if (!group) return undefined;
    const inside = group.raw.trim();
    if (inside === '') return { base: '', end: group.end };
    const tokens = /^\\[ij]$/.test(inside) ? [] : new TexReader(inside, this.level + 1).read(null);
    const only = tokens.length === 1 ? tokens[0] : undefined;
    const base = /^\\[ij]$/.test(inside) ? inside.slice(1) : only?.kind === 'text' ? only.text : '';
    return oneLetter(base) ? { base, end: group.end } : undefined;
  }

  private readStyled(style: 'bold' | 'italic' | 'code' | 'plain', after: number): void {
    const arg = this.level < MAX_NESTING ? this.argumentAt(after) : null;
    if (arg === null) {
      this.pos = after; // a switch like {\bf text}: the rest of the group is read as usual
      return;
    }
    this.pos = arg.start;
    const children = this.sub('}');
    this.push({ kind: 'styled', style, children });
  }

  private readUrl(after: number): void {
    const arg = this.argumentAt(after);
    if (arg === null) return this.literal('\\url', after - this.pos);
    this.push({ kind: 'url', url: arg.raw.trim() });
    this.pos = arg.end;
  }

  private readHref(after: number): void {
    const target = this.level < MAX_NESTING ? this.argumentAt(after) : null;
    const label = target && this.argumentAt(target.end);
    if (!target || !label) return this.literal('\\href', after - this.pos);
    this.pos = label.start;
    const children = this.sub('}');
    this.push({ kind: 'url', url: target.raw.trim(), label: children });
  }

  private readCite(after: number): void {
    let p = after;
    // Optional arguments ([p.~3]) carry page notes; the keys are what a reader needs.
    for (let opt = /^\s*\[[^\]]*\]/.exec(this.src.slice(p)); opt; opt = /^\s*\[[^\]]*\]/.exec(this.src.slice(p))) {
      p += opt[0].length;
    }
    const arg = this.argumentAt(p);
    if (arg === null) return this.literal(this.src.slice(this.pos, p), p - this.pos);
    const keys = arg.raw
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    this.push({ kind: 'cite', keys });
    this.pos = arg.end;
  }

  private skipEmptyGroup(): void {
    if (this.src.startsWith('{}', this.pos)) this.pos += 2;
    else if (this.src[this.pos] === ' ') this.pos += 1;
  }

  /** The braced argument starting at `p` (after optional spaces): its raw text and bounds. */
  private argumentAt(p: number): { raw: string; start: number; end: number } | null {
    const s = this.src;
    while (s[p] === ' ') p += 1;
    if (s[p] !== '{') return null;
    let depth = 0;
    for (let i = p; i < s.length; i += 1) {
      if (s[i] === '\\') i += 1;
      else if (s[i] === '{') depth += 1;
      else if (s[i] === '}' && --depth === 0) return { raw: s.slice(p + 1, i), start: p + 1, end: i + 1 };
    }
    return null;
  }
}

// Obsidian (like Pandoc) opens inline math only before a non-space and closes it only after a
// non-space not followed by a digit, so "costs $5 and $10" stays text.
function findInlineClose(s: string, from: number): number {
  if (from >= s.length || /\s/.test(s[from]!) || s[from] === '$') return -1;
  for (let i = from; i < s.length; i += 1) {
    if (s[i] === '\\') i += 1;
    else if (s.startsWith('\n\n', i)) return -1;
    else if (s[i] === '$' && !/\s/.test(s[i - 1]!) && !/[0-9]/.test(s[i + 1] ?? '')) return i;
  }
  return -1;
}

/** One letter with any accents on it, as an accent's base must be. */
function oneLetter(text: string): boolean {
  return /^\p{L}\p{M}*$/u.test(text.normalize('NFD'));
}

function findDisplayClose(s: string, from: number): number {
  for (let i = from; i < s.length - 1; i += 1) {
    if (s[i] === '\\') i += 1;
    else if (s[i] === '$' && s[i + 1] === '$') return i;
  }
  return -1;
}

// Font and spacing commands say nothing a file name needs; other commands (\alpha, \sqrt) keep
// their name so "$\alpha$-stable" reads "alpha-stable".
const SILENT_MATH_COMMANDS = /\\(?:math[a-z]*|text[a-z]*|operatorname|boldsymbol|bm|left|right|big+|Big+|[,;:! ])\s*/g;

/** A title as plain words for a file name: TeX resolved and math written without markup. */
export function titleForFileName(title: string): string {
  return texToPlain(title)
    .replace(/\$([^$]*)\$/g, (_, math: string) =>
      math
        .replace(SILENT_MATH_COMMANDS, '')
        .replace(/\\([a-zA-Z]+)\s*/g, '$1 ')
        .replace(/[{}^_\\]/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .replace(/\s+/g, ' ')
    .trim();
}
