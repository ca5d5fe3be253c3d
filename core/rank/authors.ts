// Whether a paper is by someone the person follows, forgiving accents, case and initials
// ("Sergey Levine" matches "S. Levine") but not a different first name ("Yu Wang" ≠ "Yi Wang").

import type { Author } from '../arxiv/paper';

interface NameParts {
  /** Every name part, lower-case and without accents. */
  full: string;
  family: string;
  firstInitial: string;
  /** The given names are only initials ("S.", "J. R."), so initials are all we can compare. */
  givenIsInitials: boolean;
}

function partsOf(name: string): NameParts | undefined {
  const folded = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
  // "Levine, Sergey" is the bibliographic order of "Sergey Levine".
  const comma = folded.indexOf(',');
  const ordered = comma >= 0 ? `${folded.slice(comma + 1)} ${folded.slice(0, comma)}` : folded;
  const words = ordered.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
  const family = words.at(-1);
  if (family === undefined) return undefined;
  const given = words.slice(0, -1);
  return {
    full: words.join(' '),
    family,
    firstInitial: given[0]?.[0] ?? '',
    givenIsInitials: given.length > 0 && given.every((word) => word.length === 1),
  };
}

function sameAuthor(a: NameParts, b: NameParts): boolean {
  if (a.full === b.full) return true;
  if (a.family !== b.family || a.firstInitial === '' || a.firstInitial !== b.firstInitial) return false;
  return a.givenIsInitials || b.givenIsInitials;
}

/** The paper's authors (as the paper spells them) that the person follows. */
export function followedAuthorsOf(authors: readonly Author[], followed: readonly string[]): string[] {
  const wanted = followed.map(partsOf).filter((parts) => parts !== undefined);
  return authors
    .filter((author) => {
      const parts = partsOf(author.name);
      return parts !== undefined && wanted.some((name) => sameAuthor(parts, name));
    })
    .map((author) => author.name);
}
