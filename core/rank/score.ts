// Ranks an announcement by closeness to the person's library, offline and deterministically:
// recency-weighted TF-IDF cosine (./similarity.ts) plus small boosts for followed authors and
// keyword groups.
//
// Why TF-IDF cosine and not BM25: the "query" is a whole new abstract compared with whole
// library abstracts of similar length, the "more like this" setting where length-normalised
// cosine is the classic choice. BM25 is built for short queries against longer documents and
// its scores have no fixed range; a cosine is 0..1, so "similarity 0.31" in a reason, and a
// score threshold, mean the same thing in every vault.
//
// Aggregate: (closest + mean of the 3 closest) / 2, each cosine times the library paper's
// recency weight. The closest alone rewards one near-duplicate; the mean rewards a paper
// near a whole cluster of what the person keeps; the blend wants either.

import type { Paper } from '../arxiv/paper';
import { followedAuthorsOf } from '../select/authors';
import type { LibraryDoc, LibraryIndex } from './library';
import { sharedTermsFinder } from './shared-terms';
import { addCosines, queryOf, weightsForBatch, type Query } from './similarity';
import { phrasesOfPaper } from './tokenize';

/** Below this many library papers there is too little to compare with: keyword order instead. */
export const COLD_START_MINIMUM = 5;
/** Added to the score when a followed person is among the authors. */
export const FOLLOWED_AUTHOR_BOOST = 0.15;
/** Added per matched keyword group, for at most MAX_BOOSTED_GROUPS groups. */
export const GROUP_BOOST = 0.05;
export const MAX_BOOSTED_GROUPS = 2;
/** The aggregate blends the closest library paper with the mean of the closest NEIGHBOURS. */
const NEIGHBOURS = 3;
const DEFAULT_HALF_LIFE_DAYS = 180;
/** An old library paper still counts this much; one added today counts fully. */
const OLDEST_WEIGHT = 0.5;
const DAY_MS = 86_400_000;
/**
 * A library paper is named in a reason only when it is this similar, and at least half as
 * similar as the closest: "close to [[X]]" should be true when a person checks it.
 */
const REASON_MIN_SIMILARITY = 0.08;

export interface RankOptions {
  followedAuthors?: string[];
  /** Paper id → number of keyword groups it matched. */
  groupHits?: ReadonlyMap<string, number>;
  /** Reference time for recency (ms). Default: the newest addedAt in the library. */
  now?: number;
  halfLifeDays?: number;
  /** Keep only the N best. Default: all, so hosts can also order each group. */
  topN?: number;
}

export interface NearestPaper {
  noteName?: string;
  title: string;
  /** Cosine similarity to the new paper, 3 decimals. */
  similarity: number;
}

export interface RankedPaper {
  paper: Paper;
  /** 0..1, 3 decimals: similarity to the library plus the author and group boosts. */
  score: number;
  /** The closest library papers worth naming (at most 2, none when nothing is close), closest first. */
  nearest: NearestPaper[];
  /** Up to 3 phrases it shares with them, as the new paper writes them; pairs of words preferred. */
  sharedTerms: string[];
  /** Its authors that the person follows. */
  followedAuthors: string[];
  groupHits: number;
}

export interface RankResult {
  /** True when the library has fewer than COLD_START_MINIMUM papers: keyword order only. */
  coldStart: boolean;
  librarySize: number;
  ranked: RankedPaper[];
}

