// Test Papers and Announcements: a factory with sensible defaults and a realistic invented
// announcement of ten papers (math, accents, a cross-list, replacements, shared titles).

import type { Announcement, Author, Paper } from '../../core/arxiv/paper';

type PaperInput = Partial<Omit<Paper, 'authors'>> & { authors?: Array<Author | string> };

/** A paper with every required field filled; `id` drives the URLs unless they are given. */
export function makePaper(input: PaperInput = {}): Paper {
  const id = input.id ?? '2605.10001';
  const version = input.version ?? 1;
  const categories = input.categories ?? [input.primaryCategory ?? 'cs.LG'];
  const paper: Paper = {
    id,
    version,
    title: input.title ?? 'A Study of Things',
    authors: (input.authors ?? ['Ada Lovelace']).map((a) => (typeof a === 'string' ? { name: a, affiliations: [] } : a)),
    abstract: input.abstract ?? 'We study things.',
    categories,
    primaryCategory: input.primaryCategory ?? categories[0]!,
    absUrl: input.absUrl ?? `https://arxiv.org/abs/${id}`,
    pdfUrl: input.pdfUrl ?? `https://arxiv.org/pdf/${id}v${version}`,
  };
  for (const key of ['announceType', 'published', 'updated', 'comment', 'journalRef', 'doi', 'license'] as const) {
    if (input[key] !== undefined) (paper as unknown as Record<string, unknown>)[key] = input[key];
  }
  if (input.announceType === undefined) paper.announceType = 'new';
  return paper;
}

export function makeAnnouncement(papers: Paper[], input: Partial<Omit<Announcement, 'papers'>> = {}): Announcement {
  return {
    date: input.date ?? '2026-05-29',
    announcedAt: input.announcedAt ?? '2026-05-28T20:00:00-04:00',
    categories: input.categories ?? ['cs.LG', 'cs.CL'],
    papers,
    skipped: input.skipped ?? [],
  };
}

/** Ten papers as a Friday listing might bring them. */
export function sampleAnnouncement(): Announcement {
  const papers = [
    makePaper({
      id: '2605.28801',
      title: 'Micro-Batch Scheduling for Large Language Model Training at Scale',
      authors: ['Wei Feng', 'Maria Gómez', 'Jonas Müller', 'Priya Raman', 'Tomás Ortega'],
      abstract:
        'Training large language models (LLMs) on thousands of accelerators wastes up to 30% of compute in pipeline bubbles. We propose \\textbf{MicroSched}, a scheduler that reorders micro-batches so that bubbles shrink by a factor of $\\mathcal{O}(\\sqrt{p})$ for $p$ pipeline stages.\n\nOn a 70B model, MicroSched improves throughput by 18\\% without changing the loss curve. Code: \\url{https://github.com/example/microsched}.',
      categories: ['cs.LG', 'cs.DC'],
      published: '2026-05-27',
      updated: '2026-05-27',
      comment: '14 pages, 6 figures',
    }),
    makePaper({
      id: '2605.28815',
      title: 'Policy Optimization with Verifiable Rewards: A Study of RLHF Failure Modes',
      authors: ['Élodie Martin', 'Kenji Watanabe', "Sam O'Neil"],
      abstract:
        "Reinforcement learning from human feedback (RLHF) can reward-hack. We catalogue #five failure modes, show that reward models trained with $\\beta < 0.1$ overfit, and give a fix based on verifiable rewards. Results hold for the ``helpful'' and ``harmless'' splits.",
      categories: ['cs.LG', 'cs.AI', 'cs.CL'],
      published: '2026-05-27',
      updated: '2026-05-27',
    }),
    makePaper({
      id: '2605.28822',
      title: 'Flow Matching on Riemannian Manifolds: Theory and Practice',
      authors: ['Hannah Schmidt', 'Luca Rossi'],
      abstract:
        'We extend flow matching to Riemannian manifolds $\\mathcal{M}$ with a simulation-free objective. Our bound $W_2(p_t, q_t) \\le e^{Lt}\\epsilon$ is tight.',
      categories: ['stat.ML', 'cs.LG'],
      published: '2026-05-26',
      updated: '2026-05-26',
      comment: 'Accepted at ICML 2026',
    }),
    makePaper({
      id: '2605.28830',
      title: 'Diffusion Models Are Secretly Energy-Based Language Models',
      authors: ['Grace Hopper', 'Alan Turing', 'Barbara Liskov', 'Donald Knuth', 'Edsger Dijkstra', 'Frances Allen'],
      abstract:
        'We show that discrete diffusion models define an energy over sequences, and that a language model trained with score-based objectives recovers it. See Section 3 for the <proof> and [[links]] that are not links.',
      categories: ['cs.CL', 'cs.LG'],
      announceType: 'cross',
      published: '2026-05-20',
      updated: '2026-05-20',
    }),
    makePaper({
      id: '2605.28844',
      title: 'Sparse Autoencoders Find Interpretable Features in Protein Models',
      authors: ['Lin Zhao', 'Ana Lucía Fernández'],
      abstract: 'Sparse autoencoders (SAEs) trained on protein language model activations recover secondary-structure features.',
      categories: ['q-bio.BM', 'cs.LG'],
      published: '2026-05-27',
      updated: '2026-05-27',
    }),
    makePaper({
      id: '2605.28851',
      title: 'Benchmarking Tabular Foundation Models',
      authors: ['Olu Adeyemi'],
      abstract: 'A benchmark of 120 tabular datasets.',
      categories: ['cs.LG'],
      published: '2026-05-27',
      updated: '2026-05-27',
    }),
    makePaper({
      id: '2605.28860',
      title: 'Attention Is Still All You Need',
      authors: ['Noam Shazeer Jr.'],
      abstract: 'We revisit attention for language model pretraining --- and find it holds up.',
      categories: ['cs.CL'],
      published: '2026-05-27',
      updated: '2026-05-27',
    }),
    makePaper({
      id: '2605.28861',
      title: 'Attention Is Still All You Need',
      authors: ['Ashish Vaswani'],
      abstract: 'A second paper with the same title, about attention in large language models for vision.',
      categories: ['cs.CV', 'cs.CL'],
      published: '2026-05-27',
      updated: '2026-05-27',
    }),
    makePaper({
      id: '2604.11111',
      version: 3,
      title: 'Scaling Laws for Reinforcement Learning from Human Feedback',
      authors: ['Iris Chen', 'Omar Haddad'],
      abstract: 'Updated scaling laws for RLHF reward models (v3: new experiments).',
      categories: ['cs.LG'],
      announceType: 'replace',
      published: '2026-04-10',
      updated: '2026-05-27',
      journalRef: 'Journal of Machine Learning Research 27 (2026) 1-40',
      doi: '10.5555/jmlr.2026.0042',
    }),
    makePaper({
      id: '2603.22222',
      version: 2,
      title: 'An Unrelated Replacement',
      authors: ['Nobody Known'],
      abstract: 'Replacement of a paper without a note.',
      categories: ['cs.LG'],
      announceType: 'replace',
      published: '2026-03-10',
      updated: '2026-05-27',
    }),
  ];
  return makeAnnouncement(papers, { categories: ['cs.LG', 'cs.CL', 'stat.ML'] });
}
