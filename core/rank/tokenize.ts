// Title and abstract → the terms the ranker compares: stemmed content words plus adjacent
// word pairs ("diffusion policy"). How a term is shown to a person is ./surface-forms.ts.

import { isStopWord } from './stop-words';
import { stem } from './stem';
import { proseOf } from './tex-text';
import { charAt, isSpace, LETTER, NOT_WORD } from './word-chars';

/** Title words count this many times: a title is a summary its authors chose. */
export const TITLE_WEIGHT = 2;

/** One content word as it stood in the text. */
export interface Word {
  /** Lower-case, accents removed, stemmed: what comparisons use. */
  term: string;
  /** The word exactly as written. */
  surface: string;
  /** False in a title or at a sentence start, where capitals follow the position, not the word. */
  capitalsInformative: boolean;
  /** What joined it to the previous word in its phrase: " " or a hyphen; "" for the first. */
  joiner: string;
}

/**
 * Word as written → its term, or null for a stop word; remembered, because a day of abstracts
 * repeats the same few thousand words, and a word looked up as written needs no lower-casing.
 */
const termByWord = new Map<string, string | null>();
const TERM_CACHE_LIMIT = 100_000;

/**
 * The term of a content word as written; undefined for a stop word, a number or a one-letter
 * word. `hasLetter`: whether the word holds a letter at all.
 */
function contentTermOf(surface: string, hasLetter: boolean): string | undefined {
  if (surface.length < 2 || !hasLetter) return undefined;
  let term = termByWord.get(surface);
  if (term === undefined) {
    const lower = surface.toLowerCase();
    const folded = /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
    term = isStopWord(lower) ? null : stem(folded);
    if (termByWord.size >= TERM_CACHE_LIMIT) termByWord.clear();
    termByWord.set(surface, term);
  }
  return term ?? undefined;
}

/** What may join two words into a pair: white space, or one hyphen. Index 0: nothing may. */
const JOINERS = ['', ' ', '-', '\u2010', '\u2011', '\u2013'];
const SPACE_JOINS = 1;

/**
 * What stands in text[from, to), between two words, packed so that reading it allocates
 * nothing: JOINERS index × 2, plus 1 when a sentence ends there. White space alone joins with
 * " "; one hyphen, spaces around it allowed, joins with itself; anything else breaks the phrase.
 */
function gapBetween(text: string, from: number, to: number): number {
  if (to === from + 1 && text.charCodeAt(from) === 32) return SPACE_JOINS * 2;
  let sentenceEnd = 0;
  let first = -1;
  let last = -1;
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 46 || code === 33 || code === 63) sentenceEnd = 1;
    if (isSpace(code)) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return SPACE_JOINS * 2 + sentenceEnd;
  const hyphen = first === last ? JOINERS.indexOf(text[first]!, 2) : -1;
  return Math.max(0, hyphen) * 2 + sentenceEnd;
}

/**
 * Split text into phrases of content words. A phrase ends at punctuation, removed math, a stop
 * word, a number or a one-letter word, so pairs are only formed between words a reader sees
 * side by side. `inTitle` marks text whose capitals follow title case. A word is a run of
 * letters, marks and numbers (\p{L}\p{M}\p{N}).
 */
export function phrasesOf(text: string, inTitle = false): Word[][] {
  const prose = proseOf(text)
    .replace(/['\u2019]s\b/gu, '')
    .replace(/(\p{L})['\u2019](\p{L})/gu, '$1$2');
  const phrases: Word[][] = [];
  let phrase: Word[] = [];
  let previousEnd = 0;
  let sentenceStart = true;
  let position = 0;
  while (position < prose.length) {
    const first = charAt(prose, position);
    if (first >> 2 === NOT_WORD) {
      position += first & 3;
      continue;
    }
    const start = position;
    let hasLetter = false;
    while (position < prose.length) {
      const char = charAt(prose, position);
      if (char >> 2 === NOT_WORD) break;
      if (char >> 2 === LETTER) hasLetter = true;
      position += char & 3;
    }
    const gap = gapBetween(prose, previousEnd, start);
    const joiner = JOINERS[gap >> 1]!;
    previousEnd = position;
    if (gap & 1) sentenceStart = true;
    if (joiner === '' && phrase.length > 0) {
      phrases.push(phrase);
      phrase = [];
    }
    // A one-letter word or a number is never a content word: no need to copy it out.
    const surface = position - start > 1 && hasLetter ? prose.slice(start, position) : '';
    const term = contentTermOf(surface, hasLetter);
    if (term === undefined) {
      if (phrase.length > 0) phrases.push(phrase);
      phrase = [];
      sentenceStart = false;
      continue;
    }
    phrase.push({ term, surface, capitalsInformative: !inTitle && !sentenceStart, joiner: phrase.length === 0 ? '' : joiner });
    sentenceStart = false;
  }
  if (phrase.length > 0) phrases.push(phrase);
  return phrases;
}

/** The bigram key of two adjacent words: their stems joined by one space. */
export function bigramKey(first: string, second: string): string {
  return `${first} ${second}`;
}

/** A paper's title and abstract split into phrases once, for counting and for showing terms. */
export interface PaperPhrases {
  title: Word[][];
  abstract: Word[][];
}

export function phrasesOfPaper(title: string, abstract: string): PaperPhrases {
  return { title: phrasesOf(title, true), abstract: phrasesOf(abstract) };
}

/** Unigram stems and "stem stem" bigrams → occurrences, title words counting TITLE_WEIGHT times. */
export function countTerms(paper: PaperPhrases): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (phrases: Word[][], weight: number): void => {
    for (const phrase of phrases) {
      for (let i = 0; i < phrase.length; i += 1) {
        const term = phrase[i]!.term;
        counts.set(term, (counts.get(term) ?? 0) + weight);
        const next = phrase[i + 1];
        if (next && next.term !== term) {
          const pair = bigramKey(term, next.term);
          counts.set(pair, (counts.get(pair) ?? 0) + weight);
        }
      }
    }
  };
  add(paper.title, TITLE_WEIGHT);
  add(paper.abstract, 1);
  return counts;
}
