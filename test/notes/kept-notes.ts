// A small library of kept paper notes for the "Top picks" tests (texts written for these tests):
// notes as Paper Feed writes them, each kept the way a person would keep one (writing under
// "Notes", a rating, a status, a tag).

import { renderPaperNote } from '../../core/notes/paper-note';
import { BLOCK_START } from '../../core/notes/markers';
import { makePaper } from '../support/papers';

export interface KeptPaper {
  id: string;
  name: string;
  title: string;
  abstract: string;
  /** How the person kept it. */
  keep: 'wrote' | 'rating' | 'status' | 'tag' | 'wrote-above';
}

export const KEPT_PAPERS: KeptPaper[] = [
  {
    id: '2401.10001',
    name: 'Conformal GNN',
    title: 'Conformal Prediction for Graph Neural Networks',
    abstract:
      'Conformal prediction turns any classifier into one that outputs prediction sets with guaranteed coverage. ' +
      'We extend conformal prediction to node classification on graphs, where exchangeability fails, and obtain ' +
      'prediction sets with valid marginal coverage for graph neural networks on citation graphs.',
    keep: 'wrote',
  },
  {
    id: '2402.10002',
    name: 'Reward hacking',
    title: 'Scaling Laws for Reward Model Overoptimization',
    abstract:
      'In reinforcement learning from human feedback, optimizing a learned reward model too hard lowers the true reward. ' +
      'We measure reward model overoptimization across policy sizes and find that the gap between proxy reward and gold ' +
      'reward follows a predictable function of the KL divergence from the initial policy.',
    keep: 'rating',
  },
  {
    id: '2403.10003',
    name: 'Fourier neural operator',
    title: 'Fourier Neural Operators for Parametric Partial Differential Equations',
    abstract:
      'Neural operators learn maps between function spaces. A Fourier neural operator parameterises the integral kernel ' +
      'in Fourier space and learns the solution operator of partial differential equations such as Navier-Stokes, ' +
      'predicting turbulent flow far faster than numerical solvers.',
    keep: 'status',
  },
  {
    id: '2404.10004',
    name: 'Riemannian score models',
    title: 'Riemannian Score-Based Generative Modelling',
    abstract:
      'Score-based generative models learn the score of a noised data distribution and reverse the noising process. ' +
      'We extend score-based generative modelling to compact Riemannian manifolds and Lie groups, with a heat kernel ' +
      'for the forward diffusion, and model data on spheres and rotation groups.',
    keep: 'tag',
  },
  {
    id: '2405.10005',
    name: 'Conservative Q-learning',
    title: 'Conservative Q-Learning for Offline Reinforcement Learning',
    abstract:
      'Offline reinforcement learning learns a policy from a fixed dataset without further interaction. Conservative ' +
      'Q-learning penalises the values of actions outside the behaviour policy, which curbs overestimation and improves ' +
      'off-policy evaluation and control on offline benchmarks.',
    keep: 'wrote-above',
  },
  {
    id: '2406.10006',
    name: 'Speculative sampling',
    title: 'Accelerating Large Language Model Decoding with Speculative Sampling',
    abstract:
      'Speculative sampling lets a small draft model propose several tokens that a large language model then verifies in ' +
      'parallel. With a modified rejection rule the output distribution is unchanged, and decoding runs two to three ' +
      'times faster.',
    keep: 'wrote',
  },
];

/** The note as Paper Feed wrote it (listed in a daily note of 2026-03-02), then kept by the person. */
export function keptNote(paper: KeptPaper): string {
  const written = renderPaperNote(makePaper({ id: paper.id, title: paper.title, abstract: paper.abstract, authors: ['Ada Example'] }), {
    citekey: `kept${paper.id.replace('.', '')}`,
    keywords: [],
    digests: ['2026-03-02'],
  });
  switch (paper.keep) {
    case 'wrote':
      return `${written}Read it twice; the key idea is in section 3.\n`;
    case 'wrote-above':
      return written.replace(BLOCK_START, `> Why I care: my thesis baseline.\n${BLOCK_START}`);
    case 'rating':
      return written.replace('\ntags:\n', '\nrating: 4\ntags:\n');
    case 'status':
      return written.replace('\ntags:\n', '\nstatus: read\ntags:\n');
    case 'tag':
      return written.replace('tags:\n  - paper\n', 'tags:\n  - paper\n  - paper/keep\n');
  }
}

/** Vault path → text of every kept note, under `folder`. */
export function keptNotes(folder = 'Reading'): Record<string, string> {
  return Object.fromEntries(KEPT_PAPERS.map((paper) => [`${folder}/${paper.name}.md`, keptNote(paper)]));
}
