// Followed authors, the one rule for the People groups, the digest's tally and Top picks' boost:
// "Yann LeCun", "LeCun, Yann" and "Y. LeCun" name the same person, accents and case aside ("Rémy
// Martin" = "Remy Martin"); a family name alone ("LeCun", "van der Berg") follows everyone of that
// family; middle names are not compared.

import type { Author } from '../arxiv/paper';
import { isCorporateName, isNameParticle, nameParts } from '../cite/names';

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
  const parts = isCorporateName(spaced) ? undefined : nameParts(spaced);
  if (!parts) return { family: normalizeName(spaced), given: '' };
  const given = parts.given.split(' ').filter((word) => word !== '');
  let family = parts.family;
  // "Anna Van der Berg": a particle written with a capital still belongs to the family name.
  while (given.length > 1 && isNameParticle(given[given.length - 1]!)) family = `${given.pop()!} ${family}`;
  return { family: normalizeName(family), given: normalizeName(given.join(' ')).split(' ')[0] ?? '' };
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

/** The paper's authors (as the paper spells them) that the person follows. */
export function followedAuthorsOf(authors: readonly Author[], followed: readonly string[]): string[] {
  const patterns = followed.map(authorPattern).filter((pattern) => /[\p{L}\p{N}]/u.test(pattern.family));
  return authors.filter((author) => patterns.some((pattern) => matchesAuthor(pattern, author.name))).map((author) => author.name);
}
