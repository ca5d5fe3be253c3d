// Turns arXiv and BibTeX text into plain prose for the tokenizer: math and URLs become phrase
// breaks (their symbols say nothing a reader would call a shared topic), accents become Unicode.

import { texToUnicode as resolveAccents } from '../arxiv/tex';

/** Put where something was removed, so no word pair ("bigram") is formed across it. */
export const PHRASE_BREAK = ' ; ';

const MATH = [
  /\$\$[\s\S]*?\$\$/g,
  /\$[^$]*\$/g,
  /\\\([\s\S]*?\\\)/g,
  /\\\[[\s\S]*?\\\]/g,
  /\\begin\{(equation|align|eqnarray|gather|multline|displaymath|math)\*?\}[\s\S]*?\\end\{\1\*?\}/g,
];

/**
 * Resolve TeX accents and special letters (Schr\"odinger → Schrödinger, Nguy\~{\^e}n → Nguyễn)
 * the way author names are read; unwrap \emph{…} and grouping braces.
 */
export function unmarkedText(text: string): string {
  return (
    resolveAccents(text)
      .replace(/\\([&%#_])/g, '$1')
      // A command with a braced argument (\emph{word}, \textbf{word}) is markup: keep the word.
      .replace(/\\[A-Za-z]+\*?\s*(?=\{)/g, '')
      .replace(/[{}]/g, '')
      .normalize('NFC')
  );
}

/** Plain prose for word splitting: no math, URLs or TeX commands; accents resolved. */
export function proseOf(text: string): string {
  let prose = text.replace(/\\\$/g, ' ').replace(/\b(?:https?:\/\/|www\.)\S+/g, PHRASE_BREAK);
  for (const pattern of MATH) prose = prose.replace(pattern, PHRASE_BREAK);
  prose = unmarkedText(prose);
  // Commands that are left (\emph, \textit, \cite) are markup; their arguments are kept.
  return prose.replace(/\\[A-Za-z]+\*?/g, ' ').replace(/~/g, ' ');
}
