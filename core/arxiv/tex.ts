// TeX accents in author names ("R\'emy", "Erd{\H o}s", "{\o}stergaard") become Unicode, so
// names read, sort and link the way people write them. Titles and abstracts keep their TeX.

import { collapseWhitespace } from './text';

// Accent commands and the combining mark each one puts on its letter (shared with the title and
// abstract reader in core/notes/tex.ts, so names and titles read accents alike).
export const COMBINING: Readonly<Record<string, string>> = {
  "'": '\u0301', // acute
  '`': '\u0300', // grave
  '^': '\u0302', // circumflex
  '"': '\u0308', // diaeresis
  '~': '\u0303', // tilde
  '=': '\u0304', // macron
  '.': '\u0307', // dot above
  u: '\u0306', // breve
  v: '\u030C', // caron
  H: '\u030B', // double acute
  c: '\u0327', // cedilla
  k: '\u0328', // ogonek
  r: '\u030A', // ring above
  d: '\u0323', // dot below
  b: '\u0331', // macron below
  h: '\u0309', // hook above (Vietnamese: \h{a} → ả)
  textcommabelow: '\u0326', // comma below (Romanian: \textcommabelow{s} → ș)
};

// Letters TeX writes as commands.
export const TEX_LETTERS: Readonly<Record<string, string>> = {
  aa: 'å',
  AA: 'Å',
  o: 'ø',
  O: 'Ø',
  ss: 'ß',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  dh: 'ð',
  DH: 'Ð',
  dj: 'đ',
  DJ: 'Đ',
  th: 'þ',
  TH: 'Þ',
  ng: 'ŋ',
  NG: 'Ŋ',
};

// \'e  \'{e}  \' e  \"{\i}  \c{c}  \c c  \H{o}  (symbol accents may touch their letter; letter
// accents need a brace or a space so "\cite" is never read as \c + "ite").
// A bare \i or \j swallows the space after it, as in TeX. The braced letter may already carry an
// accent: "Nguy\~{\^e}n" is read innermost first, \^e → ê, then \~{ê} → ễ.
const SYMBOL_ACCENT = /\\(['`^"~=.])\s*(?:\{\s*(\\[ij]|\p{L}\p{M}*)\s*\}|(\\[ij](?![A-Za-z])\s?|\p{L}\p{M}*))/gu;
const LETTER_ACCENT = /\\(textcommabelow|[uvHckrdbh])(?:\s*\{\s*(\\[ij]|\p{L}\p{M}*)\s*\}|\s+(\\[ij](?![A-Za-z])\s?|\p{L}\p{M}*))/gu;
const LETTER_COMMAND = /\\(aa|AA|ss|ae|AE|oe|OE|dh|DH|dj|DJ|th|TH|ng|NG|o|O|l|L|i|j)(?![A-Za-z])(?:\{\}|\s)?/g;
// Real names stack at most two or three accents; the cap keeps hostile input linear.
const MAX_STACKED_ACCENTS = 4;

/** Resolves TeX accents and letter commands to Unicode and drops the braces that grouped them. */
export function texToUnicode(text: string): string {
  if (!text.includes('\\') && !text.includes('{') && !text.includes('~')) return text;
  const accented = (mark: string, braced: string | undefined, bare: string | undefined): string => {
    const letter = (braced ?? bare ?? '').trim();
    // A dotless i or j under an accent is how TeX spells an accented i or j.
    const base = letter === '\\i' ? 'i' : letter === '\\j' ? 'j' : letter;
    return `${base}${mark}`.normalize('NFC');
  };
  let result = text;
  // Each pass resolves the accents whose letter is plain, so a stacked accent takes one pass more.
  for (let pass = 0; pass < MAX_STACKED_ACCENTS; pass += 1) {
    const before = result;
    result = result
      .replace(SYMBOL_ACCENT, (_, accent: string, braced?: string, bare?: string) => accented(COMBINING[accent]!, braced, bare))
      .replace(LETTER_ACCENT, (_, accent: string, braced?: string, bare?: string) => accented(COMBINING[accent]!, braced, bare));
    if (result === before) break;
  }
  result = result
    .replace(LETTER_COMMAND, (_, name: string) => TEX_LETTERS[name]!)
    .replace(/\\&/g, '&')
    // A lone tilde is TeX's unbreakable space.
    .replace(/(^|[^\\])~/g, '$1 ');
  return withoutGroupingBraces(result).normalize('NFC');
}

// Braces that only grouped letters ("{\'e}" → "{é}", "{{Mc}Donald}") go away, innermost
// first; a command's argument ("\cite{x}") keeps its braces.
function withoutGroupingBraces(text: string): string {
  let current = text;
  for (let previous = ''; previous !== current;) {
    previous = current;
    current = current.replace(/(\\[A-Za-z]+\s*)?\{([^{}\\$]*)\}/g, (whole, command: string | undefined, inner: string) => (command ? whole : inner));
  }
  return current;
}

/** An author name or affiliation ready to show: accents resolved, whitespace collapsed. */
export function cleanName(text: string): string {
  return collapseWhitespace(texToUnicode(text));
}
