import { describe, expect, it } from 'vitest';
import { LibraryIndex, type LibraryItem } from '../../core/rank/library';
import { COLD_START_MINIMUM, FOLLOWED_AUTHOR_BOOST, GROUP_BOOST, orderByRelevance, rankPapers } from '../../core/rank/score';
import { IMAGE_DIFFUSION, LIBRARY, ROBOT_DIFFUSION_POLICY, UNRELATED, paper } from './papers';

function indexOf(items: readonly LibraryItem[] = LIBRARY): LibraryIndex {
  const index = new LibraryIndex();
  for (const item of items) index.add(item);
  return index;
}

/** A library paper about both robots and images, and two new papers each close to one half. */
function closeCallLibrary(): LibraryIndex {
  return indexOf([
    ...LIBRARY.slice(1),
    { id: 'both', title: 'Diffusion for robots and images', abstract: 'Diffusion models generate robot actions and images by denoising.' },
  ]);
}

function closeCallPapers(): [ReturnType<typeof paper>, ReturnType<typeof paper>] {
  return [
    paper('a.1', 'Diffusion for robot actions', 'Denoising diffusion generates robot actions.'),
    paper('b.1', 'Diffusion for images', 'Denoising diffusion generates images.'),
  ];
}

const ids = (result: ReturnType<typeof rankPapers>): string[] => result.ranked.map((item) => item.paper.id);

