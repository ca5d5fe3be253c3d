// How a term reads in a reason: the form the new paper itself uses most confidently
// ("offline RL", "self-supervised", "Bose-Einstein condensates"), not its stem.

import type { PaperPhrases, Word } from './tokenize';

/**
 * Whether a word's capitals say nothing about it: title-case or sentence-initial capitals
 * ("Diffusion" → "diffusion", confidence 0.5), while "RL", "ImageNet" and a mid-sentence
 * "Gaussian" keep theirs (confidence 1).
 */
function capitalsFollowPosition(word: Word): boolean {
  return !word.capitalsInformative && /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(word.surface);
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

const NO_KEYS: ReadonlyArray<{ key: string; words: string[] }> = [];

/** Separates words and joiners inside a vote key; never part of a word. */
const SEPARATOR = '\u0000';

/** Whether phrase[at…] holds the terms in a row. */
function startsRun(phrase: readonly Word[], at: number, terms: readonly string[]): boolean {
  if (at + terms.length > phrase.length) return false;
  for (let j = 0; j < terms.length; j += 1) if (phrase[at + j]!.term !== terms[j]) return false;
  return true;
}

const lower = (word: Word): string => word.surface.toLowerCase();

/** A run of `length` words as a vote key: word, joiner, word, … in lower case, SEPARATOR between. */
function formOf(phrase: readonly Word[], at: number, length: number): string {
  let form = lower(phrase[at]!);
  for (let j = 1; j < length; j += 1) form += `${SEPARATOR}${phrase[at + j]!.joiner}${SEPARATOR}${lower(phrase[at + j]!)}`;
  return form;
}

/**
 * Term key (a stem, or two or three stems joined by spaces) → how the paper writes it, for the
 * `wanted` keys it contains. The words and separators are the paper's most frequent ones for
 * that key ("diffusion policies", "self-supervised"); each word's capitals are its most
 * confident anywhere in the paper ("Spitzer" seen mid-sentence beats the title's guess).
 */
export function surfaceForms(paper: PaperPhrases, wanted: ReadonlySet<string>): Map<string, string> {
  // Each wanted key by its first word, so a run of words is compared only with keys it could be.
  const keysByFirstWord = new Map<string, Array<{ key: string; words: string[] }>>();
  const wantedWords = new Set<string>();
  for (const key of wanted) {
    const words = key.split(' ');
    for (const word of words) wantedWords.add(word);
    const sameStart = keysByFirstWord.get(words[0]!) ?? [];
    sameStart.push({ key, words });
    keysByFirstWord.set(words[0]!, sameStart);
  }
  const caseVotes = new Map<string, Map<string, number>>();
  const formVotes = new Map<string, Map<string, number>>();
  for (const phrases of [paper.title, paper.abstract]) {
    for (const phrase of phrases) {
      for (let i = 0; i < phrase.length; i += 1) {
        const word = phrase[i]!;
        if (!wantedWords.has(word.term)) continue;
        const lowerCase = lower(word);
        const uninformative = capitalsFollowPosition(word);
        addVote(caseVotes, lowerCase, uninformative ? lowerCase : word.surface, uninformative ? 0.5 : 1);
        for (const { key, words } of keysByFirstWord.get(word.term) ?? NO_KEYS) {
          if (startsRun(phrase, i, words)) addVote(formVotes, key, formOf(phrase, i, words.length), 1);
        }
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
