// What a LaTeX source says about its project (root file, inputs, bibliography), read from text
// alone: the rules LaTeX, BibTeX, biblatex and LaTeX Workshop follow.
import { describe, expect, it } from 'vitest';
import {
  isRootFile,
  loadedPackages,
  magicRoot,
  namedBibliographies,
  subfilesRoot,
  texInputs,
  withoutComments,
} from '../../vscode-extension/src/bibliography/latex-source';
import { latexCompletionSite } from '../../vscode-extension/src/citations/completion';
import { commandsFor, latexCitation } from '../../vscode-extension/src/shared/latex-citation';

describe('comments', () => {
  it('blanks every comment and keeps escaped percent signs and line breaks', () => {
    expect(withoutComments('a % note\n% whole line\n50\\% off\nend\\\\% comment after a line break\n\\\\\\% kept')).toBe(
      'a \n\n50\\% off\nend\\\\\n\\\\\\% kept',
    );
  });
});

describe('the root file', () => {
  it('reads the magic comment in the forms editors write', () => {
    expect(magicRoot('% !TEX root = ../main.tex\n\\section{A}')).toBe('../main.tex');
    expect(magicRoot('%!TeX root=thesis.tex')).toBe('thesis.tex');
    expect(magicRoot('\\section{A}\n  % !tex root = My Thesis/main.tex  \n')).toBe('My Thesis/main.tex');
    expect(magicRoot('% TEX root = main.tex')).toBeUndefined();
    expect(magicRoot('text % !TEX root = main.tex')).toBeUndefined();
  });

  it('reads the main file of a subfiles child, adding .tex', () => {
    expect(subfilesRoot('\\documentclass[../main]{subfiles}\n\\begin{document}')).toBe('../main.tex');
    expect(subfilesRoot('% \\documentclass[../main]{subfiles}\n\\section{A}')).toBeUndefined();
    expect(subfilesRoot('\\documentclass[a4paper]{article}')).toBeUndefined();
  });

  it('counts a file with \\documentclass or \\begin{document} as a root, unless only a comment has one', () => {
    expect(isRootFile('\\documentclass{article}')).toBe(true);
    expect(isRootFile('\\begin {document}')).toBe(true);
    expect(isRootFile('% \\documentclass{article}\n\\section{Intro}')).toBe(false);
  });
});

describe('inputs', () => {
  it('lists \\input, \\include, \\subfile and \\import files with the names TeX tries', () => {
    const text = [
      '\\input{chapters/intro}',
      '\\include{chapters/method}',
      '\\input{tables/results.tikz}',
      '% \\input{old}',
      '\\subfile{appendix.tex}',
      '\\import{parts/}{one}',
      '\\subimport*{two/}{two.tex}',
      '\\includegraphics{figure}',
    ].join('\n');
    expect(texInputs(text)).toEqual([
      { candidates: ['chapters/intro.tex', 'chapters/intro'], relativeToFile: false },
      { candidates: ['chapters/method.tex'], relativeToFile: false },
      { candidates: ['tables/results.tikz.tex', 'tables/results.tikz'], relativeToFile: false },
      { candidates: ['appendix.tex'], relativeToFile: false },
      { candidates: ['one.tex', 'one'], folder: 'parts/', relativeToFile: false },
      { candidates: ['two.tex'], folder: 'two/', relativeToFile: true },
    ]);
  });
});

describe('named bibliographies', () => {
  it('splits \\bibliography lists and adds .bib where BibTeX adds it', () => {
    expect(namedBibliographies('\\bibliography{refs, ../shared/more,extra.bib}')).toEqual([
      { path: 'refs.bib', command: 'bibliography' },
      { path: '../shared/more.bib', command: 'bibliography' },
      { path: 'extra.bib', command: 'bibliography' },
    ]);
  });

  it('reads biblatex resources as named, skipping remote ones, and ignores commented-out lines', () => {
    const text = [
      '% \\addbibresource{old.bib}',
      '\\addbibresource[location=remote]{https://example.org/refs.bib}',
      '\\addbibresource[label=main]{refs.bib}',
      '\\addglobalbib{global.bib} % \\bibliography{never}',
      '\\addbibresource{refs.bib}',
    ].join('\n');
    expect(namedBibliographies(text)).toEqual([
      { path: 'refs.bib', command: 'addbibresource' },
      { path: 'global.bib', command: 'addglobalbib' },
    ]);
  });

  it('finds nothing in a document that names no bibliography', () => {
    expect(namedBibliographies('\\documentclass{article}\n\\bibliographystyle{plain}\n')).toEqual([]);
  });

  it('lists the packages loaded, options and comma lists included', () => {
    expect(loadedPackages('\\usepackage[round]{natbib}\n\\usepackage{amsmath, graphicx}\n% \\usepackage{biblatex}')).toEqual(['natbib', 'amsmath', 'graphicx']);
  });
});

describe('citation commands', () => {
  it('puts all keys in one command, comma-separated as LaTeX takes them', () => {
    expect(latexCitation('citep', ['a2026x', 'b2025y'])).toBe('\\citep{a2026x,b2025y}');
  });

  it('offers biblatex commands with biblatex and natbib ones otherwise', () => {
    expect(commandsFor(['biblatex'])).toEqual(['cite', 'parencite', 'textcite', 'autocite']);
    expect(commandsFor(['natbib'])).toEqual(['cite', 'citep', 'citet']);
    expect(commandsFor([])).toEqual(['cite', 'citep', 'citet']);
  });
});

describe('where a key completes in LaTeX', () => {
  it('is inside the braces of any citation command, after the last comma', () => {
    expect(latexCompletionSite('see \\cite{')).toEqual({ kind: 'latex', start: 10 });
    expect(latexCompletionSite('\\citep{okafor2026sparse, nw')).toEqual({ kind: 'latex', start: 25 });
    expect(latexCompletionSite('\\parencite[see][12]{ok')).toEqual({ kind: 'latex', start: 20 });
    expect(latexCompletionSite('\\textcite*{')).toEqual({ kind: 'latex', start: 11 });
    expect(latexCompletionSite('\\citet {a,')).toEqual({ kind: 'latex', start: 10 });
  });

  it('is nowhere else', () => {
    expect(latexCompletionSite('\\cite{a} and {')).toBeUndefined();
    expect(latexCompletionSite('\\section{')).toBeUndefined();
    expect(latexCompletionSite('@')).toBeUndefined();
  });
});
