import { describe, expect, it } from 'vitest';
import { libraryFromBib } from '../../core/rank/bibtex-reader';

const BIB = String.raw`
% A Better BibTeX export, trimmed by hand; text outside entries is a comment.
@string{ neurips = "Advances in Neural Information Processing Systems" }
@comment{jabref-meta: databaseType:bibtex; with {braces} inside}
@preamble{ "\newcommand{\noop}[1]{}" }

@inproceedings{chi2023diffusion,
  title     = {Diffusion Policy: {Visuomotor} Policy Learning via Action Diffusion},
  author    = {Chi, Cheng and Feng, Siyuan and Du, Yilun and others},
  booktitle = neurips,
  year      = 2023,
  abstract  = {We represent a robot policy as a conditional
               denoising diffusion process, with $\epsilon$-prediction.},
  date-added = {2024-03-05 10:12:00 +0100},
}

@article{schrodinger1926,
  title = "An Undulatory Theory of the Mechanics of Atoms and Molecules, by Schr{\"o}dinger",
  author = "Schr\"odinger, Erwin",
  journal = "Phys. Rev.",
  date = {1926-12-01},
  abstract = "The paper gives an account of the author's work on a {"}new form{"} of quantum theory." # " Second part.",
}

@book{noabstract, title = {A Book Without Abstract}, author = {Nobody, A.}, year = {2001}}

@misc{company, title = {Report}, author = {{Barnes and Noble} and Ada Lovelace}, abstract = {Sales of books.}, year = {1999}}

@article{broken, title = {Missing closing brace, abstract = {never ends}
`;

describe('libraryFromBib', async () => {
  const items = await libraryFromBib(BIB);

  it('keeps entries with an abstract, in file order, with the citekey as id', () => {
    expect(items.map((item) => item.id)).toEqual(['chi2023diffusion', 'schrodinger1926', 'company']);
  });

  it('reads braced and quoted values, joins "#" pieces and resolves TeX accents in titles', () => {
    expect(items[0]!.title).toBe('Diffusion Policy: Visuomotor Policy Learning via Action Diffusion');
    expect(items[0]!.abstract).toBe('We represent a robot policy as a conditional denoising diffusion process, with $\\epsilon$-prediction.');
    expect(items[1]!.title).toBe('An Undulatory Theory of the Mechanics of Atoms and Molecules, by Schrödinger');
    expect(items[1]!.abstract).toBe('The paper gives an account of the author\'s work on a {"}new form{"} of quantum theory. Second part.');
  });

  it('turns "Family, Given" round, drops "others" and keeps braced corporate names whole', () => {
    expect(items[0]!.authors).toEqual(['Cheng Chi', 'Siyuan Feng', 'Yilun Du']);
    expect(items[1]!.authors).toEqual(['Erwin Schrödinger']);
    expect(items[2]!.authors).toEqual(['Barnes and Noble', 'Ada Lovelace']);
  });

  it('dates an entry by date-added, else its date, else its year', () => {
    expect(items[0]!.addedAt).toBe(Date.UTC(2024, 2, 5));
    expect(items[1]!.addedAt).toBe(Date.UTC(1926, 11, 1));
    expect(items[2]!.addedAt).toBe(Date.UTC(1999, 0, 1));
  });

  it('inherits through crossref, reads nested braces, stacked accents and suffixes', async () => {
    const [item] = await libraryFromBib(String.raw`
@proceedings{conf, booktitle = {Proc. {ICML}}, year = {2024}, abstract = {Shared {\em proceedings} abstract.}}
@inproceedings{nguyen2024, crossref = {conf},
  title = {Sums of {Nguy\~{\^e}n} {{Nested {Braces}}} and {$\left\lbrace x \right.$}},
  author = {Nguy\~{\^e}n, V\u{a}n An and King, Jr., Martin Luther and {ATLAS Collaboration}}}
`);
    expect(item).toEqual({
      id: 'nguyen2024',
      title: 'Sums of Nguyễn Nested Braces and {x.',
      abstract: 'Shared {\\em proceedings} abstract.',
      authors: ['Văn An Nguyễn', 'Martin Luther King, Jr.', 'ATLAS Collaboration'],
      addedAt: Date.UTC(2024, 0, 1),
    });
  });

  it('shows math and TeX symbols in titles as Zotero does: Greek letters, operators, scripts, dashes', async () => {
    const items = await libraryFromBib(String.raw`
@misc{ho, title = {Models for $\mathcal{O}(n \log n)$ and $\alpha$-Stable {L\'evy} Processes in \textit{Practice} --- a {\"U}berblick}, abstract = {A.}}
@misc{erdos, title = {On {Erd\H{o}s}--{R\'enyi} graphs with $10^{6}$ nodes, $\log(x_2)$ \& 50\% density}, abstract = {B.}}
`);
    expect(items.map((item) => item.title)).toEqual([
      'Models for O(n log n) and α-Stable Lévy Processes in Practice — a Überblick',
      'On Erdős–Rényi graphs with 10⁶ nodes, log(x₂) & 50% density',
    ]);
  });

  it('returns nothing for text without entries', async () => {
    expect(await libraryFromBib('just a note, mail me at someone@example.org')).toEqual([]);
  });
});
