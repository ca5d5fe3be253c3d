import { describe, expect, it } from 'vitest';
import { formatCitation } from '../../core/cite/formats';
import { bibtexEntry, escapeLatex } from '../../core/cite/bibtex';
import { makePaper } from '../support/papers';

const paper = makePaper({
  id: '2605.28801',
  version: 2,
  title: 'Fast [Sparse] LLMs: 50\\% of $\\mathcal{O}(n^2)$ & More',
  authors: ['Wei Feng', 'Jonas Müller'],
  primaryCategory: 'cs.LG',
  categories: ['cs.LG', 'cs.DC'],
  published: '2026-05-27',
});

describe('formatCitation', () => {
  const ctx = { citekey: 'feng2026fast', noteName: 'arXiv/Papers/Fast Sparse LLMs' };

  it('writes Pandoc, wikilink, Markdown link and arXiv forms', () => {
    expect(formatCitation(paper, 'pandoc', ctx)).toBe('[@feng2026fast]');
    expect(formatCitation(paper, 'wikilink', ctx)).toBe('[[arXiv/Papers/Fast Sparse LLMs]]');
    expect(formatCitation(paper, 'arxiv', ctx)).toBe('arXiv:2605.28801');
    expect(formatCitation(paper, 'markdown', ctx)).toBe(
      '[Fast \\[Sparse\\] LLMs: 50% of $\\mathcal{O}(n^2)$ & More](https://arxiv.org/abs/2605.28801)',
    );
  });

  it('falls back to a Markdown link when the paper has no note', () => {
    expect(formatCitation(paper, 'wikilink', { citekey: 'k' })).toBe(formatCitation(paper, 'markdown', { citekey: 'k' }));
  });

  it('gives the BibTeX entry on request', () => {
    expect(formatCitation(paper, 'bibtex', ctx)).toBe(bibtexEntry(paper, 'feng2026fast'));
  });
});

describe('bibtexEntry', () => {
  it('writes an arXiv @misc entry with escaped text, math kept and capitals protected', () => {
    expect(bibtexEntry(paper, 'feng2026fast')).toBe(
      [
        '@misc{feng2026fast,',
        '  title         = {Fast [Sparse] {LLMs}: 50\\% of $\\mathcal{O}(n^2)$ \\& More},',
        '  author        = {Wei Feng and Jonas Müller},',
        '  year          = {2026},',
        '  eprint        = {2605.28801},',
        '  archivePrefix = {arXiv},',
        '  primaryClass  = {cs.LG},',
        '  doi           = {10.48550/arXiv.2605.28801},',
        '  url           = {https://arxiv.org/abs/2605.28801}',
        '}',
      ].join('\n'),
    );
  });

  it('writes @article with the journal DOI when the paper is published', () => {
    const entry = bibtexEntry({ ...paper, journalRef: 'Phys. Rev. D 100, 012 (2026)', doi: '10.1103/PhysRevD.100_012' }, 'k');
    expect(entry.startsWith('@article{k,\n')).toBe(true);
    expect(entry).toContain('  journal       = {Phys. Rev. D 100, 012 (2026)},\n');
    expect(entry).toContain('  doi           = {10.1103/PhysRevD.100_012},\n');
  });

  it('escapes every LaTeX special character', () => {
    expect(escapeLatex('\\ { } & % $ # _ ~ ^')).toBe('\\textbackslash{} \\{ \\} \\& \\% \\$ \\# \\_ \\textasciitilde{} \\textasciicircum{}');
  });
});