describe('rankPapers', () => {
  it('puts a new robot diffusion-policy paper above an image-diffusion paper when the library holds Diffusion Policy', () => {
    const result = rankPapers([IMAGE_DIFFUSION, UNRELATED, ROBOT_DIFFUSION_POLICY], indexOf());
    expect(result.coldStart).toBe(false);
    expect(ids(result)).toEqual([ROBOT_DIFFUSION_POLICY.id, IMAGE_DIFFUSION.id, UNRELATED.id]);
    const top = result.ranked[0]!;
    expect(top.nearest.map((n) => n.noteName)).toEqual(['Diffusion Policy']);
    expect(top.sharedTerms[0]).toMatch(/^diffusion policy/);
  });

  it('gives scores between 0 and 1 with at most 3 decimals', () => {
    const result = rankPapers([IMAGE_DIFFUSION, UNRELATED, ROBOT_DIFFUSION_POLICY], indexOf(), { followedAuthors: ['Ada Example'] });
    for (const { score } of result.ranked) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
      expect(Math.round(score * 1000) / 1000).toBe(score);
    }
  });

  it('explains with the phrases the paper shares, joining overlapping pairs into one phrase', () => {
    const library = indexOf([
      ...LIBRARY.slice(1),
      {
        id: 'bec',
        noteName: 'Spinor condensates',
        title: 'Spinor Bose-Einstein condensates',
        abstract: 'Dipolar Bose-Einstein condensates in optical traps show spin textures.',
      },
    ]);
    const bec = paper('c.1', 'Vortices in Bose-Einstein condensates', 'We trap Bose-Einstein condensates and watch vortices form in optical traps.');
    const item = rankPapers([bec], library).ranked[0]!;
    expect(item.nearest.map((n) => n.noteName)).toEqual(['Spinor condensates']);
    expect(item.sharedTerms).toEqual(['Bose-Einstein condensates']);
  });

  it('does not list a word again next to a phrase that already holds it', () => {
    const library = indexOf([
      {
        id: 'kv',
        noteName: 'KV cache',
        title: 'Caching Retrieved Passages for Low-Latency Language Model Serving',
        abstract: 'A language model server keeps retrieved passages in a cache shared between requests, which halves latency for streaming input.',
      },
      {
        id: 'sinks',
        noteName: 'Streaming LMs',
        title: 'Streaming Language Models with Attention Sinks',
        abstract: 'Language models trained on finite windows fail on streaming input; attention sinks let them run on endless streams.',
      },
      {
        id: 'colour',
        noteName: 'Graph coloring',
        title: 'Bounds on the Chromatic Number of Sparse Graphs',
        abstract: 'We bound the chromatic number of graphs with few edges per vertex.',
      },
      {
        id: 'pinn',
        noteName: 'PINN training',
        title: 'Curriculum Training of Physics-Informed Neural Networks',
        abstract: 'Physics-informed networks struggle on stiff elliptic problems; training on coarse grids before fine ones makes convergence reliable.',
      },
      {
        id: 'mg',
        noteName: 'Multigrid',
        title: 'Multigrid Preconditioners for Elliptic Problems',
        abstract: 'Multigrid cycles between coarse and fine grids and solves elliptic problems in time proportional to the grid size.',
      },
    ]);
    const multigrid = paper(
      'c.2',
      'Multigrid Methods for Physics-Informed Networks',
      'Training physics-informed networks on coarse grids first and refining later speeds up convergence on elliptic problems by an order of magnitude.',
    );
    const terms = rankPapers([multigrid], library).ranked[0]!.sharedTerms;
    // "physics-informed" and "informed networks" join into one phrase, which holds "networks".
    expect(terms[0]).toBe('physics-informed networks');
    const words = terms.map((term) => term.toLowerCase().split(/[\s-]+/));
    for (const [i, own] of words.entries()) {
      for (const [j, other] of words.entries())
        if (i !== j)
          expect(
            own.every((w) => other.includes(w)),
            `${terms[i]} inside ${terms[j]}`,
          ).toBe(false);
    }
  });

  it('does not call a kept paper close to itself when it is announced again', () => {
    const again = paper('2303.04137', LIBRARY[0]!.title, LIBRARY[0]!.abstract);
    const item = rankPapers([again], indexOf()).ranked[0]!;
    expect(item.nearest.map((n) => n.noteName)).not.toContain('Diffusion Policy');
    expect(item.score).toBeLessThan(0.1);
  });

  it('names no library paper for a paper close to none of them', () => {
    const unrelated = rankPapers([UNRELATED], indexOf()).ranked[0]!;
    expect(unrelated.nearest).toEqual([]);
    expect(unrelated.sharedTerms).toEqual([]);
  });

  it('gives the same result every time, whatever the library insertion order', () => {
    const batch = [IMAGE_DIFFUSION, UNRELATED, ROBOT_DIFFUSION_POLICY];
    const first = rankPapers(batch, indexOf());
    expect(rankPapers(batch, indexOf())).toEqual(first);
    expect(rankPapers(batch, indexOf([...LIBRARY].reverse()))).toEqual(first);
  });

  it('keeps arXiv order between papers with equal scores', () => {
    const twinA = { ...ROBOT_DIFFUSION_POLICY, id: '2403.00002' };
    const twinB = { ...ROBOT_DIFFUSION_POLICY, id: '2403.00001' };
    expect(ids(rankPapers([UNRELATED, twinA, twinB], indexOf()))).toEqual(['2403.00002', '2403.00001', UNRELATED.id]);
    expect(ids(rankPapers([UNRELATED, twinB, twinA], indexOf()))).toEqual(['2403.00001', '2403.00002', UNRELATED.id]);
  });

  it('keeps only the best topN', () => {
    const result = rankPapers([IMAGE_DIFFUSION, UNRELATED, ROBOT_DIFFUSION_POLICY], indexOf(), { topN: 1 });
    expect(ids(result)).toEqual([ROBOT_DIFFUSION_POLICY.id]);
  });

  it('adds the followed-author boost and says whom it matched', () => {
    const byFollowed = {
      ...IMAGE_DIFFUSION,
      authors: [
        { name: 'Ada Example', affiliations: [] },
        { name: 'Robin Rombach', affiliations: [] },
      ],
    };
    const plain = rankPapers([byFollowed], indexOf()).ranked[0]!;
    const followed = rankPapers([byFollowed], indexOf(), { followedAuthors: ['R. Rombach'] }).ranked[0]!;
    expect(plain.followedAuthors).toEqual([]);
    expect(followed.followedAuthors).toEqual(['Robin Rombach']);
    expect(followed.score).toBeCloseTo(plain.score + FOLLOWED_AUTHOR_BOOST, 3);
  });

  it('lifts a paper by a followed author above a closer one', () => {
    const library = closeCallLibrary();
    const [a, b] = closeCallPapers();
    const plain = ids(rankPapers([a, b], library));
    const second = [a, b].find((p) => p.id === plain[1])!;
    const byFollowed = { ...second, authors: [{ name: 'Grace Hopper', affiliations: [] }] };
    const others = [a, b].filter((p) => p !== second);
    expect(ids(rankPapers([...others, byFollowed], library, { followedAuthors: ['Hopper, Grace'] }))).toEqual([second.id, ...others.map((p) => p.id)]);
  });

  it('adds a small boost per keyword group, for at most two groups', () => {
    const unboosted = rankPapers([ROBOT_DIFFUSION_POLICY, IMAGE_DIFFUSION], indexOf());
    const imageScore = unboosted.ranked[1]!.score;
    const oneGroup = rankPapers([ROBOT_DIFFUSION_POLICY, IMAGE_DIFFUSION], indexOf(), { groupHits: new Map([[IMAGE_DIFFUSION.id, 1]]) });
    expect(oneGroup.ranked.find((r) => r.paper.id === IMAGE_DIFFUSION.id)!.score).toBeCloseTo(imageScore + GROUP_BOOST, 3);
    const fiveGroups = rankPapers([ROBOT_DIFFUSION_POLICY, IMAGE_DIFFUSION], indexOf(), { groupHits: new Map([[IMAGE_DIFFUSION.id, 5]]) });
    const boosted = fiveGroups.ranked.find((r) => r.paper.id === IMAGE_DIFFUSION.id)!;
    expect(boosted.score).toBeCloseTo(imageScore + 2 * GROUP_BOOST, 3);
    expect(boosted.groupHits).toBe(5);
  });

  it('lets the groups turn the order round when similarity is close', () => {
    const library = closeCallLibrary();
    const [a, b] = closeCallPapers();
    const plain = ids(rankPapers([a, b], library));
    expect(ids(rankPapers([a, b], library, { groupHits: new Map([[plain[1]!, 2]]) }))).toEqual([plain[1], plain[0]]);
  });

  it('weighs recently added library papers more', () => {
    const day = 86_400_000;
    const now = Date.UTC(2026, 4, 1);
    const robots = { ...LIBRARY[0]! };
    const images = { id: 'ldm', noteName: 'Latent Diffusion', title: IMAGE_DIFFUSION.title, abstract: IMAGE_DIFFUSION.abstract };
    const rest = LIBRARY.slice(1, 4);
    const robotsRecent = indexOf([{ ...robots, addedAt: now - day }, { ...images, addedAt: now - 1000 * day }, ...rest]);
    const imagesRecent = indexOf([{ ...robots, addedAt: now - 1000 * day }, { ...images, addedAt: now - day }, ...rest]);
    const robotPaper = paper(
      'r.1',
      'Visuomotor diffusion policy for robot manipulation',
      'A diffusion policy denoises action sequences for robot manipulation tasks such as pouring.',
    );
    const imagePaper = paper(
      'i.1',
      'Latent diffusion for image synthesis',
      'Diffusion models trained in the latent space of an autoencoder synthesise images with less compute.',
    );
    expect(ids(rankPapers([imagePaper, robotPaper], robotsRecent, { now }))).toEqual(['r.1', 'i.1']);
    expect(ids(rankPapers([robotPaper, imagePaper], imagesRecent, { now }))).toEqual(['i.1', 'r.1']);
    const weighted = rankPapers([robotPaper], robotsRecent, { now }).ranked[0]!.score;
    const faded = rankPapers([robotPaper], imagesRecent, { now }).ranked[0]!.score;
    expect(weighted).toBeGreaterThan(faded);
  });
});

