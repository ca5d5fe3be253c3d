// How a term reads in a reason: the form the new paper itself uses most confidently
// ("offline RL", "self-supervised", "Bose-Einstein condensates"), not its stem.

import type { PaperPhrases, Word } from './tokenize';

/**
 * How to show a word, and how sure that is: title-case or sentence-initial capitals say
 * nothing ("Diffusion" → "diffusion", 0.5), while "RL", "ImageNet" and a mid-sentence
 * "Gaussian" keep theirs (1).
 */
function displayOf(word: Word): { display: string; confidence: number } {
  if (!word.capitalsInformative && /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(word.surface)) return { display: word.surface.toLowerCase(), confidence: 0.5 };
  return { display: word.surface, confidence: 1 };
}

/** Whether the paper has the three stems a, b, c side by side in one phrase. */
export function hasRunOfThree(paper: PaperPhrases, a: string, b: string, c: string): boolean {
  for (const phrases of [paper.title, paper.abstract]) {
    for (const phrase of phrases) {
      for (let i = 0; i + 2 < phrase.length; i += 1) {
        if (phrase[i]!.term === a && phrase[i + 1]!.term === b && phrase[i + 2]!.term === c) return true;
      }
    }
  }
  return false;
}

/** The entry with the most votes; Map order is first-seen order, so a tie goes to the earliest. */
function mostVoted(votes: ReadonlyMap<string, number>): string {
  let best = '';
  let bestVotes = -1;
  for (const [candidate, count] of votes) {
    if (count > bestVotes) {
      best = candidate;
      bestVotes = count;
    }
  }
  return best;
}

function addVote(votes: Map<string, Map<string, number>>, key: string, candidate: string, weight: number): void {
  const forKey = votes.get(key) ?? new Map<string, number>();
  forKey.set(candidate, (forKey.get(candidate) ?? 0) + weight);
  votes.set(key, forKey);
}

/** Separates words and joiners inside a vote key; never part of a word. */
const SEPARATOR = '\u0000';

/**
 * Term key (a stem, or two or three stems joined by spaces) → how the paper writes it, for the
 * `wanted` keys it contains. The words and separators are the paper's most frequent ones for
 * that key ("diffusion policies", "self-supervised"); each word's capitals are its most
 * confident anywhere in the paper ("Spitzer" seen mid-sentence beats the title's guess).
 */
export function surfaceForms(paper: PaperPhrases, wanted: ReadonlySet<string>): Map<string, string> {
  const wantedWords = new Set([...wanted].flatMap((key) => key.split(' ')));
  const caseVotes = new Map<string, Map<string, number>>();
  const formVotes = new Map<string, Map<string, number>>();
  for (const phrase of [...paper.title, ...paper.abstract]) {
    for (let i = 0; i < phrase.length; i += 1) {
      const word = phrase[i]!;
      if (!wantedWords.has(word.term)) continue;
      const { display, confidence } = displayOf(word);
      addVote(caseVotes, word.surface.toLowerCase(), display, confidence);
      for (let length = 1; length <= 3 && i + length <= phrase.length; length += 1) {
        const run = phrase.slice(i, i + length);
        const key = run.map((w) => w.term).join(' ');
        if (!wanted.has(key)) continue;
        const form = run.map((w, j) => (j === 0 ? w.surface.toLowerCase() : `${w.joiner}${SEPARATOR}${w.surface.toLowerCase()}`));
        addVote(formVotes, key, form.join(SEPARATOR), 1);
      }
    }
  }
  const surfaces = new Map<string, string>();
  for (const [key, forms] of formVotes) {
    const parts = mostVoted(forms).split(SEPARATOR);
    // Parts alternate word, joiner, word, ...; words take their best-cased form.
    surfaces.set(key, parts.map((part, i) => (i % 2 === 0 ? mostVoted(caseVotes.get(part)!) : part)).join(''));
  }
  return surfaces;
}
