// Small, realistic papers for enrichment tests (the fields enrichment reads, the rest filled in).
import type { Paper } from '../../core/arxiv/paper';
import type { EnrichSettings } from '../../core/enrich/settings';
import { makePaper } from '../support/papers';

const TOPICS = [
  'Sparse Attention for Long Context Language Models',
  'Diffusion Policies for Robot Manipulation',
  'Scaling Laws for Reward Model Overoptimization',
  'Retrieval Augmented Generation with Verified Citations',
  'Flow Matching for Protein Structure Generation',
  'Efficient Fine-Tuning with Low-Rank Adapters',
  'Calibrated Uncertainty in Vision Transformers',
  'Curriculum Learning for Mathematical Reasoning',
  'Speculative Decoding with Draft Trees',
  'Graph Neural Networks for Weather Forecasting',
  'Preference Optimization without a Reference Model',
  'Multilingual Evaluation of Instruction Following',
];

export function samplePapers(count: number): Paper[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `2605.${String(28800 + i).padStart(5, '0')}`;
    const title = TOPICS[i % TOPICS.length]!;
    const abstract = `We study ${title.toLowerCase()}. Our method improves accuracy on three benchmarks while using less compute, and we release code and data.`;
    return makePaper({ id, title, authors: ['Ada Lovelace'], abstract, categories: ['cs.LG'] });
  });
}

export function settingsFor(baseUrl: string, overrides: Partial<EnrichSettings> = {}): EnrichSettings {
  return {
    enabled: true,
    baseUrl,
    model: 'qwen2.5:7b',
    targetLanguage: 'zh-CN',
    produce: { title: true, abstract: true, tldr: false },
    tldrLanguage: 'target',
    budget: 100,
    concurrency: 2,
    timeoutMs: 10_000,
    ...overrides,
  };
}