describe('cold start', () => {
  it(`falls back to keyword order below ${COLD_START_MINIMUM} library papers`, () => {
    const small = indexOf(LIBRARY.slice(0, COLD_START_MINIMUM - 1));
    const other = paper('9.9', 'Something else', 'Unrelated text about sailing.');
    const result = rankPapers([ROBOT_DIFFUSION_POLICY, IMAGE_DIFFUSION, other], small, {
      groupHits: new Map([
        [IMAGE_DIFFUSION.id, 2],
        [other.id, 1],
      ]),
    });
    expect(result.coldStart).toBe(true);
    expect(result.librarySize).toBe(4);
    expect(ids(result)).toEqual([IMAGE_DIFFUSION.id, other.id, ROBOT_DIFFUSION_POLICY.id]);
    expect(result.ranked.map((r) => r.score)).toEqual([0.1, 0.05, 0]);
    expect(result.ranked.every((r) => r.nearest.length === 0 && r.sharedTerms.length === 0)).toBe(true);
  });

  it(`ranks by the library from ${COLD_START_MINIMUM} papers on`, () => {
    expect(rankPapers([UNRELATED], indexOf(LIBRARY.slice(0, COLD_START_MINIMUM))).coldStart).toBe(false);
  });
});

describe('orderByRelevance', () => {
  it('orders a group by the ranking and keeps unranked papers last, in their order', () => {
    const result = rankPapers([IMAGE_DIFFUSION, ROBOT_DIFFUSION_POLICY], indexOf());
    const group = [UNRELATED, IMAGE_DIFFUSION, ROBOT_DIFFUSION_POLICY];
    expect(orderByRelevance(group, result).map((p) => p.id)).toEqual([ROBOT_DIFFUSION_POLICY.id, IMAGE_DIFFUSION.id, UNRELATED.id]);
  });
});
