// The RSS author line ("Ana Ruiz (IFPEN), Benjamin R\'emy (LEMTA, CNRS), Li Wei") as a list of
// authors with their affiliations kept apart from their names.

import type { Author } from './paper';
import { cleanName } from './tex';

/**
 * Splits arXiv's `dc:creator` text. Authors are separated by commas outside parentheses;
 * each parenthesised group after a name is one affiliation text. arXiv joins several
 * affiliations of one author with ", " inside the same parentheses, and single affiliations
 * contain commas too ("Univ. of Birmingham, School of Physics, UK"), so the text inside one
 * pair of parentheses is kept whole rather than guessed apart.
 */
export function parseCreators(text: string): Author[] {
  const authors: Author[] = [];
  for (const author of splitOutsideParentheses(text).map(readAuthor)) {
    const previous = authors[authors.length - 1];
    // "Robert Downey, Jr." is one author: the comma before a suffix does not start a new one.
    if (previous && isNameSuffix(author.name)) {
      authors[authors.length - 1] = { name: `${previous.name}, ${author.name}`, affiliations: [...previous.affiliations, ...author.affiliations] };
    } else if (author.name.length > 0) {
      authors.push(author);
    }
  }
  return authors;
}

const NAME_SUFFIX = /^(?:jr|jnr|sr|snr|ii|iii|iv|v|vi|2nd|3rd|phd|md|esq)\.?$/i;

/** True for a generational or academic name suffix: "Jr.", "Sr", "III", "PhD". */
export function isNameSuffix(word: string): boolean {
  return NAME_SUFFIX.test(word.trim());
}

function splitOutsideParentheses(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function readAuthor(text: string): Author {
  // The name is the text outside parentheses; each outermost pair holds one affiliation. Pieces
  // are sliced out rather than built a character at a time: a feed has tens of thousands.
  let name = '';
  const affiliations: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') {
      if (depth === 0) {
        name += text.slice(from, i);
        from = i + 1;
      }
      depth++;
    } else if (ch === ')' && depth > 0) {
      depth--;
      if (depth === 0) {
        affiliations.push(text.slice(from, i));
        from = i + 1;
      }
    }
  }
  // An unclosed parenthesis: keep what followed it as an affiliation rather than lose it.
  if (depth > 0) affiliations.push(text.slice(from));
  else name += text.slice(from);
  return {
    name: cleanName(name),
    affiliations: affiliations.map(cleanName).filter((a) => a.length > 0),
  };
}
