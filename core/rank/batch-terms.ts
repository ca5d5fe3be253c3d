// Today's papers as term ids: every distinct term of the batch numbered once and looked up in
// the library once, each paper a list of (term id, occurrences). Counting goes through numbers,
// not a Map of "stem stem" strings per paper: a day of 1,500 abstracts would build a quarter of a
// million such strings only to look most of them up again.

import type { LibraryIndex } from './library';
import { bigramKey, TITLE_WEIGHT, type PaperPhrases, type Word } from './tokenize';

/** The new papers' terms, each looked up in the library once for the whole batch. */
export interface BatchTerms {
  /** Every distinct term of the batch, by batch id. */
  vocabulary: string[];
  /** Library term id of each batch term, -1 when the library lacks it. */
  libraryIds: Int32Array;
  /** Number of batch papers using each batch term. */
  frequency: Int32Array;
  /** Per paper: its batch term ids and weighted occurrences, in the order countTerms gives them. */
  papers: Array<{ ids: Int32Array; counts: Float64Array }>;
  /** Paper i's terms are entries starts[i] .. starts[i + 1] - 1 of all the papers' terms in a row. */
  starts: Int32Array;
}

/**
 * A bigram's numeric key from its two words' batch ids. Exact while the batch has fewer than
 * 2^26 distinct terms, far beyond what fits in memory as text.
 */
const PAIR_KEY_BASE = 2 ** 26;

/** The terms of each paper, with the counts and order countTerms would give (see tokenize.ts). */
export function batchTermsOf(library: LibraryIndex, batch: readonly PaperPhrases[]): BatchTerms {
  const idByWord = new Map<string, number>();
  const idByPair = new Map<number, number>();
  const vocabulary: string[] = [];
  const frequency: number[] = [];
  // Where each term sits in the current paper's list, valid when seenIn says it is that paper.
  const seenIn: number[] = [];
  const slotOf: number[] = [];

  const newTerm = (text: string): number => {
    const id = vocabulary.length;
    vocabulary.push(text);
    frequency.push(0);
    seenIn.push(-1);
    slotOf.push(0);
    return id;
  };
  const wordId = (word: Word): number => {
    let id = idByWord.get(word.term);
    if (id === undefined) {
      id = newTerm(word.term);
      idByWord.set(word.term, id);
    }
    return id;
  };
  const pairId = (first: number, second: number): number => {
    const key = first * PAIR_KEY_BASE + second;
    let id = idByPair.get(key);
    if (id === undefined) {
      id = newTerm(bigramKey(vocabulary[first]!, vocabulary[second]!));
      idByPair.set(key, id);
    }
    return id;
  };

  // Every paper's terms one after the other, so a batch makes a few buffers, not two per paper.
  let ids = new Int32Array(65_536);
  let counts = new Float64Array(65_536);
  let size = 0;
  const starts = new Int32Array(batch.length + 1);
  const add = (paper: number, id: number, weight: number): void => {
    if (seenIn[id] === paper) {
      counts[slotOf[id]!]! += weight;
      return;
    }
    if (size === ids.length) {
      ids = grown(ids, new Int32Array(size * 2));
      counts = grown(counts, new Float64Array(size * 2));
    }
    seenIn[id] = paper;
    slotOf[id] = size;
    ids[size] = id;
    counts[size] = weight;
    size += 1;
    frequency[id]! += 1;
  };
  const addPhrases = (paper: number, list: Word[][], weight: number): void => {
    for (const phrase of list) {
      let id = phrase.length > 0 ? wordId(phrase[0]!) : -1;
      for (let i = 0; i < phrase.length; i += 1) {
        add(paper, id, weight);
        const next = phrase[i + 1];
        if (!next) break;
        const nextId = wordId(next);
        if (nextId !== id) add(paper, pairId(id, nextId), weight);
        id = nextId;
      }
    }
  };
  batch.forEach((phrases, paper) => {
    addPhrases(paper, phrases.title, TITLE_WEIGHT);
    addPhrases(paper, phrases.abstract, 1);
    starts[paper + 1] = size;
  });
  const papers = Array.from({ length: batch.length }, (_, paper) => ({
    ids: ids.subarray(starts[paper], starts[paper + 1]),
    counts: counts.subarray(starts[paper], starts[paper + 1]),
  }));
  const libraryIds = Int32Array.from(vocabulary, (term) => library.termId(term) ?? -1);
  return { vocabulary, libraryIds, frequency: Int32Array.from(frequency), papers, starts };
}

function grown<T extends Int32Array | Float64Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
