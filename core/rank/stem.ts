// A light English suffix-stripper so "policies"/"policy" and "learned"/"learning"/"learns"
// meet. Porter's steps 1a, 1b and 5a (M. F. Porter, 1980), with the plural rule "ies" → "y"
// from Harman's S-stemmer so that "policy" and "policies" agree without Porter's step 1c.
// Deterministic, and deliberately shallow: it never touches derivational suffixes ("-ation").

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** Porter's consonant: not a vowel, and "y" only after a vowel (or at the start). */
function isConsonant(word: string, i: number): boolean {
  const ch = word[i]!;
  if (VOWELS.has(ch)) return false;
  if (ch === 'y') return i === 0 || !isConsonant(word, i - 1);
  return true;
}

/** Porter's measure m: the number of vowel-consonant sequences in [C](VC)^m[V]. */
function measure(stem: string): number {
  let m = 0;
  let i = 0;
  while (i < stem.length && isConsonant(stem, i)) i += 1;
  while (i < stem.length) {
    while (i < stem.length && !isConsonant(stem, i)) i += 1;
    if (i >= stem.length) break;
    m += 1;
    while (i < stem.length && isConsonant(stem, i)) i += 1;
  }
  return m;
}

function hasVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i += 1) if (!isConsonant(stem, i)) return true;
  return false;
}

/** Ends consonant-vowel-consonant, the last not w, x or y ("hop", "scal"): such stems keep an "e". */
function endsCvc(stem: string): boolean {
  const n = stem.length;
  if (n < 3) return false;
  const last = stem[n - 1]!;
  return isConsonant(stem, n - 3) && !isConsonant(stem, n - 2) && isConsonant(stem, n - 1) && !'wxy'.includes(last);
}

function endsDoubleConsonant(stem: string): boolean {
  const n = stem.length;
  return n >= 2 && stem[n - 1] === stem[n - 2] && isConsonant(stem, n - 1);
}

function stripPlural(word: string): string {
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ies') && word.length > 4 && !/[ae]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|xes|zzes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

function stripEdIng(word: string): string {
  if (word.endsWith('eed')) return measure(word.slice(0, -3)) > 0 ? word.slice(0, -1) : word;
  const suffix = word.endsWith('ed') ? 2 : word.endsWith('ing') ? 3 : 0;
  if (suffix === 0) return word;
  const stem = word.slice(0, -suffix);
  if (!hasVowel(stem)) return word;
  if (/(at|bl|iz)$/.test(stem)) return `${stem}e`;
  if (endsDoubleConsonant(stem) && !/[lsz]$/.test(stem)) return stem.slice(0, -1);
  if (measure(stem) === 1 && endsCvc(stem)) return `${stem}e`;
  return stem;
}

function stripFinalE(word: string): string {
  if (!word.endsWith('e')) return word;
  const stem = word.slice(0, -1);
  const m = measure(stem);
  return m > 1 || (m === 1 && !endsCvc(stem)) ? stem : word;
}

/** Stem one lower-case word. Words of three letters or fewer, and words with digits, are kept. */
export function stem(word: string): string {
  if (word.length <= 3 || /[^a-z]/.test(word)) return word;
  return stripFinalE(stripEdIng(stripPlural(word)));
}
