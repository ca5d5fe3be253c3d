// A followed author is one rule: the paper that lands in a "People" group gets the followed-author
// boost in Top picks, and the one that does not, does not.
import { describe, expect, it } from 'vitest';
import { compileGroups, paperText } from '../../core/select/rules';
import { FOLLOWED_AUTHOR_BOOST, rankPapers } from '../../core/rank/score';
import { LibraryIndex } from '../../core/rank/library';
import { LIBRARY, paper } from './papers';

const library = new LibraryIndex();
for (const item of LIBRARY) library.add(item);

const CASES: Array<{ follow: string; author: string; followed: boolean }> = [
  { follow: 'LeCun', author: 'Yann LeCun', followed: true },
  { follow: 'van der Berg', author: 'Anna van der Berg', followed: true },
  { follow: 'Anna van der Berg', author: 'A. van der Berg', followed: true },
  { follow: 'de la Cruz, Maria', author: 'María de la Cruz', followed: true },
  { follow: 'Sergey Levine', author: 'Sergey A. Levine', followed: true },
  { follow: 'S. Levine', author: 'Sergey Levine', followed: true },
  { follow: 'Rémy Martin', author: 'Remy Martin', followed: true },
  { follow: 'Yu Wang', author: 'Yi Wang', followed: false },
  { follow: 'van der Berg', author: 'Anna Berg', followed: false },
  { follow: 'Anna van der Berg', author: 'Anna Van der Berg', followed: true },
  { follow: 'ATLAS Collaboration', author: 'CMS Collaboration', followed: false },
];

describe('a followed author, in the People group and in Top picks', () => {
  it.each(CASES)('$follow follows $author: $followed', ({ follow, author, followed }) => {
    const byAuthor = paper('2605.00001', 'A study of denoising diffusion', 'Diffusion models generate images.', ['Ada Example', author]);
    const [group] = compileGroups([{ name: 'People', include: [], authors: [follow] }]);
    expect(group!.matches(byAuthor, paperText(byAuthor))).toBe(followed);

    const plain = rankPapers([byAuthor], library).ranked[0]!;
    const ranked = rankPapers([byAuthor], library, { followedAuthors: [follow] }).ranked[0]!;
    expect(ranked.followedAuthors).toEqual(followed ? [author] : []);
    expect(ranked.score).toBeCloseTo(plain.score + (followed ? FOLLOWED_AUTHOR_BOOST : 0), 3);
  });
});
