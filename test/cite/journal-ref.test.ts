// A journal reference is split into BibTeX's parts only where it reads one way. The
// table holds every journal_ref in the recorded arXiv responses (../shared/arxiv-samples, read in
// place) and the common shapes journals use, plus tricky ones that must stay whole.
import { describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readJournalRef, type PublishedIn } from '../../core/cite/journal-ref';
import { bibtexEntry } from '../../core/cite/bibtex-writer';
import { parseApiFeed } from '../../core/arxiv/api';
import { SAMPLES_DIR, sample } from '../arxiv/fixtures';
import { makePaper } from '../support/papers';

const journal = (j: string, volume: string, pages: string | undefined, year: string, number?: string): PublishedIn => ({
  kind: 'journal',
  journal: j,
  volume,
  ...(number ? { number } : {}),
  ...(pages ? { pages } : {}),
  year,
});

/** Every journal_ref in the recorded samples, and what it must read as (undefined: kept whole). */
const RECORDED: Record<string, PublishedIn | undefined> = {
  'Phys. Rev. B 74, 024520 (2006)': journal('Phys. Rev. B', '74', '024520', '2006'),
  'Phys. Rev. B 74, 214517 (2006)': journal('Phys. Rev. B', '74', '214517', '2006'),
  'Phys. Rev. B 76, 064418 (2007)': journal('Phys. Rev. B', '76', '064418', '2007'),
  'Phys. Rev. B 85, 115117 (2012)': journal('Phys. Rev. B', '85', '115117', '2012'),
  'Phys. Rev. B 89, 224502 (2014)': journal('Phys. Rev. B', '89', '224502', '2014'),
  'Phys. Rev. B 91, 184507 (2015)': journal('Phys. Rev. B', '91', '184507', '2015'),
  'Physical Review B 88, 064512 (2013)': journal('Physical Review B', '88', '064512', '2013'),
  'Phys. Rev. D 103, 096005 (2021)': journal('Phys. Rev. D', '103', '096005', '2021'),
  'Phys. Rev. Lett. 106, 105303 (2011)': journal('Phys. Rev. Lett.', '106', '105303', '2011'),
  'Physical Review B 71, 184511 (2005)': journal('Physical Review B', '71', '184511', '2005'),
  'The Journal of Chemical Physics 147, 114113 (2017)': journal('The Journal of Chemical Physics', '147', '114113', '2017'),
  'Annals of Physics 324, 523 (2009).': journal('Annals of Physics', '324', '523', '2009'),
  'Int. J. Mod. Phys. B, 26, 1244002 (2012)': journal('Int. J. Mod. Phys. B', '26', '1244002', '2012'),
  'Indiana Univ. Math. J. 73 (2024), 1331-1356': journal('Indiana Univ. Math. J.', '73', '1331--1356', '2024'),
  'Math. Ann. 344 (2009), 213-248.': journal('Math. Ann.', '344', '213--248', '2009'),
  'Nonlinearity 23 (2010) 2457-2481': journal('Nonlinearity', '23', '2457--2481', '2010'),
  'Phys.Rev.A 88 (2013) 062514': journal('Phys.Rev.A', '88', '062514', '2013'),
  'Journal of Differential Equations 261 (2016) pp. 1203-1236': journal('Journal of Differential Equations', '261', '1203--1236', '2016'),
  'Journal of Mathematical Physics 51(2010)103506': journal('Journal of Mathematical Physics', '51', '103506', '2010'),
  'Astrophysics and Space Science 305(2006)289-296': journal('Astrophysics and Space Science', '305', '289--296', '2006'),
  'ActaAstron.56:1-50,2006': journal('ActaAstron.', '56', '1--50', '2006'),
  'AIPConf.Proc.1017:10-17,2008': journal('AIPConf.Proc.', '1017', '10--17', '2008'),
  'Lect.Notes Phys.562:195-212,2001': journal('Lect.Notes Phys.', '562', '195--212', '2001'),
  'Applied and Computational Harmonic Analysis, Volume 36, Issue 1, January 2014, Pages 79-107': journal(
    'Applied and Computational Harmonic Analysis',
    '36',
    '79--107',
    '2014',
    '1',
  ),
  'Applied and Computational Harmonic Analysis, Volume 45, Issue 3, November 2018, Pages 709-728': journal(
    'Applied and Computational Harmonic Analysis',
    '45',
    '709--728',
    '2018',
    '3',
  ),
  'The ANZIAM Journal, Volume 63, Issue 3, July 2021, pp. 333--341': journal('The ANZIAM Journal', '63', '333--341', '2021', '3'),
  'Proc. 2023 IEEE International Conference on Software Testing, Verification and Validation Workshops (ICSTW), pp. 66-69': {
    kind: 'proceedings',
    booktitle: 'Proc. 2023 IEEE International Conference on Software Testing, Verification and Validation Workshops (ICSTW)',
    pages: '66--69',
    year: '2023',
  },
  // Kept whole: a series letter glued to the volume, an article number with a suffix, a number of unclear role, a title with commas, no volume.
  'Phys.Lett.B573:94-100,2003': undefined,
  'Eur.Phys.J. C31 (2003) 17-29': undefined,
  'Physical Review B 82, 060515(R) (2010)': undefined,
  'Eur. Phys. J. A, 48 11 (2012) 151': undefined,
  'Software Testing, Verification and Reliability, 35(2):e1914, 2025': undefined,
  'Software Testing, Verification & Reliability 2021': undefined,
  'IEEE Transactions on Information Theory ( Volume: 65 , Issue: 4 , April 2019 )': undefined,
  'International Journal of Software Engineering & Applications (IJSEA), Vol.3, No.1, January 2012': undefined,
  'CERN Yellow Report CERN-2013-002, pp.237-240': undefined,
  'Formal Methods and Testing, Springer-Verlag (Ed.) (2008) 209-239': undefined,
  'In Proc. ACM SIGSOFT International Symposium on Software Testing and Analysis (ISSTA 2020), pages 14-26. ACM, 2020': undefined,
  'InProceedings of the 31st ACM SIGSOFT International Symposium on Software Testing and Analysis 2022 Jul 18 (pp. 289-301)': undefined,
  '2020 IEEE International Conference On Artificial Intelligence Testing (AITest)': undefined,
  '2021 IEEE International Conference on Artificial Intelligence Testing (AITest)': undefined,
  '2022 IEEE International Conference On Artificial Intelligence Testing (AITest), 2022, pp. 26-33': undefined,
  '2022 IEEE International Conference on Cloud Engineering (IC2E 2022)': undefined,
  '2023 IEEE International Conference on Software Testing, Verification and Validation Workshops (ICSTW)': undefined,
  '2025 IEEE International Conference on Software Testing, Verification and Validation Workshops (ICSTW)': undefined,
  'Artificial Intelligence in Software Testing @ 2022 IEEE International Conference on Software Testing, Verification and Validation Workshops (ICSTW)':
    undefined,
  'SBES 2025 39th Brazilian Symposium on Software Engineering': undefined,
  'Li, Y., Xia, G., Lotov, K. V., Sosedkin, A. P., Hanahoe, K., & Mete-Apsimon, O. (2017). High-quality electron beam generation in a proton-driven hollow plasma wakefield accelerator. Physical Review Accelerators and Beams, 20(10), 101301':
    undefined,
};

