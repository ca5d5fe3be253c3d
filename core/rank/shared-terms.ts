// The "shares *diffusion policy*, *offline RL*" half of a reason: the terms that add the most
// to a new paper's similarity with its nearest library papers, shown as the paper writes them.

import type { Query, TermWeights } from './similarity';
import { hasRunOfThree, surfaceForms } from './surface-forms';
import type { PaperPhrases } from './tokenize';

const MAX_SHARED_TERMS = 3;
/** A phrase reads better than a lone word, so a pair of words competes at this multiple. */
const PAIR_PREFERENCE = 2;
/** A term weaker than this share of the strongest adds noise ("high", "results"), not a reason. */
const MIN_SHARE_OF_STRONGEST = 0.25;

interface Candidate {
  term: string;
  strength: number;
  /** The term's place in the paper: the earlier wins a tie. */
  order: number;
}

/** Up to three phrases a new paper shares with the library papers at `nearest` (positions). */
export type SharedTermsOf = (query: Query, paper: PaperPhrases, nearest: readonly number[]) => string[];

/**
 * The shared-terms finder for one batch. It keeps one slot per library term where the nearest
 * papers' weights are added up, filled and emptied again for each new paper, so looking a term
 * up in them costs one read.
 */
export function sharedTermsFinder(weights: TermWeights): SharedTermsOf {
  const { docs } = weights.postings;
  const { idfByTerm, norms } = weights;
  const libraryWeight = new Float64Array(idfByTerm.length);
  return (query, paper, nearest) => {
    // Summed over the nearest papers in their order, starting from 0, as a term-by-term sum would.
    for (const position of nearest) {
      const doc = docs[position]!;
      for (let i = 0; i < doc.termIds.length; i += 1) {
        const t = doc.termIds[i]!;
        libraryWeight[t]! += ((1 + Math.log(doc.counts[i]!)) * idfByTerm[t]!) / norms[position]!;
      }
    }
    const candidates = strongestCandidates(query, weights.batch.vocabulary, libraryWeight);
    for (const position of nearest) for (const t of docs[position]!.termIds) libraryWeight[t] = 0;
    return chosenTerms(candidates, paper);
  };
}

/**
 * The paper's terms that the nearest papers share, strongest first, down to the weakest still
 * worth naming (MIN_SHARE_OF_STRONGEST of the strongest).
 */
function strongestCandidates(query: Query, vocabulary: readonly string[], libraryWeight: Float64Array): Candidate[] {
  const candidates: Candidate[] = [];
  let strongest = 0;
  for (let i = 0; i < query.termIds.length; i += 1) {
    const t = query.termIds[i]!;
    if (t < 0) continue;
    const weight = libraryWeight[t]!;
    if (weight === 0) continue;
    const term = vocabulary[query.batchIds[i]!]!;
    const contribution = query.weights[i]! * weight;
    const strength = contribution * (term.includes(' ') ? PAIR_PREFERENCE : 1);
    candidates.push({ term, strength, order: i });
    if (strength > strongest) strongest = strength;
  }
  const floor = strongest * MIN_SHARE_OF_STRONGEST;
  return candidates.filter((candidate) => candidate.strength >= floor).sort((a, b) => b.strength - a.strength || a.order - b.order);
}

function chosenTerms(candidates: readonly Candidate[], paper: PaperPhrases): string[] {
  const chosen: string[][] = [];
  for (const candidate of candidates) {
    if (chosen.length === MAX_SHARED_TERMS) break;
    const words = candidate.term.split(' ');
    if (joinedToChosenPair(words, chosen, paper)) continue;
    // "diffusion" next to "diffusion policy" says nothing new.
    const overlaps = chosen.some((c) => words.some((w) => c.includes(w)) && (c.length === 1 || words.length === 1));
    if (!overlaps) chosen.push(words);
  }
  // A pair that grew into a longer phrase may now hold a word chosen on its own before it.
  const kept = chosen.filter((words, i) => !chosen.some((other, j) => j !== i && other.length > words.length && words.every((w) => other.includes(w))));
  const keys = kept.map((words) => words.join(' '));
  const surfaces = surfaceForms(paper, new Set(keys));
  return keys.map((key) => surfaces.get(key) ?? key);
}

/**
 * "Bose-Einstein" and "Einstein condensates" read best as "Bose-Einstein condensates": when a
 * pair continues a chosen pair and the paper has the three words in a row, the chosen pair grows.
 */
function joinedToChosenPair(pair: string[], chosen: string[][], paper: PaperPhrases): boolean {
  if (pair.length !== 2) return false;
  for (const [i, words] of chosen.entries()) {
    if (words.length !== 2) continue;
    const joined = words[1] === pair[0] ? [words[0]!, ...pair] : words[0] === pair[1] ? [pair[0]!, ...words] : undefined;
    if (joined && hasRunOfThree(paper, joined[0]!, joined[1]!, joined[2]!)) {
      chosen[i] = joined;
      return true;
    }
  }
  return false;
}
