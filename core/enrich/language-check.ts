// Tells a text in the asked language from one in another, by the share of each Unicode
// script among its letters. It errs towards accepting: a false rejection costs a request.

type Script =
  | 'Latin'
  | 'Han'
  | 'Japanese'
  | 'Hangul'
  | 'Cyrillic'
  | 'Arabic'
  | 'Hebrew'
  | 'Greek'
  | 'Thai'
  | 'Lao'
  | 'Devanagari'
  | 'Bengali'
  | 'Gurmukhi'
  | 'Gujarati'
  | 'Tamil'
  | 'Telugu'
  | 'Kannada'
  | 'Malayalam'
  | 'Sinhala'
  | 'Georgian'
  | 'Armenian'
  | 'Ethiopic'
  | 'Khmer'
  | 'Myanmar'
  | 'Tibetan';

const LANGUAGES_BY_SCRIPT: Record<Script, string> = {
  Latin:
    'af az bs ca cs cy da de en eo es et eu fi fil fo fr fy ga gd gl ha hr ht hu id ig is it jv la lb lt lv mg mi ms mt nb nl nn no oc pl pt qu rm ro sk sl so sq su sv sw tk tl tr uz vi wo xh yo zu',
  Han: 'zh yue wuu lzh',
  Japanese: 'ja',
  Hangul: 'ko',
  Cyrillic: 'ru uk be bg mk sr kk ky mn tg tt ba cv',
  Arabic: 'ar fa ur ps ckb ug sd',
  Hebrew: 'he iw yi',
  Greek: 'el',
  Thai: 'th',
  Lao: 'lo',
  Devanagari: 'hi mr ne sa mai bho',
  Bengali: 'bn as',
  Gurmukhi: 'pa',
  Gujarati: 'gu',
  Tamil: 'ta',
  Telugu: 'te',
  Kannada: 'kn',
  Malayalam: 'ml',
  Sinhala: 'si',
  Georgian: 'ka',
  Armenian: 'hy',
  Ethiopic: 'am ti',
  Khmer: 'km',
  Myanmar: 'my',
  Tibetan: 'bo',
};

/** BCP 47 script subtags that override the language's usual script ("sr-Latn", "zh-Hant"). */
const SCRIPT_SUBTAGS: Record<string, Script> = {
  latn: 'Latin',
  hans: 'Han',
  hant: 'Han',
  hani: 'Han',
  jpan: 'Japanese',
  kore: 'Hangul',
  hang: 'Hangul',
  cyrl: 'Cyrillic',
  arab: 'Arabic',
  hebr: 'Hebrew',
  grek: 'Greek',
  deva: 'Devanagari',
};

/** Letters each script counts; Japanese mixes kanji and kana, Korean may use hanja. */
const LETTERS: Record<Script, RegExp> = {
  Latin: /\p{Script=Latin}/gu,
  Han: /\p{Script=Han}/gu,
  Japanese: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu,
  Hangul: /[\p{Script=Hangul}\p{Script=Han}]/gu,
  Cyrillic: /\p{Script=Cyrillic}/gu,
  Arabic: /\p{Script=Arabic}/gu,
  Hebrew: /\p{Script=Hebrew}/gu,
  Greek: /\p{Script=Greek}/gu,
  Thai: /\p{Script=Thai}/gu,
  Lao: /\p{Script=Lao}/gu,
  Devanagari: /\p{Script=Devanagari}/gu,
  Bengali: /\p{Script=Bengali}/gu,
  Gurmukhi: /\p{Script=Gurmukhi}/gu,
  Gujarati: /\p{Script=Gujarati}/gu,
  Tamil: /\p{Script=Tamil}/gu,
  Telugu: /\p{Script=Telugu}/gu,
  Kannada: /\p{Script=Kannada}/gu,
  Malayalam: /\p{Script=Malayalam}/gu,
  Sinhala: /\p{Script=Sinhala}/gu,
  Georgian: /\p{Script=Georgian}/gu,
  Armenian: /\p{Script=Armenian}/gu,
  Ethiopic: /\p{Script=Ethiopic}/gu,
  Khmer: /\p{Script=Khmer}/gu,
  Myanmar: /\p{Script=Myanmar}/gu,
  Tibetan: /\p{Script=Tibetan}/gu,
};

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/**
 * Words common in English prose and rare in other Latin-script languages' prose (so not "in",
 * "a", "die", "we" or "for"). Above a fifth of the words, a text is English.
 */