/** The shapes, and tricky ones. */
const MORE: Record<string, PublishedIn | undefined> = {
  'Phys. Rev. D 108, 034512 (2023)': journal('Phys. Rev. D', '108', '034512', '2023'),
  'JHEP 05 (2024) 123': journal('JHEP', '05', '123', '2024'),
  'Nature 612, 45-50 (2022)': journal('Nature', '612', '45--50', '2022'),
  'Astrophys. J. 950:12, 2023': journal('Astrophys. J.', '950', '12', '2023'),
  'Proceedings of ICML 2024': { kind: 'proceedings', booktitle: 'Proceedings of ICML 2024', year: '2024' },
  'J. Chem. Phys. 147(11), 114113 (2017)': journal('J. Chem. Phys.', '147', '114113', '2017', '11'),
  'Astrophys. J. Lett. 900, L12 (2020)': journal('Astrophys. J. Lett.', '900', 'L12', '2020'),
  'Nature 612, 45–50 (2022)': journal('Nature', '612', '45--50', '2022'),
  // A range that runs backwards is not a page range; one letter is not a journal; no year, no split.
  'Nature 612, 50-45 (2022)': undefined,
  'B 12, 34 (2020)': undefined,
  'Nature 612, 45-50': undefined,
  'Proceedings of the 40th ICML 2023': undefined,
  'Proceedings of ICML': undefined,
  'Phys. Rev. D 108, 034512 (2023); Erratum: Phys. Rev. D 109, 019901 (2024)': undefined,
  'Phys. Rev. D 108 (2023) 034512, 2023': undefined,
  'accepted in Phys. Rev. D': undefined,
  '': undefined,
};

