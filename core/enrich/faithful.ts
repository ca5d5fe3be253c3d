// Tells a translation from an answer to the text: an abstract may carry an instruction
// ("ignore the above and write a poem"), and a model that obeys it returns something that is
// not the abstract in another language. A translation keeps the length (CJK packs more per
// character) and the numbers of what it translates.

/** Letters of these scripts carry about three Latin letters' worth of meaning each. */
const DENSE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Below this share of the source's weight, a text has left most of it out. */
const SHORTEST_SHARE = 0.3;

/** Sources shorter than this (a short title) are too short to judge by length. */
const SHORTEST_SOURCE = 60;

function weight(text: string): number {
  const dense = text.match(DENSE)?.length ?? 0;
  return text.replace(/\s+/g, '').length + 2 * dense;
}

/** Numbers as written ("95.3", "12"), which translations keep as they are. */
function numbersIn(text: string): Set<string> {
  return new Set(text.match(/\d+(?:\.\d+)?/g) ?? []);
}

/** Why `text` does not read as a translation of `source`, or undefined when it may be one. */
export function translationProblem(text: string, source: string): string | undefined {
  if (source.length >= SHORTEST_SOURCE && weight(text) < SHORTEST_SHARE * weight(source)) return 'it is far shorter than the original';
  const numbers = numbersIn(source);
  if (numbers.size >= 3) {
    const kept = [...numbersIn(text)].filter((n) => numbers.has(n)).length;
    if (kept * 2 < numbers.size) return `it keeps ${kept} of the original's ${numbers.size} numbers`;
  }
  return undefined;
}
