// Turns arXiv and BibTeX text into plain prose for the tokenizer: math and URLs become phrase
// breaks (their symbols say nothing a reader would call a shared topic), accents become Unicode.

/** Put where something was removed, so no word pair ("bigram") is formed across it. */
export const PHRASE_BREAK = ' ; ';

const COMBINING_ACCENTS: Readonly<Record<string, string>> = {
  '`': '\u0300',
  "'": '\u0301',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  '"': '\u0308',
  c: '\u0327',
  v: '\u030c',
  u: '\u0306',
  H: '\u030b',
  k: '\u0328',
};

const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  l: 'ł',
  L: 'Ł',
};

const MATH = [
  /\$\$[\s\S]*?\$\$/g,
  /\$[^$]*\$/g,
  /\\\([\s\S]*?\\\)/g,
  /\\\[[\s\S]*?\\\]/g,
  /\\begin\{(equation|align|eqnarray|gather|multline|displaymath|math)\*?\}[\s\S]*?\\end\{\1\*?\}/g,
];

/** Resolve TeX accents and special letters (Schr\"odinger → Schrödinger); unwrap \emph{…} and grouping braces. */
export function texToUnicode(text: string): string {
  return text
    .replace(/\\([`'^~=."])\s*\{?\s*(\\[ij]|[A-Za-z])\s*\}?/g, (_m, accent: string, letter: string) =>
      `${letter.replace('\\', '')}${COMBINING_ACCENTS[accent]}`)
    .replace(/\\([cvuHk])\s*\{\s*([A-Za-z])\s*\}/g, (_m, accent: string, letter: string) => `${letter}${COMBINING_ACCENTS[accent]}`)
    .replace(/\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L)(?![A-Za-z])\s*(\{\})?/g, (_m, name: string) => SPECIAL_LETTERS[name]!)
    .replace(/\\([&%#_])/g, '$1')
    // A command with a braced argument (\emph{word}, \textbf{word}) is markup: keep the word.
    .replace(/\\[A-Za-z]+\*?\s*(?=\{)/g, '')
    .replace(/[{}]/g, '')
    .normalize('NFC');
}

/** Plain prose for word splitting: no math, URLs or TeX commands; accents resolved. */
export function proseOf(text: string): string {
  let prose = text.replace(/\\\$/g, ' ').replace(/\b(?:https?:\/\/|www\.)\S+/g, PHRASE_BREAK);
  for (const pattern of MATH) prose = prose.replace(pattern, PHRASE_BREAK);
  prose = texToUnicode(prose);
  // Commands that are left (\emph, \textit, \cite) are markup; their arguments are kept.
  return prose.replace(/\\[A-Za-z]+\*?/g, ' ').replace(/~/g, ' ');
}
