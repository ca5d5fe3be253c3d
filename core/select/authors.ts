// Followed authors: "Yann LeCun", "LeCun, Yann" and "Y. LeCun" name the same person, accents and
// case aside ("Rémy Martin" = "Remy Martin"); middle names are not compared.

import { familyName } from '../cite/names';

export interface AuthorPattern {
  family: string;
  /** First given name or initial, normalised; empty when only a family name was given. */
  given: string;
}

/** Lower case, no accents, no dots, hyphens as spaces, single spaces. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.\u2010-\u2015-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function authorPattern(name: string): AuthorPattern {
  const spaced = name.replace(/\s+/g, ' ').trim();
  const comma = spaced.indexOf(',');
  // "Last, First" becomes "First Last" so one code path reads both.
  const ordered = comma > 0 ? `${spaced.slice(comma + 1).trim()} ${spaced.slice(0, comma).trim()}` : spaced;
  const family = normalizeName(familyName(ordered));
  const rest = normalizeName(ordered).split(' ');
  const familyWords = family.split(' ').length;
  const given = rest.slice(0, Math.max(0, rest.length - familyWords))[0] ?? '';
  return { family, given };
}

/** Same family name, and first given names that agree (equal, or one is the other's initial). */
export function matchesAuthor(pattern: AuthorPattern, authorName: string): boolean {
  const author = authorPattern(authorName);
  if (author.family !== pattern.family) return false;
  if (pattern.given === '' || author.given === '') return true;
  if (pattern.given === author.given) return true;
  const [short, long] = pattern.given.length <= author.given.length ? [pattern.given, author.given] : [author.given, pattern.given];
  return short.length === 1 && long.startsWith(short);
}
