// Small, readable announcements for the VS Code tests: a latest listing whose papers hit the
// default keyword groups in known ways, and an earlier one.
import type { Announcement, Paper } from '../../../core/arxiv/paper';
import { makePaper } from '../../support/papers';

export function paper(id: string, title: string, authors: string[], abstract: string, extra: Partial<Paper> = {}): Paper {
  return makePaper({ id, title, authors, abstract, categories: ['cs.CL'], published: '2026-05-28', ...extra });
}

export const sparseAttention = paper(
  '2605.20001',
  'Sparse Attention Budgets',
  ['Mira Okafor', 'Tobias Lindqvist'],
  'We give each head of a large language model a fixed budget of positions.',
);
export const consistency = paper(
  '2605.20002',
  'Consistency Distillation for Few-Step Samplers',
  ['Lucia Ferrer', 'Daniel Brandt'],
  'We distil a pretrained diffusion model into a sampler that needs four steps.',
  { categories: ['cs.LG'] },
);
export const byteModels = paper(
  '2605.20003',
  'Byte Models for Low-Resource Scripts',
  ['Amara Nwosu'],
  'A byte-level language model matches a subword baseline on six languages.',
);
export const rewardShaping = paper(
  '2605.20004',
  'Reward Shaping with Generative Priors',
  ['Kenji Watanabe', 'Sofia Rossi', 'Lena Park'],
  'Reinforcement learning agents explore better when a diffusion model proposes subgoals.',
  { categories: ['cs.LG', 'cs.AI'], announceType: 'cross' },
);
export const graphColoring = paper('2605.20005', 'Bounds on Graph Coloring', ['Ada Byron'], 'We bound the chromatic number of sparse graphs.', {
  categories: ['math.CO'],
});
export const revisedPaper = paper('2604.10009', 'Scaling Laws Revisited', ['Noor Haddad'], 'A second version with corrected scaling fits.', {
  version: 2,
  announceType: 'replace',
  published: '2026-04-10',
});
export const earlierPaper = paper(
  '2605.19001',
  'Prompting a Language Model for Proofs',
  ['Ivan Petrov', 'Mei Lin'],
  'We prompt a language model to write proofs.',
  {
    published: '2026-05-27',
  },
);

export const latest: Announcement = {
  date: '2026-05-29',
  announcedAt: '2026-05-28T20:00:00-04:00',
  categories: ['cs.CL', 'cs.LG'],
  papers: [sparseAttention, consistency, byteModels, rewardShaping, graphColoring, revisedPaper],
  skipped: [],
};

export const earlier: Announcement = {
  date: '2026-05-28',
  announcedAt: '2026-05-27T20:00:00-04:00',
  categories: ['cs.CL', 'cs.LG'],
  papers: [earlierPaper],
  skipped: [],
};

/** A paper note as the Obsidian plugin writes it (just the keys the extension reads). */
export function paperNote(id: string, extra: Record<string, string | number> = {}): string {
  const lines = Object.entries({ arxiv_id: id, ...extra }).map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : v}`);
  return `---\n${lines.join('\n')}\ntags:\n  - paper\n---\n\n# A note\n`;
}
