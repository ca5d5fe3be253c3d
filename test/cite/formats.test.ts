import { describe, expect, it } from 'vitest';
import { formatCitation } from '../../core/cite/formats';
import { bibtexEntry, escapeLatex, journalYear } from '../../core/cite/bibtex-writer';
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
    expect(formatCitation(paper, 'markdown', ctx)).toBe('[Fast \\[Sparse\\] LLMs: 50% of $\\mathcal{O}(n^2)$ & More](https://arxiv.org/abs/2605.28801)');
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
        '  title         = {Fast [Sparse] {LLMs}: 50\\% of {$\\mathcal{O}(n^2)$} \\& More},',
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
    expect(entry).toContain('  journal       = {Phys. Rev. D},\n  volume        = {100},\n  pages         = {012},\n');
    expect(entry).toContain('  doi           = {10.1103/PhysRevD.100_012},\n');
    expect(entry).toContain('  year          = {2026},\n');
  });

  it('cites a published paper by the year its journal reference names, and only when it names one', () => {
    const published = (journalRef: string) => field(bibtexEntry({ ...makePaper({ published: '2022-06-14' }), journalRef, doi: '10.1/x' }, 'k'), 'year');
    expect(journalYear('Indiana Univ. Math. J. 73 (2024), 1331-1356')).toBe('2024');
    expect(journalYear('ActaAstron.56:1-50,2006')).toBe('2006');
    expect(journalYear('J. Foo 12 (2019), 2001-2015')).toBeUndefined();
    expect(journalYear('Nature 600, 1-5')).toBeUndefined();
    expect(published('Indiana Univ. Math. J. 73 (2024), 1331-1356')).toBe('2024');
    expect(published('J. Foo (2019) 12, 2001-2015')).toBe('2022');
    // Without a journal DOI the entry stays @misc and keeps the year of v1.
    expect(field(bibtexEntry({ ...makePaper({ published: '2022-06-14' }), journalRef: 'Nature 600 (2024)' }, 'k'), 'year')).toBe('2022');
  });

  it('escapes every LaTeX special character', () => {
    expect(escapeLatex('\\ { } & % $ # _ ~ ^')).toBe('\\textbackslash{} $\\lbrace$ $\\rbrace$ \\& \\% \\$ \\# \\_ \\textasciitilde{} \\textasciicircum{}');
  });

  const field = (entry: string, name: string) => new RegExp(`^  ${name} *= \\{(.*)\\},?$`, 'm').exec(entry)?.[1];
  const titleOf = (title: string) => field(bibtexEntry(makePaper({ title }), 'k'), 'title');
  const authorsOf = (...authors: string[]) => field(bibtexEntry(makePaper({ authors }), 'k'), 'author');

  it('never writes a brace that bibtex and biber would count unpaired', () => {
    expect(titleOf('Learning Set-Builder \\{x Notation Without Closing')).toBe('Learning Set-Builder $\\lbrace$x Notation Without Closing');
    expect(titleOf('Bounds on $\\left\\{ x : f(x) > 0 \\right.$ Sets')).toBe('Bounds on {$\\left\\lbrace x : f(x) > 0 \\right.$} Sets');
    expect(titleOf('Broken $x^{2$ Math')).toBe('Broken \\$x\\textasciicircum{}$\\lbrace$2\\$ Math');
    expect(authorsOf('Bob {Smith', 'Carol Jones')).toBe('Bob Smith and Carol Jones');
  });

  it('escapes what would end or break the line LaTeX reads, in text and in math', () => {
    expect(titleOf('50% & #1 of a_b')).toBe('50\\% \\& \\#1 of a\\_b');
    expect(titleOf('Ratio $a % b & c # d$')).toBe('Ratio {$a \\% b \\& c \\# d$}');
    expect(titleOf('Path \\textbackslash{} and \\textasciitilde{} and \\textasciicircum{}')).toBe(
      'Path \\textbackslash{} and \\textasciitilde{} and \\textasciicircum{}',
    );
  });

  it('protects the capitals reference managers protect', () => {
    expect(titleOf('Moment Matching Q-Learning')).toBe('Moment Matching {Q}-Learning');
    expect(titleOf('Who Am I?')).toBe('Who Am {I}?');
    expect(titleOf('Fast C# and C++ Code')).toBe('Fast {C}\\# and {C}++ Code');
    expect(titleOf('Seeing x-Ray Data with k-Means')).toBe('Seeing x-{Ray} Data with k-{Means}');
    expect(titleOf('A Survey of LLMs on iPhone 3D Scenes')).toBe('A Survey of {LLMs} on {iPhone} 3{D} Scenes');
    // pandoc changes the case of a braced group with a digit in it, so only its letters are braced.
    expect(titleOf('GPT4o and INT4 on 1B Models')).toBe('{GPT}4o and {INT}4 on 1{B} Models');
    expect(titleOf('Plan A for Set-Builder Notation')).toBe('Plan {A} for Set-Builder Notation');
    expect(titleOf('Sim-to-Real Transfer in non-English Text')).toBe('Sim-to-Real Transfer in non-{English} Text');
  });

  it('writes suffixes as "King, Jr., Martin Luther" and braces collaborations', () => {
    expect(authorsOf('Martin Luther King Jr.', 'Robert Downey, Jr.', 'John Smith III')).toBe(
      'King, Jr., Martin Luther and Downey, Jr., Robert and Smith, III, John',
    );
    expect(authorsOf('ATLAS Collaboration', 'The LIGO Scientific Collaboration', 'Harish V')).toBe(
      '{ATLAS Collaboration} and {The LIGO Scientific Collaboration} and Harish V',
    );
    expect(authorsOf('Ludwig van Beethoven', 'Barnes and Noble', 'A. B. Smith & Sons')).toBe(
      'Ludwig van Beethoven and {Barnes and Noble} and A. B. Smith \\& Sons',
    );
  });

  it("keeps the math LaTeX knows and spells a paper's own macros so LaTeX can print them", () => {
    expect(titleOf('Decays $\\Bz\\to\\pip\\pim$ in $\\mathbb{Z}^d$ and $\\ket{\\psi}$')).toBe(
      'Decays {$\\mathrm{Bz}\\to\\mathrm{pip}\\mathrm{pim}$} in {$\\mathbb{Z}^d$} and {$\\mathrm{ket}{\\psi}$}',
    );
  });

  it('drops commas a feed left at the ends of a name', () => {
    expect(authorsOf('Robert W. Heath,', 'Sriram Vishwanath')).toBe('Robert W. Heath and Sriram Vishwanath');
  });

  it('writes stacked accents as the letter they make', () => {
    expect(titleOf('Sums of Nguy\\~{\\^e}n')).toBe('Sums of Nguyễn');
  });
});
