// A rule that backtracks for ever must neither hang a run nor reach one.
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../core/config-validate';
import { isPaperFeedError } from '../../core/errors';
import { ruleRegex } from '../../core/select/rules';

function refusal(match: string, where = 'groups[0].include[0]'): string {
  try {
    ruleRegex(match, where);
  } catch (e) {
    expect(isPaperFeedError(e) && e.kind).toBe('bad-config');
    return (e as Error).message;
  }
  return 'accepted';
}

describe('catastrophic regular expressions in group rules', () => {
  it('refuses nested repetition with one sentence naming the rule', () => {
    expect(refusal('/(a+)+$/')).toBe(
      'groups[0].include[0]: "/(a+)+$/" repeats a group that itself repeats (like "(a+)+"), which can make matching a long abstract take hours; write it without the nested repetition (for example "/a+$/" instead of "/(a+)+$/").',
    );
    for (const rule of ['/(\\w+\\s?)+$/', '/(a*)*b/', '/(?:x+y*)+z/i', `/(?<=q)(a+)+/`]) {
      expect(refusal(rule)).toMatch(/^groups\[0\]\.include\[0\]: .* repeats a group that itself repeats/);
    }
  });

  it('refuses what the linear engine cannot run, saying which construct', () => {
    expect(refusal('/diffusion(?! models)/')).toMatch(/uses a lookahead \("\(\?=" or "\(\?!"\), which Paper Feed cannot match in bounded time/);
    expect(refusal('/(model)\\s+\\1/')).toMatch(/uses a back-reference/);
    expect(refusal('/\\(?=literal/')).toBe('accepted');
  });

  it('runs what slips past the checker in linear time (JavaScript’s own engine needs 13 s for 28 characters of the first)', () => {
    const abstract = `${'a'.repeat(20_000)}!`;
    expect(ruleRegex('/^(a|a)*$/', 'x').regex.test(abstract)).toBe(false);
    expect(ruleRegex('/\\s*\\s*\\s*$/', 'x').regex.test(`${' '.repeat(20_000)}x`)).toBe(true);
    expect(ruleRegex('/^(a|aa)*c/', 'x').regex.test(abstract)).toBe(false);
  });

  it('is caught when the settings are checked, in the same words for every host', () => {
    const config = { categories: ['cs.LG'], groups: [{ name: 'Regex', include: ['diffusion', { match: '/(\\w+\\s?)+$/', in: ['abstract'] }] }] };
    expect(() => validateConfig(config, 'paper-feed.config.json')).toThrow(
      'groups[0].include[1].match: "/(\\\\w+\\\\s?)+$/" repeats a group that itself repeats (like "(a+)+"), which can make matching a long abstract take hours; write it without the nested repetition (for example "/a+$/" instead of "/(a+)+$/"). Fix it in paper-feed.config.json.',
    );
  });
});
