import { describe, expect, it } from 'vitest';
import { compileGroups, phraseRegex, paperText, ruleRegex } from '../../core/select/rules';
import { isPaperFeedError } from '../../core/errors';
import { makePaper } from '../support/papers';

const phrase = (p: string, text: string) => phraseRegex(p).test(text);

describe('phrase rules', () => {
  it('match case-insensitively on word boundaries', () => {
    expect(phrase('reinforcement learning', 'Deep Reinforcement Learning, revisited')).toBe(true);
    expect(phrase('LLM', 'an llm agent')).toBe(true);
    expect(phrase('LLM', 'LLMOps pipelines')).toBe(false);
    expect(phrase('RL', 'control and URL parsing')).toBe(false);
  });

  it('treat hyphens and runs of whitespace as the same separator', () => {
    expect(phrase('reinforcement learning', 'a reinforcement-learning agent')).toBe(true);
    expect(phrase('reinforcement learning', 'reinforcement \n  learning')).toBe(true);
    expect(phrase('score-based', 'score based generative models')).toBe(true);
    expect(phrase('reinforcement learning', 'reinforcementlearning')).toBe(false);
  });

  it('match the simple English plural of the last word only', () => {
    expect(phrase('language model', 'large language models')).toBe(true);
    expect(phrase('LLM', 'LLMs are')).toBe(true);
    expect(phrase('diffusion policy', 'diffusion policies for robots')).toBe(true);
    expect(phrase('process', 'Gaussian processes')).toBe(true);
    expect(phrase('language model', 'languages model')).toBe(false);
    expect(phrase('model', 'modelling')).toBe(false);
  });

  it('ignore accents on both sides', () => {
    const inTitle = (rule: string, title: string) => {
      const paper = makePaper({ title });
      return compileGroups([{ name: 'g', include: [rule] }])[0]!.matches(paper, paperText(paper));
    };
    expect(inTitle('Schrodinger bridge', 'Schrödinger Bridges')).toBe(true);
    expect(inTitle('Schrödinger', 'schrodinger equation')).toBe(true);
    expect(inTitle('Schrödinger', 'Schrodingers cat')).toBe(true);
  });

  it('take symbols literally', () => {
    expect(phrase('C++', 'written in C++ for speed')).toBe(true);
    expect(phrase('GPT-4', 'compared with GPT 4 and GPT-4o')).toBe(true);
    expect(phrase('a.b', 'aXb')).toBe(false);
  });
});

describe('regular-expression rules', () => {
  it('are written /pattern/flags and see text with accents kept', () => {
    const { regex, folded } = ruleRegex('/schrödinger\\s+bridges?/i', 'x');
    expect(folded).toBe(false);
    expect(regex.test('Schrödinger bridge')).toBe(true);
  });

  it('ignore the stateful g and y flags: each paper is matched afresh', () => {
    const { regex } = ruleRegex('/diffusion/gy', 'x');
    expect([regex.test('diffusion'), regex.test('diffusion'), regex.test('a diffusion')]).toEqual([true, true, true]);
  });

  it('keep JavaScript syntax and flags: \\u escapes, [^], lookbehinds, i, m and s', () => {
    // Rule texts, run by the linear engine (lookbehinds included, on every iOS), never by new RegExp.
    expect(ruleRegex('/\\u00e9t\\u00e9/i', 'x').regex.test('ÉTÉ')).toBe(true);
    expect(ruleRegex('/a[^]b/', 'x').regex.test('a\nb')).toBe(true);
    expect(ruleRegex(`/(?<!self-)supervised/`, 'x').regex.test('self-supervised')).toBe(false);
    expect(ruleRegex(`/(?<!self-)supervised/`, 'x').regex.test('weakly supervised')).toBe(true);
    expect(ruleRegex('/^b/m', 'x').regex.test('a\nb')).toBe(true);
    expect(ruleRegex('/^b/', 'x').regex.test('a\nb')).toBe(false);
    expect(ruleRegex('/a.b/s', 'x').regex.test('a\nb')).toBe(true);
    expect(ruleRegex('/a.b/', 'x').regex.test('a\nb')).toBe(false);
  });

  it('reject an invalid pattern with bad-config naming the rule', () => {
    try {
      ruleRegex('/foo(/', 'groups[1].include[0]');
      expect.unreachable();
    } catch (e) {
      expect(isPaperFeedError(e) && e.kind).toBe('bad-config');
      expect((e as Error).message).toBe('groups[1].include[0]: "/foo(/" is not a valid regular expression (Unterminated group).');
    }
  });
});

describe('rule scopes', () => {
  const paper = makePaper({
    title: 'Sparse Attention',
    abstract: 'We use transformers.',
    authors: ['Yann LeCun'],
    comment: 'Accepted at NeurIPS',
  });
  const matches = (include: unknown[]) => compileGroups([{ name: 'g', include: include as never }])[0]!.matches(paper, paperText(paper));

  it('default to title and abstract', () => {
    expect(matches(['sparse attention'])).toBe(true);
    expect(matches(['transformer'])).toBe(true);
    expect(matches(['NeurIPS'])).toBe(false);
    expect(matches(['LeCun'])).toBe(false);
  });

  it('can be limited to chosen fields', () => {
    expect(matches([{ match: 'NeurIPS', in: ['comment'] }])).toBe(true);
    expect(matches([{ match: 'LeCun', in: ['authors'] }])).toBe(true);
    expect(matches([{ match: 'transformer', in: ['title'] }])).toBe(false);
  });

  it('read TeX before matching', () => {
    const tex = makePaper({ title: 'Schr\\"odinger Bridges via \\textbf{flow} matching' });
    const group = compileGroups([{ name: 'g', include: ['Schrödinger bridge', 'flow matching'] }])[0]!;
    expect(group.matches(tex, paperText(tex))).toBe(true);
  });
});
