// Citekeys in the form people expect from reference managers: family name, year, first
// significant title word (feng2026micro), lower-case ASCII, unique within the vault.

import type { Paper } from '../arxiv/paper';
import { texToPlain } from '../text/tex-tokens';
import { asciiKey, familyName } from './names';

// Words that say nothing about a paper, skipped when choosing the title word.
const STOP_WORDS = new Set(
  (
    'a an the on of in into onto for from to towards toward with without via by at as and or but nor ' +
    'is are was were be been being do does did can could should would will shall may might must ' +
    'how what why when where which who whom whose we our us you your it its this that these those ' +
    'i me my am he him his she her they them their there here ' +
    'using use beyond through about over under between among than not no new revisiting rethinking'
  ).split(' '),
);

/** The citekeys already in use, compared in lower case. */
export interface TakenCitekeys {
  has(key: string): boolean;
  /**
   * Every key in use that starts with `prefix` (lower case), in lower case, where one search
   * finds them all: a common key (wang2026learning) may have dozens of suffixed twins, each
   * otherwise a search of its own.
   */
  startingWith?(prefix: string): Iterable<string>;
}

/**
 * `{family}{year}{word}`, with a, b, … z, aa, ab, … appended while the key is in `taken`
 * (compared in lower case). Callers keep a note's existing citekey: keys are stable once written.
 */
export function makeCitekey(paper: Paper, taken: TakenCitekeys): string {
  const base = `${authorWord(paper)}${paperYear(paper)}${titleWord(paper.title)}`;
  if (!taken.has(base)) return base;
  const twins = taken.startingWith ? new Set(taken.startingWith(base)) : undefined;
  for (let n = 0; ; n += 1) {
    const key = base + letterSuffix(n);
    // The key the twins leave free is still asked about once, so `has` keeps the last word.
    if (twins?.has(key)) continue;
    if (!taken.has(key)) return key;
  }
}

/** The year of the first version: `published`, else the YYMM in the identifier. */
export function paperYear(paper: Paper): string {
  const published = /^(\d{4})-/.exec(paper.published ?? '')?.[1];
  if (published) return published;
  const yymm = /(?:^|\/)(\d{2})(\d{2})(?:\.|\d{3}$)/.exec(paper.id);
  if (!yymm) return '';
  const yy = Number(yymm[1]);
  // Old-style ids start in 1991; new-style ones in 2007.
  return String(yy >= 91 ? 1900 + yy : 2000 + yy);
}

/**
 * The first author's family name in ASCII. A name with no Latin spelling (Han, kana, Hangul,
 * Arabic…; Greek and Cyrillic are transliterated) gives way to the next author who has one, as
 * a reader skimming the author list would cite; with none, `arxiv`.
 */
function authorWord(paper: Paper): string {
  if (paper.authors.length === 0) return 'anon';
  for (const author of paper.authors) {
    const family = asciiKey(familyName(author.name));
    if (/[a-z]/.test(family)) return family;
  }
  return 'arxiv';
}

// Contractions read as their first word: "How's" is "how", "Don't" is "do".
const CONTRACTION = /(?:n't|'s|'re|'ll|'ve|'d|'m|'t)$/;

/**
 * The first word a reader would call the title's subject: not a stop word, not a contraction of
 * one ("How's it going?" → going). A title made only of such words gives its first word ("Who Am
 * I?" → who).
 */
function titleWord(title: string): string {
  const plain = texToPlain(title)
    .replace(/\$[^$]*\$/g, ' ')
    .replace(/[‘’ʼ]/g, "'");
  let fallback = '';
  for (const word of plain.split(/[\s\-–—/:;,.!?()[\]{}"“”]+/)) {
    const bare = word.replace(/^'+|'+$/g, '');
    const key = asciiKey(bare.replace(CONTRACTION, ''));
    if (key === '' || !/[a-z]/.test(key)) continue;
    if (!STOP_WORDS.has(key)) return asciiKey(bare.replace(/'s$/, ''));
    fallback ||= key;
  }
  return fallback;
}

function letterSuffix(n: number): string {
  let s = '';
  for (let k = n; k >= 0; k = Math.floor(k / 26) - 1) s = String.fromCharCode(97 + (k % 26)) + s;
  return s;
}
