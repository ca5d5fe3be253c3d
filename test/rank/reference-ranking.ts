// The ranking rules restated the plain way, one library paper at a time, with Maps of term
// strings and regular expressions: slow, but easy to check against the comments in core/rank.
// The tests compare the fast ranker (postings, typed arrays, a hand-written word scanner) with
// it on real arXiv text, so a restructuring that changes an order, a score or a reason fails.

import type { Paper } from '../../core/arxiv/paper';
import { followedAuthorsOf } from '../../core/select/authors';
import { idOf, type LibraryItem } from '../../core/rank/library';
import { COLD_START_MINIMUM, FOLLOWED_AUTHOR_BOOST, GROUP_BOOST, MAX_BOOSTED_GROUPS, type RankOptions } from '../../core/rank/score';
import { idf } from '../../core/rank/similarity';
import { stem } from '../../core/rank/stem';
import { isStopWord } from '../../core/rank/stop-words';
import { proseOf } from '../../core/rank/tex-text';
import type { PaperPhrases, Word } from '../../core/rank/tokenize';

const TITLE_WEIGHT = 2;
const NEIGHBOURS = 3;
const REASON_MIN_SIMILARITY = 0.08;
const HALF_LIFE_DAYS = 180;
const DAY_MS = 86_400_000;