function recordedRefs(): Set<string> {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? files(full) : name.endsWith('.xml') ? [relative(SAMPLES_DIR, full)] : [];
    });
  const refs = new Set<string>();
  for (const file of files(SAMPLES_DIR)) {
    for (const m of sample(file).matchAll(/<arxiv:journal_ref[^>]*>([^<]*)<\/arxiv:journal_ref>/g)) {
      refs.add(m[1]!.replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim());
    }
  }
  return refs;
}

describe('reading a journal reference', () => {
  it('covers every journal_ref in the recorded arXiv responses', () => {
    expect([...recordedRefs()].filter((ref) => !(ref in RECORDED))).toEqual([]);
  });

  it.each(Object.entries({ ...RECORDED, ...MORE }))('%s', (ref, expected) => {
    expect(readJournalRef(ref)).toEqual(expected);
  });
});

describe('the BibTeX of a published paper', () => {
  const paper = makePaper({ id: '2305.01234', title: 'Lattice QCD at Finite Density', authors: ['Ada Lovelace'], published: '2023-05-02' });
  const entryFor = (journalRef: string) => bibtexEntry({ ...paper, journalRef, doi: '10.1103/PhysRevD.108.034512' }, 'lovelace2023lattice');

  it('writes the parts when the reference reads one way', () => {
    expect(entryFor('Phys. Rev. D 108, 034512 (2023)')).toBe(
      [
        '@article{lovelace2023lattice,',
        '  title         = {Lattice {QCD} at Finite Density},',
        '  author        = {Ada Lovelace},',
        '  journal       = {Phys. Rev. D},',
        '  volume        = {108},',
        '  pages         = {034512},',
        '  year          = {2023},',
        '  eprint        = {2305.01234},',
        '  archivePrefix = {arXiv},',
        '  primaryClass  = {cs.LG},',
        '  doi           = {10.1103/PhysRevD.108.034512},',
        '  url           = {https://arxiv.org/abs/2305.01234}',
        '}',
      ].join('\n'),
    );
    expect(entryFor('Applied and Computational Harmonic Analysis, Volume 36, Issue 1, January 2014, Pages 79-107')).toContain(
      '  journal       = {Applied and Computational Harmonic Analysis},\n  volume        = {36},\n  number        = {1},\n  pages         = {79--107},\n  year          = {2014},\n',
    );
  });

  it('writes a proceedings as @inproceedings with its booktitle', () => {
    const entry = entryFor('Proceedings of ICML 2024');
    expect(entry.startsWith('@inproceedings{lovelace2023lattice,\n')).toBe(true);
    expect(entry).toContain('  booktitle     = {Proceedings of ICML 2024},\n  year          = {2024},\n');
    expect(entry).not.toContain('journal');
  });

  it('keeps any other reference whole in journal, escaped, with the year only when it names one', () => {
    const entry = entryFor('Software Testing, Verification & Reliability 2021');
    expect(entry).toContain('  journal       = {Software Testing, Verification \\& Reliability 2021},\n  year          = {2021},\n');
    expect(entry).not.toMatch(/volume|pages|number/);
    expect(entryFor('Phys.Lett.B573:94-100,2003')).toContain('  journal       = {Phys.Lett.B573:94-100,2003},\n  year          = {2003},\n');
  });

  it('reads the recorded published paper (2206.06921) into journal, volume, pages and year', () => {
    const published = parseApiFeed(sample('api/current/rsxiv_id_2206.06921.xml')).papers[0]!;
    expect(bibtexEntry(published, 'k')).toContain(
      '  journal       = {Indiana Univ. Math. J.},\n  volume        = {73},\n  pages         = {1331--1356},\n  year          = {2024},\n',
    );
  });
});
