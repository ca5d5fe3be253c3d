import { describe, expect, it } from 'vitest';
import { followedAuthorsOf } from '../../core/select/authors';

const authors = (...names: string[]) => names.map((name) => ({ name, affiliations: [] }));

describe('followedAuthorsOf', () => {
  it('matches full names regardless of case, accents and "Family, Given" order', () => {
    expect(followedAuthorsOf(authors('Rémy Martin', 'Sergey Levine'), ['remy martin'])).toEqual(['Rémy Martin']);
    expect(followedAuthorsOf(authors('Sergey Levine'), ['Levine, Sergey'])).toEqual(['Sergey Levine']);
  });

  it('matches initials against a full given name, either way round', () => {
    expect(followedAuthorsOf(authors('Sergey Levine'), ['S. Levine'])).toEqual(['Sergey Levine']);
    expect(followedAuthorsOf(authors('S. Levine'), ['Sergey Levine'])).toEqual(['S. Levine']);
    expect(followedAuthorsOf(authors('J. R. R. Tolkien'), ['John Tolkien'])).toEqual(['J. R. R. Tolkien']);
  });

  it('does not confuse different given names with the same initial, or different families', () => {
    expect(followedAuthorsOf(authors('Yi Wang', 'Yu Wangs'), ['Yu Wang'])).toEqual([]);
    expect(followedAuthorsOf(authors('Sergey Levine'), [])).toEqual([]);
    expect(followedAuthorsOf(authors('Sergey Levine'), ['', ' , '])).toEqual([]);
  });
});