/** Words are runs of letters, marks and numbers; white space or one hyphen joins two into a pair. */
export function referencePhrases(text: string, inTitle = false): Word[][] {
  const prose = proseOf(text)
    .replace(/['\u2019]s\b/gu, '')
    .replace(/(\p{L})['\u2019](\p{L})/gu, '$1$2');
  const phrases: Word[][] = [];
  let phrase: Word[] = [];
  let previousEnd = 0;
  let sentenceStart = true;
  for (const match of prose.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const surface = match[0];
    const gap = prose.slice(previousEnd, match.index).trim();
    previousEnd = match.index + surface.length;
    if (/[.!?]/.test(gap)) sentenceStart = true;
    if (!(gap === '' || /^[-\u2010\u2011\u2013]$/.test(gap)) && phrase.length > 0) {
      phrases.push(phrase);
      phrase = [];
    }
    const lower = surface.toLowerCase();
    if (surface.length < 2 || !/\p{L}/u.test(surface) || isStopWord(lower)) {
      if (phrase.length > 0) phrases.push(phrase);
      phrase = [];
      sentenceStart = false;
      continue;
    }
    const folded = lower.normalize('NFD').replace(/\p{M}/gu, '');
    phrase.push({ term: stem(folded), surface, capitalsInformative: !inTitle && !sentenceStart, joiner: phrase.length === 0 ? '' : gap || ' ' });
    sentenceStart = false;
  }
  if (phrase.length > 0) phrases.push(phrase);
  return phrases;
}

function referencePaperPhrases(title: string, abstract: string): PaperPhrases {
  return { title: referencePhrases(title, true), abstract: referencePhrases(abstract) };
}

/** Stems and "stem stem" pairs → occurrences, in first-seen order; title words count twice. */
function termCounts(paper: PaperPhrases): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string, weight: number): void => {
    counts.set(term, (counts.get(term) ?? 0) + weight);
  };
  for (const [phrases, weight] of [
    [paper.title, TITLE_WEIGHT],
    [paper.abstract, 1],
  ] as const) {
    for (const phrase of phrases) {
      phrase.forEach((word, i) => {
        add(word.term, weight);
        const next = phrase[i + 1];
        if (next && next.term !== word.term) add(`${word.term} ${next.term}`, weight);
      });
    }
  }
  return counts;
}

interface ReferenceDoc {
  id: string;
  title: string;
  noteName?: string;
  addedAt?: number;
  counts: Map<string, number>;
  /** Term → its weight in the paper's unit vector, kept as the index keeps it (32-bit float). */
  unit: Map<string, number>;
  norm: number;
}

export interface ReferenceRanked {
  id: string;
  score: number;
  nearest: Array<{ noteName?: string; title: string; similarity: number }>;
  sharedTerms: string[];
  followedAuthors: string[];
  groupHits: number;
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;
const sublinear = (count: number): number => 1 + Math.log(count);

/** rankPapers, restated: every new paper against every library paper. */
export function referenceRanking(papers: readonly Paper[], items: readonly LibraryItem[], options: RankOptions = {}): ReferenceRanked[] {
  const byId = new Map(items.map((item) => [idOf(item), item] as const));
  const newPhrases = papers.map((paper) => referencePaperPhrases(paper.title, paper.abstract));
  const newCounts = newPhrases.map(termCounts);
  const docs: ReferenceDoc[] = [...byId]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, item]) => ({
      id,
      title: item.title,
      ...(item.noteName !== undefined ? { noteName: item.noteName } : {}),
      ...(item.addedAt !== undefined ? { addedAt: item.addedAt } : {}),
      // The index stores a count in 16 bits.
      counts: new Map([...termCounts(referencePaperPhrases(item.title, item.abstract))].map(([term, count]) => [term, Math.min(count, 0xffff)] as const)),
      unit: new Map(),
      norm: 0,
    }));
  const inLibrary = new Map<string, number>();
  for (const doc of docs) for (const term of doc.counts.keys()) inLibrary.set(term, (inLibrary.get(term) ?? 0) + 1);
  const inBatch = new Map<string, number>();
  for (const counts of newCounts) for (const term of counts.keys()) inBatch.set(term, (inBatch.get(term) ?? 0) + 1);
  const totalDocs = docs.length + papers.length;
  const idfOf = (term: string): number => idf(totalDocs, (inLibrary.get(term) ?? 0) + (inBatch.get(term) ?? 0));

  for (const doc of docs) {
    const weights = [...doc.counts].map(([term, count]) => [term, Math.fround(sublinear(count)) * idfOf(term)] as const);
    doc.norm = Math.sqrt(weights.reduce((sum, [, w]) => sum + w * w, 0));
    for (const [term, w] of weights) if (w > 0) doc.unit.set(term, Math.fround(w / doc.norm));
  }
  const now = options.now ?? docs.reduce((newest, doc) => Math.max(newest, doc.addedAt ?? 0), 0);
  const halfLife = (options.halfLifeDays ?? HALF_LIFE_DAYS) * DAY_MS;
  const recency = (doc: ReferenceDoc): number => (doc.addedAt === undefined ? 1 : 0.5 + 0.5 * 0.5 ** (Math.max(0, now - doc.addedAt) / halfLife));

  const ranked = papers.map((paper, arxivOrder) => {
    const followedAuthors = followedAuthorsOf(paper.authors, options.followedAuthors ?? []);
    const groupHits = options.groupHits?.get(paper.id) ?? 0;
    const boost = (followedAuthors.length > 0 ? FOLLOWED_AUTHOR_BOOST : 0) + GROUP_BOOST * Math.min(groupHits, MAX_BOOSTED_GROUPS);
    if (docs.length < COLD_START_MINIMUM) {
      return { arxivOrder, item: { id: paper.id, score: round3(boost), nearest: [], sharedTerms: [], followedAuthors, groupHits } };
    }
    const query = [...newCounts[arxivOrder]!].map(([term, count]) => ({ term, weight: sublinear(count) * idfOf(term) }));
    const queryNorm = Math.sqrt(query.reduce((sum, q) => sum + q.weight * q.weight, 0));
    const inUnits = queryNorm === 0 ? [] : query.map((q) => ({ term: q.term, weight: q.weight / queryNorm }));
    const closest: Array<{ doc: ReferenceDoc; similarity: number; weighted: number }> = [];
    for (const doc of docs) {
      if (doc.id === paper.id) continue;
      let similarity = 0;
      for (const q of inUnits) similarity += q.weight * (doc.unit.get(q.term) ?? 0);
      if (similarity > 0) closest.push({ doc, similarity, weighted: similarity * recency(doc) });
    }
    // Stable sort: equal weights keep library (id) order.
    const neighbours = closest.sort((a, b) => b.weighted - a.weighted).slice(0, NEIGHBOURS);
    const best = neighbours[0]?.weighted ?? 0;
    const mean = neighbours.reduce((sum, n) => sum + n.weighted, 0) / NEIGHBOURS;
    const named = neighbours.slice(0, 2).filter((n) => n.similarity >= REASON_MIN_SIMILARITY && n.similarity >= neighbours[0]!.similarity / 2);
    return {
      arxivOrder,
      item: {
        id: paper.id,
        score: round3(Math.min(1, (best + mean) / 2 + boost)),
        nearest: named.map(({ doc, similarity }) => ({
          ...(doc.noteName !== undefined ? { noteName: doc.noteName } : {}),
          title: doc.title,
          similarity: round3(similarity),
        })),
        sharedTerms:
          named.length === 0
            ? []
            : sharedTerms(
                inUnits,
                named.map((n) => n.doc),
                newPhrases[arxivOrder]!,
                idfOf,
              ),
        followedAuthors,
        groupHits,
      },
    };
  });
  ranked.sort((a, b) => b.item.score - a.item.score || a.arxivOrder - b.arxivOrder);
  return ranked.slice(0, options.topN ?? ranked.length).map((r) => r.item);
}

