// Person names as citations need them: the family name of "Rémy Martin" or "Martin, Rémy", and
// an ASCII spelling of it for citekeys (Müller → muller, Łukasz → lukasz).

// Letters that Unicode decomposition does not reduce to ASCII.
const LETTERS: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ł: 'l', Ł: 'l',
  þ: 'th', Þ: 'th', ð: 'd', Ð: 'd', ı: 'i', ȷ: 'j', ŋ: 'ng', ħ: 'h', ĸ: 'k', ſ: 's',
};

const SUFFIXES = /^(jr|sr|ii|iii|iv|v|phd|md)\.?$/i;

/** Lower-case ASCII letters and digits only: accents dropped, ß → ss, everything else removed. */
export function asciiKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\u0000-\u007f]/g, (c) => LETTERS[c] ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * The family name: the part before a comma ("Martin, Rémy"), else the last word that is not a
 * suffix like "Jr." ("Rémy Martin Jr." → "Martin"). Collaboration names are kept whole.
 */
export function familyName(name: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  const comma = trimmed.indexOf(',');
  if (comma > 0) {
    const before = trimmed.slice(0, comma).trim();
    const after = trimmed.slice(comma + 1).trim();
    // "King, Martin Luther" and "Smith, Jr., John" name the family first; "King, Jr." does not.
    const afterIsSuffix = after.split(',').every((part) => SUFFIXES.test(part.trim()));
    if (after !== '' && !afterIsSuffix) return before;
  }
  const words = trimmed.replace(/,/g, ' ').split(' ').filter((w) => w !== '' && !SUFFIXES.test(w));
  if (/\b(collaboration|consortium|team|group)\b/i.test(trimmed)) return words[0] ?? trimmed;
  return words[words.length - 1] ?? trimmed;
}
