// What the tokenizer calls a word character, read one code point at a time: the same set as
// /[\p{L}\p{M}\p{N}]/u, without the match object a regular expression would allocate per word.

/** Not part of a word. */
export const NOT_WORD = 0;
/** A letter (\p{L}): a word needs one to be a content word. */
export const LETTER = 1;
/** A mark or number (\p{M}, \p{N}): part of a word, but not a letter. */
export const MARK_OR_NUMBER = 2;

export type CharClass = typeof NOT_WORD | typeof LETTER | typeof MARK_OR_NUMBER;

const ASCII_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code += 1) {
    const char = String.fromCharCode(code);
    table[code] = /[A-Za-z]/.test(char) ? LETTER : /[0-9]/.test(char) ? MARK_OR_NUMBER : NOT_WORD;
  }
  return table;
})();

/** Code point → class, for the few thousand non-ASCII code points a corpus uses. */
const otherClasses = new Map<number, CharClass>();
const OTHER_CLASSES_LIMIT = 65_536;

function classOfCodePoint(codePoint: number): CharClass {
  if (codePoint < 128) return ASCII_CLASS[codePoint]! as CharClass;
  let found = otherClasses.get(codePoint);
  if (found === undefined) {
    const char = String.fromCodePoint(codePoint);
    found = /\p{L}/u.test(char) ? LETTER : /[\p{M}\p{N}]/u.test(char) ? MARK_OR_NUMBER : NOT_WORD;
    if (otherClasses.size >= OTHER_CLASSES_LIMIT) otherClasses.clear();
    otherClasses.set(codePoint, found);
  }
  return found;
}

/**
 * The class of the code point at `index` and how many UTF-16 units it takes (2 for a surrogate
 * pair, else 1), packed as class × 4 + width so reading a character allocates nothing.
 */
export function charAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 128) return ASCII_CLASS[code]! * 4 + 1;
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
    const low = text.charCodeAt(index + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return classOfCodePoint((code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000) * 4 + 2;
  }
  return classOfCodePoint(code) * 4 + 1;
}

/** Whether a UTF-16 unit is white space as String.prototype.trim and /\s/ see it. */
export function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(String.fromCharCode(code));
}
