import { describe, expect, it } from 'vitest';
import { stem } from '../../core/rank/stem';
import { isStopWord } from '../../core/rank/stop-words';
import { proseOf, unmarkedText } from '../../core/rank/tex-text';
import { hasRunOfThree, surfaceForms } from '../../core/rank/surface-forms';
import { countTerms, phrasesOf, phrasesOfPaper } from '../../core/rank/tokenize';

/** The stemmed content words of a text, in order. */
const contentTerms = (text: string): string[] => phrasesOf(text).flatMap((phrase) => phrase.map((word) => word.term));

/** Every surface form of a title and abstract, keyed by term, plus the runs of three asked for. */
function allSurfaces(title: string, abstract: string, runs: string[] = []): Map<string, string> {
  const paper = phrasesOfPaper(title, abstract);
  return surfaceForms(paper, new Set([...countTerms(paper).keys(), ...runs]));
}

describe('stem', () => {
  it.each([
    ['policies', 'policy'],
    ['policy', 'policy'],
    ['learning', 'learn'],
    ['learned', 'learn'],
    ['learns', 'learn'],
    ['embeddings', 'embed'],
    ['embedded', 'embed'],
    ['scaling', 'scale'],
    ['scaled', 'scale'],
    ['processes', 'process'],
    ['matches', 'match'],
    ['hopping', 'hop'],
    ['hoping', 'hope'],
    ['modeling', 'model'],
    ['analysis', 'analysis'],
    ['string', 'string'],
    ['gas', 'gas'],
    ['3d', '3d'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('brings the forms of one word together', () => {
    const groups = [
      ['sample', 'samples', 'sampled', 'sampling'],
      ['estimate', 'estimates', 'estimated', 'estimating'],
      ['image', 'images', 'imaging'],
      ['base', 'bases', 'based'],
    ];
    for (const group of groups) expect(new Set(group.map(stem)).size, group.join(' ')).toBe(1);
  });

  it('keeps different words apart', () => {
    expect(stem('policy')).not.toBe(stem('police'));
    expect(stem('diffusion')).not.toBe(stem('diffuse'));
  });
});

describe('stop words', () => {
  it('drops function words and abstract boilerplate, keeps topic words', () => {
    expect(['the', 'we', 'which', 'propose', 'paper', 'results'].every(isStopWord)).toBe(true);
    expect(['diffusion', 'policy', 'robot', 'graph'].some(isStopWord)).toBe(false);
    expect(contentTerms('In this paper we propose a new method for graph coloring')).toEqual(['graph', 'color']);
  });
});

describe('TeX and Unicode', () => {
  it('keeps math out of the terms', () => {
    expect(contentTerms('We bound $\\alpha_{ij}^2$ and $$\\sum_k x_k$$ by \\(n \\log n\\) and \\[ \\epsilon \\] sharply')).toEqual(['bound', 'sharply']);
  });

  it('resolves TeX accents to the same term as Unicode text', () => {
    expect(unmarkedText('Schr\\"odinger, Erd\\H{o}s, Poincar\\\'e, na\\"{\\i}ve, \\c{c}a')).toBe('Schrödinger, Erdős, Poincaré, naïve, ça');
    expect(contentTerms('Schr\\"{o}dinger equation')).toEqual(contentTerms('Schrödinger equation'));
    expect(unmarkedText('Nguy\\~{\\^e}n \\emph{sums}')).toBe('Nguyễn sums');
    expect(contentTerms('Zürich Übergang')).toEqual(['zurich', 'ubergang']);
  });

  it('keeps the words inside markup commands and drops URLs', () => {
    expect(proseOf('an \\emph{exact} bound').replace(/\s+/g, ' ')).toBe('an exact bound');
    expect(contentTerms('code at https://github.com/example/repo and www.example.org today')).toEqual(['code', 'today']);
  });

  it("drops possessives, numbers and single letters but keeps '3D'", () => {
    expect(contentTerms("The robot's 3D grasp uses 2024 samples of x")).toEqual(['robot', '3d', 'grasp', 'sampl']);
  });
});

describe('countTerms', () => {
  it('counts words and adjacent word pairs, title words twice', () => {
    const counts = countTerms(phrasesOfPaper('Diffusion Policy', 'diffusion policy for robot manipulation'));
    expect([...counts]).toEqual([
      ['diffusion', 3],
      ['diffusion policy', 3],
      ['policy', 3],
      ['robot', 1],
      ['robot manipulation', 1],
      ['manipulation', 1],
    ]);
  });

  it('forms no pair across punctuation, math or a stop word', () => {
    const counts = countTerms(phrasesOfPaper('', 'robots, diffusion; graph $x$ networks of agents'));
    expect([...counts.keys()].filter((term) => term.includes(' '))).toEqual([]);
  });
});

describe('surfaceForms', () => {
  it('shows terms the way the paper writes them mid-sentence', () => {
    const surfaces = allSurfaces(
      'Offline RL With Self-Supervised Diffusion Policies',
      'Diffusion policies are expressive. We train a diffusion policy for offline RL with Gaussian noise on ImageNet-scale data.',
    );
    expect(surfaces.get('offlin rl')).toBe('offline RL');
    // Twice "policies", once "policy": the paper's most frequent form wins.
    expect(surfaces.get('diffusion policy')).toBe('diffusion policies');
    expect(surfaces.get('self supervis')).toBe('self-supervised');
    expect(surfaces.get('gaussian')).toBe('Gaussian');
    expect(surfaces.get('imagenet scale')).toBe('ImageNet-scale');
  });

  it('lower-cases title-case words it has not seen mid-sentence', () => {
    const surfaces = allSurfaces('Graph Neural Networks', 'Message passing is studied.', ['graph neural network']);
    expect(surfaces.get('graph neural')).toBe('graph neural');
    expect(surfaces.get('graph neural network')).toBe('graph neural networks');
  });

  it('gives a title-only phrase the capitals its words have mid-sentence', () => {
    const surfaces = allSurfaces('The Spitzer c2d Survey of Clouds', 'We map clouds with Spitzer and compare with the c2d catalogue.', ['spitzer c2d survey']);
    expect(surfaces.get('spitzer c2d survey')).toBe('Spitzer c2d survey');
  });

  it('knows which three words stand side by side', () => {
    const paper = phrasesOfPaper('Graph Neural Networks', 'Networks of graphs, neural or not.');
    expect(hasRunOfThree(paper, 'graph', 'neural', 'network')).toBe(true);
    expect(hasRunOfThree(paper, 'network', 'graph', 'neural')).toBe(false);
  });
});
