// The fast ranker against the plain restatement of its rules (./reference-ranking.ts) on arXiv's
// real announcement of 2024-11-28: the same phrases, the same order, scores, nearest papers
// and shared terms. Read in place from ../shared; skipped with a note when it is absent.

import { describe, expect, it } from 'vitest';
import type { Paper } from '../../core/arxiv/paper';
import { parseRss } from '../../core/arxiv/rss';
import { recombinedAbstracts } from '../../core/rank/benchmark';
import { idOf, LibraryIndex, type LibraryItem } from '../../core/rank/library';
import { rankPapers, type RankOptions } from '../../core/rank/score';
import { phrasesOf } from '../../core/rank/tokenize';
import { sample, samplesPresent } from '../arxiv/fixtures';
import { referencePhrases, referenceRanking, type ReferenceRanked } from './reference-ranking';

const FEED = 'rss/rss2-2024/aioarxiv_rss_all-archives_2024-11-28.xml';
const papers = samplesPresent ? parseRss(sample(FEED), ['all']).papers : undefined;
if (!papers) console.log(`Skipping the ranking reference test: the arXiv samples are not at ../shared/arxiv-samples.`);

const DAY_MS = 86_400_000;
const ANNOUNCED = Date.UTC(2024, 10, 28);

/** The index as a later run has it: written to the cache, read back, synced with the same items. */
function restoredIndex(items: readonly LibraryItem[]): LibraryIndex {
  const built = new LibraryIndex();
  for (const item of items) built.add(item);
  const restored = LibraryIndex.fromJSON(JSON.parse(JSON.stringify(built.toJSON())));
  expect(restored.sync(items)).toEqual({ added: 0, removed: 0, kept: new Set(items.map(idOf)).size });
  return restored;
}

function fastRanking(announcement: readonly Paper[], items: readonly LibraryItem[], options: RankOptions): ReferenceRanked[] {
  return rankPapers(announcement, restoredIndex(items), options).ranked.map(({ paper, score, nearest, sharedTerms, followedAuthors, groupHits }) => ({
    id: paper.id,
    score,
    nearest,
    sharedTerms,
    followedAuthors,
    groupHits,
  }));
}

describe.runIf(papers !== undefined)('the ranker against the plain statement of its rules, on a real announcement', () => {
  it('splits every title and abstract into the same phrases', () => {
    const texts = papers!.flatMap((paper) => [paper.title, paper.abstract]);
    // Text the feed happens not to hold: other scripts, astral letters, odd spaces and hyphens.
    texts.push(
      'Über 𝑥-ray 𝒜lgebra, naïve café; e\u0301tude. Graph\u00a0networks \u2003 learn\tfast — Bose\u2013Einstein condensates, spin \u2010 orbit, ' +
        'self\u2011supervised pretraining, long--range order! Dense\u2028matrices 中文字符 ١٢٣ \ud800 lone',
    );
    for (const text of texts) {
      expect(phrasesOf(text)).toEqual(referencePhrases(text));
      expect(phrasesOf(text, true)).toEqual(referencePhrases(text, true));
    }
  });

  it('ranks against a library of real papers with the same order, scores, nearest papers and shared terms', () => {
    // Kept papers: notes for two in three, dated over the past year, one in five undated.
    const library: LibraryItem[] = papers!.slice(0, 150).map((paper, i) => ({
      id: paper.id,
      title: paper.title,
      abstract: paper.abstract,
      ...(i % 3 !== 0 ? { noteName: `Papers/${paper.id}` } : {}),
      ...(i % 5 !== 0 ? { addedAt: ANNOUNCED - (i % 40) * 9 * DAY_MS } : {}),
    }));
    // An announced paper kept twice under other ids (a .bib entry, a Zotero item): equal
    // similarities go to the smaller id.
    const twice = papers![200]!;
    library.push(
      { id: `zotero:${twice.id}`, title: twice.title, abstract: twice.abstract, noteName: 'Zotero copy' },
      { id: `bib:${twice.id}`, title: twice.title, abstract: twice.abstract },
    );
    // Ten of the kept papers are announced again (a new version), so none may be close to itself.
    const announcement = papers!.slice(140, 500);
    const options: RankOptions = {
      followedAuthors: announcement.filter((_, i) => i % 45 === 0).map((paper) => paper.authors[0]!.name),
      groupHits: new Map(announcement.filter((_, i) => i % 6 === 0).map((paper, i) => [paper.id, i % 4] as const)),
      now: ANNOUNCED,
      halfLifeDays: 90,
    };
    const fast = fastRanking(announcement, library, options);
    expect(fast).toEqual(referenceRanking(announcement, library, options));
    // The comparison covers what it should: papers with named neighbours and shared terms.
    expect(fast.filter((item) => item.sharedTerms.length > 0).length).toBeGreaterThan(50);
    expect(fast.filter((item) => item.followedAuthors.length > 0).length).toBeGreaterThan(5);
    expect(fast.find((item) => item.id === twice.id)!.nearest.map((paper) => paper.noteName)).toEqual([undefined, 'Zotero copy']);
  });

  it('ranks against a library recombined from the same abstracts (the benchmark corpus) identically, topN included', () => {
    const library = recombinedAbstracts(papers!, 300).map((item, i) => ({ ...item, ...(i % 2 === 0 ? { noteName: item.title } : {}) }));
    const announcement = papers!.slice(0, 400);
    const fast = fastRanking(announcement, library, {});
    expect(fast).toEqual(referenceRanking(announcement, library, {}));
    expect(fast.filter((item) => item.sharedTerms.length > 0).length).toBeGreaterThan(300);
    expect(fastRanking(announcement, library, { topN: 20 })).toEqual(fast.slice(0, 20));
  });
});
