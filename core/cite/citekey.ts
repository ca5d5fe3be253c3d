// Citekeys in the form people expect from reference managers: family name, year, first
// significant title word (feng2026micro), lower-case ASCII, unique within the vault.

import type { Paper } from '../arxiv/paper';
import { texToPlain } from '../notes/tex';
import { asciiKey, familyName } from './names';

// Words that say nothing about a paper, skipped when choosing the title word.
const STOP_WORDS = new Set(
  (
    'a an the on of in into onto for from to towards toward with without via by at as and or but nor ' +
    'is are was were be been being do does did can could should would will shall may might must ' +
    'how what why when where which who whom whose we our us you your it its this that these those ' +
    'using use beyond through about over under between among than not no new revisiting rethinking'
  ).split(' '),
);

/**
 * `{family}{year}{word}`, with a, b, … z, aa, ab, … appended while the key is in `taken`
 * (compared in lower case). Callers keep a note's existing citekey: keys are stable once written.
 */
export function makeCitekey(paper: Paper, taken: { has(key: string): boolean }): string {
  const first = paper.authors[0]?.name ?? '';
  const family = asciiKey(familyName(first)) || 'anon';
  const base = `${family}${paperYear(paper)}${titleWord(paper.title)}`;
  if (!taken.has(base)) return base;
  for (let n = 0; ; n += 1) {
    const key = base + letterSuffix(n);
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

function titleWord(title: string): string {
  const plain = texToPlain(title).replace(/\$[^$]*\$/g, ' ');
  for (const word of plain.split(/[\s\-–—/:;,.!?()[\]{}"'“”‘’]+/)) {
    const key = asciiKey(word);
    if (key !== '' && /[a-z]/.test(key) && !STOP_WORDS.has(key)) return key;
  }
  return '';
}

function letterSuffix(n: number): string {
  let s = '';
  for (let k = n; k >= 0; k = Math.floor(k / 26) - 1) s = String.fromCharCode(97 + (k % 26)) + s;
  return s;
}
