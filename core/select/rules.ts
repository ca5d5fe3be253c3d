// Keyword rules compiled to matchers. A phrase matches case- and accent-insensitively on word
// boundaries; hyphens and runs of whitespace count as the same separator ("reinforcement
// learning" matches "Reinforcement-Learning"), and the last word may take a simple English
// plural ("language model" matches "language models", "policy" matches "policies"). A rule
// written "/pattern/flags" is a regular expression over the same text with accents kept.

import type { Paper } from '../arxiv/paper';
import type { Field, KeywordGroup, Rule } from '../config';
import { texToPlain } from '../text/tex-tokens';
import { authorPattern, matchesAuthor, type AuthorPattern } from './authors';
import { inCategories } from '../arxiv/categories';
import { userRegex, type TextPattern } from './user-regex';

export const DEFAULT_FIELDS: readonly Field[] = ['title', 'abstract'];

/** A paper's searchable text, prepared once per run. */
export interface PaperText {
  /** TeX resolved to Unicode (NFC), per field: what regular expressions see. */
  plain: Record<Field, string>;
  /** The same without accents: what phrases see. */
  folded: Record<Field, string>;
}

export interface CompiledGroup {
  name: string;
  matches(paper: Paper, text: PaperText): boolean;
}

type TextTest = (text: PaperText) => boolean;

const SEPARATOR = '[\\s\\-\\u2010\\u2011]+';

export function paperText(paper: Paper): PaperText {
  const plain: Record<Field, string> = {
    title: texToPlain(paper.title).normalize('NFC'),
    abstract: texToPlain(paper.abstract).normalize('NFC'),
    authors: paper.authors
      .map((a) => a.name)
      .join('; ')
      .normalize('NFC'),
    comment: texToPlain(paper.comment ?? '').normalize('NFC'),
  };
  const folded = {} as Record<Field, string>;
  for (const field of Object.keys(plain) as Field[]) folded[field] = foldAccents(plain[field]);
  return { plain, folded };
}

/** `/pattern/flags` split into its parts, or null when the text is a phrase. */
export function regexParts(text: string): { pattern: string; flags: string } | null {
  const m = /^\/([\s\S]+)\/([A-Za-z]*)$/.exec(text.trim());
  return m ? { pattern: m[1]!, flags: m[2]! } : null;
}

/** The matcher a rule stands for; throws 'bad-config' naming `where` when the rule is refused. */
export function ruleRegex(match: string, where: string): { regex: TextPattern; folded: boolean } {
  const parts = regexParts(match);
  if (!parts) return { regex: phraseRegex(match), folded: true };
  return { regex: userRegex(parts.pattern, parts.flags, where, match), folded: false };
}

export function phraseRegex(phrase: string): RegExp {
  const words = foldAccents(phrase.normalize('NFC')).trim().split(new RegExp(SEPARATOR, 'u')).filter(Boolean);
  if (words.length === 0) return /(?!)/; // nothing to look for: never matches
  const escaped = words.map((w) => w.replace(/[\^$\\.*+?()[\]{}|/]/g, '\\$&'));
  const last = words[words.length - 1] ?? '';
  if (/[a-z]$/i.test(last)) escaped[escaped.length - 1] = pluralForms(escaped[escaped.length - 1]!);
  // A lookbehind would be simpler, but older iOS WebKit (Obsidian mobile) cannot parse one.
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped.join(SEPARATOR)}(?![\\p{L}\\p{N}])`, 'iu');
}

function pluralForms(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}(?:y|ies)`;
  return `${word}(?:e?s)?`;
}

function compileRule(rule: string | Rule, where: string): TextTest {
  const match = typeof rule === 'string' ? rule : rule.match;
  const fields = typeof rule === 'string' || !rule.in?.length ? DEFAULT_FIELDS : rule.in;
  const { regex, folded } = ruleRegex(match, where);
  return (text) => fields.some((field) => regex.test((folded ? text.folded : text.plain)[field]));
}

/** Compiles every group; `where` names each rule by its place in the config. */
export function compileGroups(groups: readonly KeywordGroup[]): CompiledGroup[] {
  return groups.map((group, g) => {
    const at = `groups[${g}]`;
    const named = (where: string) => `${where} (group ${JSON.stringify(group.name)})`;
    const include = group.include.map((r, i) => compileRule(r, named(`${at}.include[${i}]`)));
    const exclude = (group.exclude ?? []).map((r, i) => compileRule(r, named(`${at}.exclude[${i}]`)));
    const authors: AuthorPattern[] = (group.authors ?? []).map(authorPattern);
    const categories = group.categories ?? [];
    // A group with only categories follows those categories whole.
    const wholeCategory = include.length === 0 && authors.length === 0 && categories.length > 0;
    return {
      name: group.name,
      matches(paper, text) {
        if (categories.length > 0 && !inCategories(paper.categories, categories)) return false;
        const wanted = wholeCategory || include.some((test) => test(text)) || paper.authors.some((a) => authors.some((p) => matchesAuthor(p, a.name)));
        return wanted && !exclude.some((test) => test(text));
      },
    };
  });
}

function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}