interface Scored {
  item: RankedPaper;
  arxivOrder: number;
  /** Library positions of the nearest papers worth naming. */
  neighbours: number[];
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

function boostsOf(paper: Paper, options: RankOptions): { followedAuthors: string[]; groupHits: number; boost: number } {
  const followedAuthors = followedAuthorsOf(paper.authors, options.followedAuthors ?? []);
  const groupHits = options.groupHits?.get(paper.id) ?? 0;
  const boost = (followedAuthors.length > 0 ? FOLLOWED_AUTHOR_BOOST : 0) + GROUP_BOOST * Math.min(groupHits, MAX_BOOSTED_GROUPS);
  return { followedAuthors, groupHits, boost };
}

interface Recency {
  /** Each library paper's recency weight, by position. */
  weights: Float64Array;
  /** The highest of them (1 unless every paper is old); one that is not a number is left out. */
  highest: number;
}

function recencyOf(docs: readonly LibraryDoc[], options: RankOptions): Recency {
  const now = options.now ?? docs.reduce((newest, doc) => Math.max(newest, doc.addedAt ?? 0), 0);
  const halfLife = (options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS) * DAY_MS;
  // An undated paper gives no reason to discount it, so it counts fully.
  const weights = Float64Array.from(docs, (doc) =>
    doc.addedAt === undefined ? 1 : OLDEST_WEIGHT + (1 - OLDEST_WEIGHT) * 0.5 ** (Math.max(0, now - doc.addedAt) / halfLife),
  );
  return { weights, highest: weights.reduce((highest, weight) => (weight > highest ? weight : highest), 0) };
}

/** The NEIGHBOURS closest library papers of one new paper, best first; `count` of them are set. */
interface Neighbours {
  count: number;
  positions: Int32Array;
  similarities: Float64Array;
  /** similarity × the library paper's recency weight. */
  weighted: Float64Array;
}

const noNeighbours = (): Neighbours => ({
  count: 0,
  positions: new Int32Array(NEIGHBOURS),
  similarities: new Float64Array(NEIGHBOURS),
  weighted: new Float64Array(NEIGHBOURS),
});

/**
 * Fills `into` with the NEIGHBOURS library papers with the highest recency-weighted cosine, best
 * first, and resets `cosines` to zero for the next paper. Positions are scanned in order and
 * only a strictly greater weight displaces, so ties go to the library paper with the smaller id.
 */
function closestNeighbours(cosines: Float64Array, recency: Recency, into: Neighbours): void {
  const { positions, similarities, weighted } = into;
  const { weights, highest } = recency;
  let count = 0;
  let floor = -1;
  for (let position = 0; position < cosines.length; position += 1) {
    const similarity = cosines[position]!;
    // Most library papers fall below the floor even at the highest recency weight: no more work.
    if (similarity === 0 || similarity * highest <= floor) continue;
    const weight = similarity * weights[position]!;
    if (weight <= floor) continue;
    let at = count;
    while (at > 0 && weight > weighted[at - 1]!) at -= 1;
    if (at === NEIGHBOURS) continue;
    for (let from = Math.min(count, NEIGHBOURS - 1); from > at; from -= 1) {
      positions[from] = positions[from - 1]!;
      similarities[from] = similarities[from - 1]!;
      weighted[from] = weighted[from - 1]!;
    }
    positions[at] = position;
    similarities[at] = similarity;
    weighted[at] = weight;
    if (count < NEIGHBOURS) count += 1;
    if (count === NEIGHBOURS) floor = weighted[NEIGHBOURS - 1]!;
  }
  cosines.fill(0);
  into.count = count;
}

/** Cold start: only the boosts count, which is keyword-group order, then arXiv order. */
function keywordOrder(papers: readonly Paper[], options: RankOptions): Scored[] {
  return papers.map((paper, arxivOrder) => {
    const { followedAuthors, groupHits, boost } = boostsOf(paper, options);
    return { item: { paper, score: round3(boost), nearest: [], sharedTerms: [], followedAuthors, groupHits }, arxivOrder, neighbours: [] };
  });
}

interface LibraryRanking {
  scored: Scored[];
  /** The phrases a ranked paper shares with its named neighbours. */
  sharedTerms: (arxivOrder: number, neighbours: readonly number[]) => string[];
}

function rankAgainstLibrary(papers: readonly Paper[], library: LibraryIndex, options: RankOptions): LibraryRanking {
  const phrases = papers.map((paper) => phrasesOfPaper(paper.title, paper.abstract));
  const weights = weightsForBatch(library, phrases);
  const docs = weights.postings.docs;
  const recency = recencyOf(docs, options);
  const cosines = new Float64Array(docs.length);
  const positionById = new Map(docs.map((doc, position) => [doc.id, position] as const));
  const neighbours = noNeighbours();
  const queries: Query[] = [];

  const scored = papers.map((paper, arxivOrder) => {
    const query = queryOf(arxivOrder, weights);
    queries.push(query);
    addCosines(query, weights, cosines);
    // A paper the person already keeps (a new version, a cross-list) is not "close to" itself.
    const itself = positionById.get(paper.id);
    if (itself !== undefined) cosines[itself] = 0;
    closestNeighbours(cosines, recency, neighbours);
    const { count, positions, similarities, weighted } = neighbours;
    const closest = count > 0 ? weighted[0]! : 0;
    let sum = 0;
    for (let n = 0; n < count; n += 1) sum += weighted[n]!;
    const meanOfClosest = sum / NEIGHBOURS;
    const { followedAuthors, groupHits, boost } = boostsOf(paper, options);
    const score = round3(Math.min(1, (closest + meanOfClosest) / 2 + boost));
    const named: number[] = [];
    for (let n = 0; n < Math.min(count, 2); n += 1) {
      if (similarities[n]! >= REASON_MIN_SIMILARITY && similarities[n]! >= similarities[0]! / 2) named.push(n);
    }
    const nearest = named.map((n) => {
      const doc = docs[positions[n]!]!;
      return { ...(doc.noteName !== undefined ? { noteName: doc.noteName } : {}), title: doc.title, similarity: round3(similarities[n]!) };
    });
    return {
      item: { paper, score, nearest, sharedTerms: [], followedAuthors, groupHits },
      arxivOrder,
      neighbours: named.map((n) => positions[n]!),
    };
  });
  const sharedTermsOf = sharedTermsFinder(weights);
  return { scored, sharedTerms: (arxivOrder, nearest) => sharedTermsOf(queries[arxivOrder]!, phrases[arxivOrder]!, nearest) };
}

/**
 * Rank new papers against the library. Equal scores (at 3 decimals) keep arXiv order, so the
 * same announcement and library always give the same list.
 */
export function rankPapers(papers: readonly Paper[], library: LibraryIndex, options: RankOptions = {}): RankResult {
  const coldStart = library.size < COLD_START_MINIMUM;
  const { scored, sharedTerms } = coldStart ? { scored: keywordOrder(papers, options), sharedTerms: undefined } : rankAgainstLibrary(papers, library, options);
  scored.sort((a, b) => b.item.score - a.item.score || a.arxivOrder - b.arxivOrder);
  const kept = options.topN === undefined ? scored : scored.slice(0, Math.max(0, options.topN));
  // Shared terms are worked out only for the papers kept, and only when a library paper is named.
  const ranked = kept.map(({ item, arxivOrder, neighbours }) =>
    sharedTerms === undefined || neighbours.length === 0 ? item : { ...item, sharedTerms: sharedTerms(arxivOrder, neighbours) },
  );
  return { coldStart, librarySize: library.size, ranked };
}

/** Papers in relevance order (for ordering each group); papers not in the result keep their place at the end. */
export function orderByRelevance<T extends { id: string }>(papers: readonly T[], result: RankResult): T[] {
  const rank = new Map(result.ranked.map((item, i) => [item.paper.id, i] as const));
  const unranked = papers.length;
  return papers
    .map((paper, i) => ({ paper, key: rank.get(paper.id) ?? unranked + i }))
    .sort((a, b) => a.key - b.key)
    .map(({ paper }) => paper);
}
