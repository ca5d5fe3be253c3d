// A person's "/pattern/flags" rule, run by RE2 (re2js) so that matching takes time in proportion
// to the text whatever the pattern: a rule such as /(a+)+$/ can no longer hold a run (and the
// vault lock) for hours. Rules that nest one repetition inside another are refused when the
// settings are checked, because they are the ones that hang other tools; the RE2 engine is the
// guarantee for what that check cannot see (/(a|a)*$/, /\s*\s*\s*$/).

import { RE2JS } from 're2js';
import safeRegex from 'safe-regex2';
import { PaperFeedError } from '../errors';

/** What a compiled rule offers: RegExp.test's contract, in linear time. */
export interface TextPattern {
  test(text: string): boolean;
}

/** The rule `/pattern/flags` as a linear-time matcher; throws 'bad-config' naming `where`. */
export function userRegex(pattern: string, flags: string, where: string, written: string): TextPattern {
  const refuse = (why: string): never => {
    throw new PaperFeedError('bad-config', `${where}: ${JSON.stringify(written)} ${why}`, { key: where });
  };
  try {
    new RegExp(pattern, flags);
  } catch (e) {
    // iOS before 16.4 cannot parse a lookbehind, which RE2 runs everywhere.
    if (!LOOKBEHIND.test(pattern)) {
      const reason = (e instanceof Error ? e.message : String(e)).split(': ').pop() ?? 'invalid';
      refuse(`is not a valid regular expression (${reason}).`);
    }
  }
  if (!safeRegex(withLookbehindsAsGroups(pattern))) {
    refuse(
      'repeats a group that itself repeats (like "(a+)+"), which can make matching a long abstract take hours; write it without the nested repetition (for example "/a+$/" instead of "/(a+)+$/").',
    );
  }
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(RE2JS.translateRegExp(pattern), re2Flags(flags));
  } catch (e) {
    if (LOOKAHEAD.test(pattern)) refuse('uses a lookahead ("(?=" or "(?!"), which Paper Feed cannot match in bounded time; write it without one (an exclude rule often does the same job).');
    if (BACKREFERENCE.test(pattern)) refuse('uses a back-reference ("\\1" or "\\k<name>"), which Paper Feed cannot match in bounded time; write it without one.');
    const reason = (e instanceof Error ? e.message : String(e)).replace(/^error parsing regexp: /, '');
    refuse(`cannot be matched in bounded time (${reason}); write it in simpler terms.`);
  }
  return { test: (text) => compiled.matcher(text).find() };
}

const LOOKBEHIND = /(^|[^\\])(\\\\)*\(\?<[=!]/;
const LOOKAHEAD = /(^|[^\\])(\\\\)*\(\?[=!]/;
const BACKREFERENCE = /(^|[^\\])(\\\\)*\\([1-9]|k<)/;

/**
 * safe-regex2's parser does not know lookbehinds (RE2 runs them in linear time) and calls what it
 * cannot parse unsafe; for the nesting it measures, a lookbehind is just a group.
 */
function withLookbehindsAsGroups(pattern: string): string {
  return pattern.replace(/(^|[^\\])((?:\\\\)*)\(\?<[=!]/g, '$1$2(?:');
}

/** JavaScript's flags in RE2's terms; "u" is RE2's default and "d", "g", "y" change nothing a rule sees. */
function re2Flags(flags: string): number {
  let bits = RE2JS.LOOKBEHINDS;
  if (flags.includes('i')) bits |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) bits |= RE2JS.MULTILINE;
  if (flags.includes('s')) bits |= RE2JS.DOTALL;
  return bits;
}
