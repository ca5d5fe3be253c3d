// Turns arXiv metadata (TeX-flavoured text) into Obsidian Markdown that renders as the authors
// meant — math intact, \textbf as bold — and that can never open a tag, link, HTML element,
// comment, callout, list or frontmatter by accident.

import { parseTex, plainOf, type TexToken } from './tex-tokens';

/** Inline Markdown for a title, comment or one abstract paragraph. */
export function texToMarkdown(source: string): string {
  return escapeLineStarts(tokensToMarkdown(parseTex(source)));
}

/** The paragraphs of an abstract as Markdown, one string each (empty ones dropped). */
export function markdownParagraphs(abstract: string): string[] {
  // Each abstract is rendered twice in a run (its paper note and the daily note): the second
  // time comes from here.
  let paragraphs = recentParagraphs.get(abstract);
  if (!paragraphs) {
    paragraphs = abstract
      .split(/\n\s*\n/)
      .map((p) => texToMarkdown(p.replace(/\s+/g, ' ').trim()))
      .filter((p) => p !== '');
    if (recentParagraphs.size >= RECENT_ABSTRACTS) recentParagraphs.clear();
    recentParagraphs.set(abstract, paragraphs);
  }
  return [...paragraphs];
}

const recentParagraphs = new Map<string, string[]>();
/** More than the largest announcement (about 1,500 papers a day across all of arXiv). */
const RECENT_ABSTRACTS = 2048;

/**
 * Escapes plain text (names, group names) so Markdown shows it as written. Besides Markdown's
 * own punctuation it breaks Obsidian's two-character syntax: %% comments, == highlights,
 * ~~ strikes, and entity-looking & sequences.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\')
    .replace(/[#[\]<>|`$^*_]/g, (c) => `\\${c}`)
    .replace(/%%/g, '%\\%')
    .replace(/==/g, '=\\=')
    .replace(/~~/g, '~\\~')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/[\r\n]+/g, ' ');
}

/** A line can't start a heading, list, quote, callout or rule, whatever its first characters. */
function escapeLineStarts(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s+/, '')
        .replace(/^([-+*])(?=\s|$)/, '\\$1')
        .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
        .replace(/^(-{3,}|_{3,}|={3,})/, '\\$1'),
    )
    .join('\n');
}

/** Text for the visible part of a wikilink or Markdown link: no brackets, pipes or newlines. */
export function linkText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/\[/g, '(')
    .replace(/\]/g, ')')
    .replace(/\|/g, '/')
    .replace(/%%+/g, '%')
    .replace(/\s+/g, ' ')
    .trim();
}

function tokensToMarkdown(tokens: readonly TexToken[]): string {
  return tokens.map(tokenToMarkdown).join('');
}

function tokenToMarkdown(token: TexToken): string {
  switch (token.kind) {
    case 'text':
      return escapeMarkdownText(token.text);
    case 'math':
      return mathMarkdown(token.tex, token.display);
    case 'styled':
      return styled(token.style, token.children);
    case 'url':
      return urlMarkdown(token.url, token.label);
    case 'cite':
      return escapeMarkdownText(`[${token.keys.join(', ')}]`);
  }
}

function styled(style: 'bold' | 'italic' | 'code' | 'plain', children: readonly TexToken[]): string {
  if (style === 'code') return codeSpan(plainOf(children));
  const inner = tokensToMarkdown(children);
  if (style === 'plain') return inner;
  // Emphasis only works when the markers touch text, so surrounding spaces move outside.
  const core = inner.trim();
  if (core === '') return inner;
  const lead = inner.slice(0, inner.indexOf(core));
  const trail = inner.slice(lead.length + core.length);
  const marker = style === 'bold' ? '**' : '*';
  return `${lead}${marker}${core}${marker}${trail}`;
}

// Where raw HTML would start in CommonMark: an open or closing tag, a comment, a processing
// instruction, a declaration or CDATA.
const HTML_START =
  /<(?=[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|\/[A-Za-z][A-Za-z0-9-]*\s*>|!--|\?|![A-Za-z]|!\[CDATA\[)/g;

/**
 * Math as MathJax reads it, with three changes that render the same: inline math loses the
 * spaces just inside its dollars (Obsidian would not see `$ x $` as math and would show what is
 * inside as Markdown), `<` that would open HTML becomes `\lt `, a bare `%` (a TeX comment, and
 * half of an Obsidian `%%` comment) or `$` (which would close the math early) is escaped, and a
 * backtick, which a Markdown reader without math would pair with a later code span, becomes
 * `\grave{}`.
 */
function mathMarkdown(tex: string, display: boolean): string {
  const safe = (display ? tex : tex.trim())
    .replace(HTML_START, '\\lt ')
    .replace(/(?<!\\)([%$])/g, '\\$1')
    .replace(/`/g, '\\grave{}');
  if (safe.trim() === '') return '';
  return display ? `$$${safe}$$` : `$${safe}$`;
}

function codeSpan(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  if (flat.trim() === '') return escapeMarkdownText(flat);
  const longest = Math.max(0, ...Array.from(flat.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function urlMarkdown(url: string, label: readonly TexToken[] | undefined): string {
  // Only web links: a `javascript:`, `file:` or `obsidian:` link in an abstract could run or open
  // something when clicked.
  const safe = /^https?:\/\/[^\s<>`]*$/i.test(url) && !url.includes('%%');
  if (!safe) return label ? tokensToMarkdown(label) : escapeMarkdownText(url);
  if (!label) return `<${url}>`;
  const text = tokensToMarkdown(label).replace(/\s+/g, ' ').trim() || escapeMarkdownText(url);
  return `[${text}](<${url}>)`;
}
