// A BibTeX entry for an arXiv paper, in the shape arXiv and the major reference managers use
// (eprint, archivePrefix, primaryClass), with LaTeX's special characters escaped.

import type { Paper } from '../arxiv/paper';
import { parseTex, plainOf, type TexToken } from '../notes/tex';
import { paperYear } from './citekey';

/** @article when the paper has a journal reference and a journal DOI, else @misc. */
export function bibtexEntry(paper: Paper, citekey: string): string {
  const published = Boolean(paper.journalRef && paper.doi);
  const fields: Array<[string, string]> = [
    ['title', bibtexTitle(paper.title)],
    ['author', paper.authors.map((a) => escapeLatex(oneLine(a.name))).join(' and ')],
  ];
  if (published) fields.push(['journal', escapeLatex(oneLine(texToText(paper.journalRef ?? '')))]);
  const year = paperYear(paper);
  if (year) fields.push(['year', year]);
  fields.push(
    ['eprint', paper.id],
    ['archivePrefix', 'arXiv'],
    ['primaryClass', paper.primaryCategory],
    // DOIs and URLs are read verbatim by biblatex, so they are not escaped (only kept brace-safe).
    ['doi', verbatim(paper.doi ?? `10.48550/arXiv.${paper.id}`)],
    ['url', verbatim(paper.absUrl)],
  );
  const width = Math.max(...fields.map(([name]) => name.length));
  const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = {${value}}`).join(',\n');
  return `@${published ? 'article' : 'misc'}{${citekey},\n${body}\n}`;
}

/** LaTeX's special characters as commands that print them. */
export function escapeLatex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) => LATEX_ESCAPES[c]!);
}

const LATEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '&': '\\&', '%': '\\%', $: '\\$', '#': '\\#',
  _: '\\_', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
};

/**
 * The title with math kept as written and everything else escaped; words with capitals after
 * their first letter (LLMs, BERT, iPhone) are braced so bibliography styles keep their case.
 */
function bibtexTitle(title: string): string {
  return titleParts(parseTex(oneLine(title))).join('');
}

function titleParts(tokens: readonly TexToken[]): string[] {
  return tokens.flatMap((token) => {
    if (token.kind === 'math') return [`$${token.tex}$`];
    if (token.kind === 'styled') return titleParts(token.children);
    if (token.kind === 'url' && token.label) return titleParts(token.label);
    return [protectCapitals(escapeLatex(plainOf([token])))];
  });
}

function protectCapitals(escaped: string): string {
  return escaped.replace(/[\p{L}\p{N}']*\p{L}[\p{L}\p{N}']*/gu, (word) =>
    /^.[\s\S]*\p{Lu}/u.test(word) ? `{${word}}` : word,
  );
}

function texToText(text: string): string {
  return plainOf(parseTex(text));
}

function verbatim(text: string): string {
  return oneLine(text).replace(/[{}]/g, '');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
