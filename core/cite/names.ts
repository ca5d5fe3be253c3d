// Person names as citations need them: the family name of "Rémy Martin" or "Martin, Rémy", its
// suffix ("Martin Luther King Jr."), whether the author is a body rather than a person ("ATLAS
// Collaboration"), and an ASCII spelling of the family name for citekeys (Müller → muller).

import { isNameSuffix } from '../arxiv/creators';

// Letters that Unicode decomposition does not reduce to ASCII.
const LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ł: 'l',
  Ł: 'l',
  þ: 'th',
  Þ: 'th',
  ð: 'd',
  Ð: 'd',
  ı: 'i',
  ȷ: 'j',
  ŋ: 'ng',
  ħ: 'h',
  ĸ: 'k',
  ſ: 's',
};

// Greek and Cyrillic have one common Latin spelling, so a name in them still gives a readable key
// (Παπαδόπουλος → papadopoulos, Иванов → ivanov). Han, kana, Hangul and other scripts have no
// such small table; their names give no ASCII key (see makeCitekey).
const TRANSLITERATION: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
};

// Words that make an author a body rather than a person: it is cited whole ("ATLAS
// Collaboration"), never as family name "Collaboration".
const CORPORATE =
  /\b(?:collaborations?|collab\.|consortium|team|group|project|initiative|network|committee|council|society|association|institute|laboratory|observatory|organi[sz]ation|foundation|alliance|partnership|survey|task force|working group|collaborators|et al\.?)(?![\p{L}\p{N}])/iu;

// Lower-case words that belong to the family name in "Ludwig van Beethoven".
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'di',
  'da',
  'du',
  'del',
  'della',
  'des',
  'la',
  'le',
  'ten',
  'ter',
  'dos',
  'das',
  'zu',
  'af',
  'av',
  'y',
  "d'",
  'al',
]);

/** A word like "van", "de" or "der" that belongs to the family name after it (any case). */
export function isNameParticle(word: string): boolean {
  return PARTICLES.has(word.toLowerCase());
}

/** Lower-case ASCII letters and digits only: accents dropped, ß → ss, everything else removed. */
export function asciiKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ου/g, 'ou')
    .replace(/[^\u0000-\u007f]/g, (c) => LETTERS[c] ?? TRANSLITERATION[c] ?? '')
    .replace(/[^a-z0-9]/g, '');
}

/** True for an author that is a collaboration, consortium, team or other body. */
export function isCorporateName(name: string): boolean {
  return CORPORATE.test(name);
}

/** A person's name in parts, as BibTeX's "von Last, Jr, First" form has them. */
export interface NameParts {
  /** Given names ("Martin Luther"); may be empty. */
  given: string;
  /** Family name with its particles ("van Beethoven"). */
  family: string;
  /** "Jr.", "III"; empty when there is none. */
  suffix: string;
}

/**
 * The parts of a person's name, written "First Last", "First Last Jr.", "First Last, Jr.",
 * "Last, First", "Last, Jr., First" or "Last, First, Jr."; undefined when the commas say nothing
 * a person's name would (three or more parts that are not a suffix).
 */
export function nameParts(name: string): NameParts | undefined {
  const parts = name
    .replace(/\s+/g, ' ')
    .trim()
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  const [head, ...rest] = parts as [string, ...string[]];
  if (rest.length > 0 && rest.every((p) => isNameSuffix(p))) return { ...splitGivenFamily(head), suffix: rest.join(', ') };
  if (rest.length === 0) return splitGivenFamily(head);
  if (rest.length === 1) return { family: head, given: rest[0]!, suffix: '' };
  if (rest.length === 2 && isNameSuffix(rest[0]!)) return { family: head, suffix: rest[0]!, given: rest[1]! };
  if (rest.length === 2 && isNameSuffix(rest[1]!)) return { family: head, given: rest[0]!, suffix: rest[1]! };
  return undefined;
}

/** "Martin Luther King Jr." → given Martin Luther, family King, suffix Jr. */
function splitGivenFamily(text: string): NameParts {
  const words = text.split(' ');
  const suffixes: string[] = [];
  // A trailing "V" is too often an initial ("Harish V") to be read as "the fifth" without a comma.
  while (words.length > 1 && isNameSuffix(words[words.length - 1]!) && !/^v\.?$/i.test(words[words.length - 1]!)) {
    suffixes.unshift(words.pop()!);
  }
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!.toLowerCase()) && words[start - 1] === words[start - 1]!.toLowerCase()) start -= 1;
  if (start === 1 && words.length > 2 && PARTICLES.has(words[0]!) && words[0] === words[0]!.toLowerCase()) start = 0;
  return { given: words.slice(0, start).join(' '), family: words.slice(start).join(' '), suffix: suffixes.join(' ') };
}

/**
 * The family name for a citekey: the last family word, without particles or suffixes
 * ("Martin, Rémy" → Martin, "Rémy Martin Jr." → Martin). A body gives its first word that is not
 * "The" ("The LIGO Scientific Collaboration" → LIGO).
 */
export function familyName(name: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  if (isCorporateName(trimmed)) {
    const words = trimmed.split(/[\s,]+/).filter((w) => w !== '' && !/^the$/i.test(w));
    return words[0] ?? trimmed;
  }
  const parts = nameParts(trimmed);
  const family = parts?.family || parts?.given || trimmed;
  const words = family.split(' ');
  return words[words.length - 1] ?? family;
}
