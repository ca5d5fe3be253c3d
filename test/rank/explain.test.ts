import { describe, expect, it } from 'vitest';
import { coldStartNotice, explain } from '../../core/rank/explain';
import { LibraryIndex } from '../../core/rank/library';
import { rankPapers, type RankedPaper } from '../../core/rank/score';
import { LIBRARY, ROBOT_DIFFUSION_POLICY, UNRELATED, paper } from './papers';

function ranked(fields: Partial<RankedPaper>): RankedPaper {
  return { paper: paper('1.1', 'T', 'A'), score: 0.3, nearest: [], sharedTerms: [], followedAuthors: [], groupHits: 0, ...fields };
}

describe('explain', () => {
  it('names the nearest notes and the shared phrases', () => {
    const item = ranked({
      nearest: [
        { noteName: 'Paper A', title: 'A title', similarity: 0.41 },
        { noteName: 'Paper B', title: 'B title', similarity: 0.3 },
      ],
      sharedTerms: ['diffusion policy', 'offline RL'],
    });
    expect(explain(item)).toBe('close to [[Paper A]] and [[Paper B]]; shares *diffusion policy*, *offline RL*');
  });

  it('quotes the title of a library paper that has no note, and names followed authors', () => {
    const item = ranked({
      nearest: [{ title: 'Attention Is All You Need', similarity: 0.2 }],
      sharedTerms: ['self-attention'],
      followedAuthors: ['Ashish Vaswani'],
    });
    expect(explain(item)).toBe('close to "Attention Is All You Need"; shares *self-attention*; by Ashish Vaswani, whom you follow');
  });

  it('lets a host choose how papers and phrases are written', () => {
    const item = ranked({ nearest: [{ noteName: 'Paper A', title: 'A title', similarity: 0.41 }], sharedTerms: ['graph neural networks'] });
    const plain = explain(item, { reference: (p) => `“${p.title}”`, phrase: (t) => t });
    expect(plain).toBe('close to “A title”; shares graph neural networks');
  });

  it('says nothing when nothing is close', () => {
    expect(explain(ranked({}))).toBe('');
  });

  it('explains a real ranking', () => {
    const index = new LibraryIndex();
    for (const item of LIBRARY) index.add(item);
    const [top, bottom] = rankPapers([UNRELATED, ROBOT_DIFFUSION_POLICY], index).ranked;
    expect(explain(top!)).toBe('close to [[Diffusion Policy]]; shares *diffusion policy learns*, *robot*');
    expect(explain(bottom!)).toBe('');
  });
});

describe('coldStartNotice', () => {
  it('says how many papers there are, how many are needed, and what to do', () => {
    expect(coldStartNotice(2)).toBe(
      'Top picks start when your library has 5 papers (it has 2): keep the paper notes you have read, or name a .bib or CSL-JSON file in the settings. Until then papers are listed in keyword order.',
    );
  });
});
