// A BibTeX entry for an arXiv paper, in the shape arXiv and the major reference managers use
// (eprint, archivePrefix, primaryClass), that bibtex, biber, biblatex and pandoc all read: every
// field brace-balanced, LaTeX's special characters escaped, capitals protected as Zotero and
// Better BibTeX protect them, and names in the "Last, Jr., First" form when they have a suffix.

import type { Paper } from '../arxiv/paper';
import { parseTex, plainOf, type TexToken } from '../text/tex-tokens';
import { paperYear } from './citekey';
import { readJournalRef } from './journal-ref';
import { KNOWN_MATH_COMMANDS } from './math-commands';
import { isCorporateName, nameParts } from './names';

/**
 * @article (or @inproceedings for "Proceedings of …") when the paper has a journal reference and a
 * journal DOI, else @misc. A reference that reads only one way (core/cite/journal-ref.ts) is
 * written as its parts, journal, volume, number, pages and year; any other is kept whole in
 * `journal`, as arXiv gave it.
 */
export function bibtexEntry(paper: Paper, citekey: string): string {
  const published = Boolean(paper.journalRef && paper.doi);
  const fields: Array<[string, string]> = [
    ['title', bibtexTitle(paper.title)],
    ['author', paper.authors.map((a) => bibtexName(a.name)).join(' and ')],
  ];
  const reference = published ? oneLine(plainOf(parseTex(paper.journalRef ?? ''))) : '';
  const parts = published ? readJournalRef(reference) : undefined;
  if (parts?.kind === 'journal') {
    fields.push(['journal', escapeLatex(parts.journal)], ['volume', parts.volume]);
    if (parts.number) fields.push(['number', parts.number]);
  } else if (parts?.kind === 'proceedings') {
    fields.push(['booktitle', escapeLatex(parts.booktitle)]);
  } else if (published) {
    fields.push(['journal', escapeLatex(reference)]);
  }
  if (parts?.pages) fields.push(['pages', parts.pages]);
  // A published entry is cited by the year it was published, when the reference names one year only.
  const year = parts?.year ?? (published ? journalYear(paper.journalRef ?? '') : undefined) ?? paperYear(paper);
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
  return `@${parts?.kind === 'proceedings' ? 'inproceedings' : published ? 'article' : 'misc'}{${citekey},\n${body}\n}`;
}

/**
 * The publication year a journal reference names ("Phys. Rev. D 100, 012 (2026)" → 2026,
 * "ActaAstron.56:1-50,2006" → 2006), or undefined when it names none or several candidates (pages
 * such as 2001-2015 could be read as years), so a reference is never misread.
 */
export function journalYear(journalRef: string): string | undefined {
  const years = new Set(Array.from(journalRef.matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)/g), (m) => m[0]));
  return years.size === 1 ? [...years][0] : undefined;
}

/**
 * LaTeX's special characters as commands that print them. Braces become $\lbrace$ and $\rbrace$,
 * not \{ and \}: bibtex and biber count an escaped brace like any other, so a lone \{ unbalances
 * the entry and, with it, the whole bibliography (and pandoc drops \textbraceleft unread).
 */
