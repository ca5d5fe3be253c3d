// Title and abstract → the terms the ranker compares: stemmed content words plus adjacent
// word pairs ("diffusion policy"). How a term is shown to a person is ./surface-forms.ts.

import { isStopWord } from './stop-words';
import { stem } from './stem';
import { proseOf } from './tex-text';

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

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const HYPHENS = /^[-\u2010\u2011\u2013]$/;
const SENTENCE_END = /[.!?]/;

/** Lower-case word → term, remembered: a day of abstracts repeats the same few thousand words. */
const termCache = new Map<string, string>();
const TERM_CACHE_LIMIT = 100_000;

function termOf(lowerCase: string): string {
  let term = termCache.get(lowerCase);
  if (term === undefined) {
    const folded = /^[\x00-\x7f]*$/.test(lowerCase) ? lowerCase : lowerCase.normalize('NFD').replace(/\p{M}/gu, '');
    term = stem(folded);
    if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
    termCache.set(lowerCase, term);
  }
  return term;
}

/**
 * Split text into phrases of content words. A phrase ends at punctuation, removed math, a stop
 * word, a number or a one-letter word, so pairs are only formed between words a reader sees
 * side by side. `inTitle` marks text whose capitals follow title case.
 */
export function phrasesOf(text: string, inTitle = false): Word[][] {
  const prose = proseOf(text)
    .replace(/['\u2019]s\b/gu, '')
    .replace(/(\p{L})['\u2019](\p{L})/gu, '$1$2');
  const phrases: Word[][] = [];
  let phrase: Word[] = [];
  let previousEnd = 0;
  let sentenceStart = true;
  for (const match of prose.matchAll(WORD)) {
    const surface = match[0];
    // Most words are one space apart; only other gaps need looking at.
    const gap = match.index === previousEnd + 1 && prose[previousEnd] === ' ' ? '' : prose.slice(previousEnd, match.index).trim();
    previousEnd = match.index + surface.length;
    if (SENTENCE_END.test(gap)) sentenceStart = true;
    const joinable = gap === '' || HYPHENS.test(gap);
    if (!joinable && phrase.length > 0) {
      phrases.push(phrase);
      phrase = [];
    }
    const lower = surface.toLowerCase();
    const isContent = surface.length > 1 && /\p{L}/u.test(surface) && !isStopWord(lower);
    if (!isContent) {
      if (phrase.length > 0) phrases.push(phrase);
      phrase = [];
      sentenceStart = false;
      continue;
    }
    phrase.push({ term: termOf(lower), surface, capitalsInformative: !inTitle && !sentenceStart, joiner: phrase.length === 0 ? '' : gap || ' ' });
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
