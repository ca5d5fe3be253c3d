// How one library paper's terms are written in the cache: a short string read back char by
// char, because splitting and parseInt-ing a million small strings made every restore slow.

/**
 * Each posting is one number, (gap to the previous term id − 1) × 2 + (1 when a count follows),
 * then the count when it is not 1. A number is base-32, most significant digit first: digits
 * from CONTINUED say more follow, a digit from LAST ends it. The common posting (next term
 * id, once) is the single character '0'. No character needs escaping in JSON.
 */
const LAST = '0123456789abcdefghijklmnopqrstuv';
const CONTINUED = 'wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';

/** Char code → digit (0–31 ends a number, 32–63 continues it), -1 for any other character. */
const DIGIT_OF = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let d = 0; d < 32; d += 1) {
    table[LAST.charCodeAt(d)] = d;
    table[CONTINUED.charCodeAt(d)] = 32 + d;
  }
  return table;
})();

function numberText(value: number): string {
  let text = LAST[value & 31]!;
  for (let rest = value >>> 5; rest > 0; rest >>>= 5) text = CONTINUED[rest & 31]! + text;
  return text;
}

/** `termIds` strictly ascending, `counts` ≥ 1 beside them. */
export function postingsText(termIds: ArrayLike<number>, counts: ArrayLike<number>): string {
  let text = '';
  let previous = -1;
  for (let i = 0; i < termIds.length; i += 1) {
    const count = counts[i]!;
    text += numberText((termIds[i]! - previous - 1) * 2 + (count === 1 ? 0 : 1));
    if (count !== 1) text += numberText(count);
    previous = termIds[i]!;
  }
  return text;
}

/**
 * Where read postings are kept: blocks shared by many papers, each paper's arrays a view of its
 * part. A restore of 10,000 papers then makes a few dozen buffers instead of 20,000, which every
 * garbage collection would otherwise have to walk.
 */
export interface PostingsScratch {
  termIds: Int32Array;
  counts: Uint16Array;
  /** How much of the current block is taken. */
  used: number;
}

const BLOCK = 65_536;

export function newPostingsScratch(): PostingsScratch {
  return { termIds: new Int32Array(BLOCK), counts: new Uint16Array(BLOCK), used: 0 };
}

/**
 * Read what postingsText wrote. Undefined when the text is damaged: a foreign character, a
 * number cut short, a term id at or past `termCount`, or a count of 0 or above 65,535.
 */
export function readPostings(text: string, termCount: number, scratch: PostingsScratch): { termIds: Int32Array; counts: Uint16Array } | undefined {
  // Every posting takes at least one character, so the text's length bounds their number.
  if (scratch.termIds.length - scratch.used < text.length) {
    scratch.termIds = new Int32Array(Math.max(BLOCK, text.length));
    scratch.counts = new Uint16Array(Math.max(BLOCK, text.length));
    scratch.used = 0;
  }
  const { termIds, counts, used } = scratch;
  let n = used;
  let position = 0;
  let previous = -1;
  let wantCount = false;
  let value = 0;
  let midNumber = false;
  while (position < text.length) {
    const code = text.charCodeAt(position);
    position += 1;
    const digit = code < 128 ? DIGIT_OF[code]! : -1;
    if (digit < 0 || value > 0x3ffffff) return undefined;
    value = value * 32 + (digit & 31);
    midNumber = digit >= 32;
    if (midNumber) continue;
    if (wantCount) {
      if (value === 0 || value > 0xffff) return undefined;
      counts[n - 1] = value;
      wantCount = false;
    } else {
      previous += Math.floor(value / 2) + 1;
      if (previous >= termCount) return undefined;
      termIds[n] = previous;
      counts[n] = 1;
      n += 1;
      wantCount = value % 2 === 1;
    }
    value = 0;
  }
  if (wantCount || midNumber) return undefined;
  scratch.used = n;
  return { termIds: termIds.subarray(used, n), counts: counts.subarray(used, n) };
}
