// A person's "/pattern/flags" rule, run by a linear-time engine (linear-regex.ts) so that matching
// takes time in proportion to the text whatever the pattern: a rule such as /(a+)+$/ can no longer
// hold a run (and the vault lock) for hours. Rules that nest one repetition inside another are
// refused when the settings are checked, because they are the ones that hang other tools; the
// engine is the guarantee for what that check cannot see (/(a|a)*$/, /\s*\s*\s*$/).

import { PaperFeedError } from '../errors';
import { compileRegex, NotLinear, nestsRepetition, parseRegex } from './linear-regex';

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
    // iOS before 16.4 cannot parse a lookbehind, which the engine runs everywhere.
    if (!LOOKBEHIND.test(pattern)) {
      const reason = (e instanceof Error ? e.message : String(e)).split(': ').pop() ?? 'invalid';
      refuse(`is not a valid regular expression (${reason}).`);
    }
  }
  const tree = parseRegex(pattern, flags);
  if (nestsRepetition(tree)) {
    refuse(
      'repeats a group that itself repeats (like "(a+)+"), which can make matching a long abstract take hours; write it without the nested repetition (for example "/a+$/" instead of "/(a+)+$/").',
    );
  }
  try {
    return compileRegex(tree, flags);
  } catch (e) {
    if (!(e instanceof NotLinear)) throw e;
    if (e.construct === 'lookahead')
      refuse(
        'uses a lookahead ("(?=" or "(?!"), which Paper Feed cannot match in bounded time; write it without one (an exclude rule often does the same job).',
      );
    if (e.construct === 'back-reference')
      refuse('uses a back-reference ("\\1" or "\\k<name>"), which Paper Feed cannot match in bounded time; write it without one.');
    return refuse('is too large to match in bounded time (its repetition counts multiply past 20,000 steps); write it with smaller counts.');
  }
}

const LOOKBEHIND = /(^|[^\\])(\\\\)*\(\?<[=!]/;