export function escapeLatex(text: string): string {
  return breakLigatures(text.replace(/[\\{}&%$#_~^<>|]/g, (c) => LATEX_ESCAPES[c]!));
}

/**
 * Plain text is characters, but TeX fonts join some pairs into one glyph: -- and --- into
 * dashes, '' and `` into curly double quotes, !` and ?` into ¡ and ¿, and ,, into „. Where the
 * text holds such a pair (arXiv's '\@' or -{}- kept two characters apart), an empty group keeps
 * them two, as every BibTeX reader and LaTeX read it.
 */
function breakLigatures(text: string): string {
  return text.replace(/-(?=-)|'(?=')|[`!?](?=`)|,(?=,)/g, '$&{}');
}

/** Joins written pieces, keeping a ligature pair apart where one piece ends and the next begins. */
function joinWritten(pieces: readonly string[]): string {
  return pieces.reduce((out, piece) => out + (breakLigatures(out.slice(-1) + piece.charAt(0)).length > 2 ? '{}' : '') + piece, '');
}

// <, > and | print as ¡, ¿ and — in LaTeX's default font encoding, so they are written as what
// prints them everywhere (| as math: pandoc drops \textbar and the group after it).
const LATEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '$\\lbrace$',
  '}': '$\\rbrace$',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '$|$',
};

/**
 * One author for BibTeX's `author` list: a body braced whole ("{ATLAS Collaboration}"), a name
 * with a suffix as "King, Jr., Martin Luther", any other name as written. A brace is never part
 * of a name (it is left over from TeX arXiv could not read), so it is dropped: name parsers in
 * pandoc and citation-js do not read escaped braces.
 */
export function bibtexName(name: string): string {
  const written = oneLine(name.replace(/[{}]/g, '')).replace(/^[\s,]+|[\s,]+$/g, '');
  const parts = nameParts(written);
  // " and " inside one name would split it; a body's words must not be read as a person's.
  if (isCorporateName(written) || /\band\b/i.test(written) || !parts) return `{${escapeLatex(written)}}`;
  if (parts.suffix === '') return escapeLatex(written);
  if (parts.given === '') return `{${escapeLatex(written)}}`;
  return [parts.family, parts.suffix, parts.given].map(escapeLatex).join(', ');
}

/**
 * The title with math kept as written (braced, so no style changes its case) and everything
 * else escaped, with the capitals a style must not lower-case braced.
 */
export function bibtexTitle(title: string): string {
  const state = { atStart: true };
  // TeX spaces ("\ ", "~") next to typed ones would leave double spaces, which parsers fold.
  const written = oneLine(joinWritten(titleParts(parseTex(oneLine(title)), state)));
  // A title that reads as nothing in TeX (a stray "}") is kept as the characters arXiv sent.
  return written === '' ? escapeLatex(oneLine(title)) : written;
}

function titleParts(tokens: readonly TexToken[], state: { atStart: boolean }): string[] {
  return tokens.flatMap((token) => {
    if (token.kind === 'math') {
      state.atStart = false;
      return [bibtexMath(token.tex, token.display)];
    }
    if (token.kind === 'styled') return titleParts(token.children, state);
    if (token.kind === 'url' && token.label) return titleParts(token.label, state);
    return [protectCapitals(plainOf([token]), state)];
  });
}

// A compound word: letters and digits joined by apostrophes inside words and by hyphens.
const COMPOUND = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*(?:-[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*)*/gu;

/**
 * `plain` escaped, with braces round what bibliography styles would otherwise lower-case and a
 * reader wants kept: words with a capital after their first letter (LLMs, iPhone, 3D), single
 * capital letters (I, the Q of Q-Learning, the C of C# and C++), and a capitalised part of a
 * hyphenated word that starts lower-case (x-Ray, k-Means).
 */
function protectCapitals(plain: string, state: { atStart: boolean }): string {
  let out = '';
  let from = 0;
  for (const match of plain.matchAll(COMPOUND)) {
    out += escapeLatex(plain.slice(from, match.index));
    const segments = match[0].split('-');
    // x-Ray, k-Means, non-English: a compound that starts lower-case means its capitals. In
    // Sim-to-Real the lower-case "to" is only title case, so Real needs nothing.
    const startsLower = /^\p{Ll}/u.test(segments[0] ?? '');
    out += segments
      .map((segment, i) => {
        const first = segment.charAt(0);
        const startsUpper = /\p{Lu}/u.test(first);
        const protect =
          /^.[^]*\p{Lu}/u.test(segment) ||
          // A title's opening article needs no braces: styles keep the first letter.
          (/^\p{Lu}$/u.test(segment) && !(state.atStart && segment === 'A' && segments.length === 1)) ||
          (startsUpper && startsLower && i > 0);
        if (!protect) return escapeLatex(segment);
        // pandoc changes the case of a braced group with a digit in it ({3D} → 3d), so only the
        // letters are braced there: 3{D}, {INT}4.
        if (/\p{N}/u.test(segment)) return segment.replace(/\p{L}+/gu, (run) => (/\p{Lu}/u.test(run) ? `{${run}}` : run));
        return `{${escapeLatex(segment)}}`;
      })
      .join('-');
    state.atStart = false;
    from = match.index + match[0].length;
  }
  return out + escapeLatex(plain.slice(from));
}

/**
 * Math as written, braced so no style changes its case. Braces written \{ \} become \lbrace and
 * \rbrace (the same symbols, but not counted as braces by bibtex and biber), and %, # and &,
 * which would end or break the line LaTeX reads, are escaped. A paper's own macros (\Bz, \ket),
 * which LaTeX does not know, become \mathrm{Bz}. Math whose braces still do not
 * balance, or that holds a $, is written as text, so it can never unbalance the entry.
 */
function bibtexMath(tex: string, display: boolean): string {
  let out = '';
  let depth = 0;
  let balanced = true;
  for (let i = 0; i < tex.length; i += 1) {
    const ch = tex[i]!;
    if (ch === '\\') {
      const next = tex[i + 1] ?? '';
      i += 1;
      if (next === '{' || next === '}') {
        const name = next === '{' ? '\\lbrace' : '\\rbrace';
        out += /[A-Za-z]/.test(tex[i + 1] ?? '') ? `${name} ` : name;
      } else if (/[A-Za-z]/.test(next)) {
        const name = /^[A-Za-z]+/.exec(tex.slice(i))![0];
        out += KNOWN_MATH_COMMANDS.has(name) ? `\\${name}` : `\\mathrm{${name}}`;
        i += name.length - 1;
      } else if (next !== '') {
        out += ch + next;
      }
      continue;
    }
    if (ch === '{') depth += 1;
    else if ((ch === '}' && --depth < 0) || ch === '$') balanced = false; // a $ inside would end the math early
    out += ch === '%' || ch === '#' || ch === '&' ? `\\${ch}` : ch;
  }
  const dollars = display ? '$$' : '$';
  if (!balanced || depth !== 0) return escapeLatex(`${dollars}${tex}${dollars}`);
  // Display math would break the bibliography's line; in a title it reads as inline math.
  return `{$${out}$}`;
}

function verbatim(text: string): string {
  return oneLine(text).replace(/[{}]/g, '');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
