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

function countIn(termIds: Int32Array, counts: Uint16Array, termId: number): number {
  let low = 0;
  let high = termIds.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = termIds[middle]!;
    if (found === termId) return counts[middle]!;
    if (found < termId) low = middle + 1;
    else high = middle - 1;
  }
  return 0;
}

/** Up to three phrases the paper shares with the library papers at `nearest` (positions). */
export function sharedTermsOf(query: Query, paper: PaperPhrases, nearest: readonly number[], weights: TermWeights): string[] {
  const candidates: Array<{ term: string; strength: number; order: number }> = [];
  for (let i = 0; i < query.terms.length; i += 1) {
    const t = query.termIds[i]!;
    if (t < 0) continue;
    let libraryWeight = 0;
    for (const position of nearest) {
      const doc = weights.postings.docs[position]!;
      const inDoc = countIn(doc.termIds, doc.counts, t);
      if (inDoc > 0) libraryWeight += ((1 + Math.log(inDoc)) * weights.idfByTerm[t]!) / weights.norms[position]!;
    }
    if (libraryWeight === 0) continue;
    const term = query.terms[i]!;
    const contribution = query.weights[i]! * libraryWeight;
    candidates.push({ term, strength: contribution * (term.includes(' ') ? PAIR_PREFERENCE : 1), order: i });
  }
  candidates.sort((a, b) => b.strength - a.strength || a.order - b.order);
  const floor = (candidates[0]?.strength ?? 0) * MIN_SHARE_OF_STRONGEST;

  const chosen: string[][] = [];
  for (const candidate of candidates) {
    if (chosen.length === MAX_SHARED_TERMS || candidate.strength < floor) break;
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