const ENGLISH_WORDS = new Set('the of and to is are that this with our these which from by be been has have its their we show propose'.split(' '));

function scriptOf(tag: string): Script | undefined {
  const [language = '', ...rest] = tag.toLowerCase().split('-');
  const subtag = rest.find((part) => part.length === 4 && SCRIPT_SUBTAGS[part]);
  if (subtag) return SCRIPT_SUBTAGS[subtag];
  for (const [script, languages] of Object.entries(LANGUAGES_BY_SCRIPT)) {
    if (languages.split(' ').includes(language)) return script as Script;
  }
  return undefined;
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+/gu) ?? [];
}

/** Fewer letters than this say nothing about the language ("GPT-4", "$\\pi$"). */
const TOO_SHORT_TO_JUDGE = 4;

/**
 * Why `text` is not in `language`, or undefined when it may well be. `source` is the English
 * original, to catch an answer that was not translated at all.
 */
export function languageProblem(text: string, language: string, source: string): string | undefined {
  const script = scriptOf(language);
  const letters = count(text, /\p{L}/gu);
  const sourceWords = words(source);
  const answerWords = words(text);
  const sameAsSource = answerWords.join(' ') === sourceWords.join(' ');
  const isEnglish = language.toLowerCase().split('-')[0] === 'en';
  if (sameAsSource && sourceWords.length >= 3 && !isEnglish) return 'it repeats the English original';
  if (script === undefined || letters < TOO_SHORT_TO_JUDGE) return undefined;

  const inScript = count(text, LETTERS[script]);
  // CJK packs a word into one or two characters, so kept English terms weigh more there.
  const dense = script === 'Han' || script === 'Japanese' || script === 'Hangul';
  const share = inScript / letters;
  if (share < (dense ? 0.15 : script === 'Latin' ? 0.5 : 0.3)) return `it is not written in ${script} script`;

  const cjk = count(text, LETTERS.Japanese);
  const kana = count(text, KANA);
  if (script === 'Japanese' && cjk >= 20 && kana === 0) return 'it reads as Chinese, not Japanese';
  if (script === 'Han' && cjk >= 20 && kana / cjk > 0.1) return 'it reads as Japanese, not Chinese';

  if (script === 'Latin' && !isEnglish) {
    const english = answerWords.filter((w) => ENGLISH_WORDS.has(w)).length;
    if (answerWords.length >= 8 && english / answerWords.length >= 0.2) return 'it reads as English';
    const known = new Set(sourceWords);
    if (answerWords.length >= 3 && answerWords.every((w) => known.has(w))) return 'it repeats the English original';
  }
  return undefined;
}

/**
 * True when `text` is English prose (or the English original repeated): what a small model
 * answers when it does not follow the language asked for, and what a person is told by name.
 */
export function readsAsEnglish(text: string, source: string): boolean {
  const answerWords = words(text);
  if (answerWords.length === 0) return false;
  if (answerWords.join(' ') === words(source).join(' ')) return true;
  const letters = count(text, /\p{L}/gu);
  if (letters === 0 || count(text, LETTERS.Latin) / letters < 0.8) return false;
  // Only naming the language here (the answer is already turned down), so short words other
  // Latin-script languages share count too.
  const english = answerWords.filter((w) => ENGLISH_WORDS.has(w) || SHORT_ENGLISH_WORDS.has(w)).length;
  // A short title has few such words: most of its words come from the English original.
  const known = new Set(words(source));
  return english / answerWords.length >= 0.2 || answerWords.filter((w) => known.has(w)).length / answerWords.length >= 0.6;
}

const SHORT_ENGLISH_WORDS = new Set('a an in on for at as it not into using via based over under left than'.split(' '));