/** The strongest shared terms (pairs count double), grown into runs of three, as the paper writes them. */
function sharedTerms(query: Array<{ term: string; weight: number }>, nearest: ReferenceDoc[], paper: PaperPhrases, idfOf: (term: string) => number): string[] {
  const candidates = query.flatMap(({ term, weight }, order) => {
    if (idfOf(term) === 0) return [];
    const libraryWeight = nearest.reduce((sum, doc) => {
      const count = doc.counts.get(term);
      return count === undefined ? sum : sum + (sublinear(count) * idfOf(term)) / doc.norm;
    }, 0);
    return libraryWeight === 0 ? [] : [{ term, strength: weight * libraryWeight * (term.includes(' ') ? 2 : 1), order }];
  });
  candidates.sort((a, b) => b.strength - a.strength || a.order - b.order);
  const floor = (candidates[0]?.strength ?? 0) / 4;
  const chosen: string[][] = [];
  for (const { term, strength } of candidates) {
    if (chosen.length === 3 || strength < floor) break;
    const words = term.split(' ');
    // A pair that continues a chosen pair, three words in a row in the paper, grows it.
    const joinedTo = (c: string[]): string[] => (c[1] === words[0] ? [c[0]!, ...words] : c[0] === words[1] ? [words[0]!, ...c] : []);
    const grown = words.length === 2 ? chosen.findIndex((c) => c.length === 2 && joinedTo(c).length === 3 && hasRun(paper, joinedTo(c))) : -1;
    if (grown >= 0) {
      chosen[grown] = joinedTo(chosen[grown]!);
      continue;
    }
    if (!chosen.some((c) => words.some((w) => c.includes(w)) && (c.length === 1 || words.length === 1))) chosen.push(words);
  }
  const kept = chosen.filter((words, i) => !chosen.some((other, j) => j !== i && other.length > words.length && words.every((w) => other.includes(w))));
  return kept.map((words) => surfaceOf(paper, words));
}

function hasRun(paper: PaperPhrases, terms: string[]): boolean {
  return [...paper.title, ...paper.abstract].some((phrase) => phrase.some((_, i) => terms.every((term, j) => phrase[i + j]?.term === term)));
}

/** The paper's most frequent way of writing the run of terms, each word in its most confident capitals. */
function surfaceOf(paper: PaperPhrases, terms: string[]): string {
  const words = [...paper.title, ...paper.abstract].flat();
  const mostVoted = (votes: Map<string, number>): string => [...votes].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
  const forms = new Map<string, number>();
  for (const phrase of [...paper.title, ...paper.abstract]) {
    phrase.forEach((_, i) => {
      const run = phrase.slice(i, i + terms.length);
      if (run.length === terms.length && run.every((word, j) => word.term === terms[j])) {
        const form = JSON.stringify(run.map((word, j) => [j === 0 ? '' : word.joiner, word.surface.toLowerCase()]));
        forms.set(form, (forms.get(form) ?? 0) + 1);
      }
    });
  }
  if (forms.size === 0) return terms.join(' ');
  const parts = JSON.parse(mostVoted(forms)) as Array<[string, string]>;
  return parts
    .map(([joiner, lower]) => {
      const casings = new Map<string, number>();
      for (const word of words.filter((w) => w.surface.toLowerCase() === lower)) {
        const uninformative = !word.capitalsInformative && /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(word.surface);
        const display = uninformative ? lower : word.surface;
        casings.set(display, (casings.get(display) ?? 0) + (uninformative ? 0.5 : 1));
      }
      return `${joiner}${mostVoted(casings)}`;
    })
    .join('');
}
