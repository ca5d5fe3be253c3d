// Turns arXiv metadata (TeX-flavoured text) into Obsidian Markdown that renders as the authors
// meant — math intact, \textbf as bold — and that can never open a tag, link, HTML element,
// comment, callout, list or frontmatter by accident.

import { parseTex, plainOf, type TexToken } from './tex';

/** Inline Markdown for a title, comment or one abstract paragraph. */
export function texToMarkdown(source: string): string {
  return escapeLineStarts(tokensToMarkdown(parseTex(source)));
}

/** The paragraphs of an abstract as Markdown, one string each (empty ones dropped). */
export function markdownParagraphs(abstract: string): string[] {
  return abstract
    .split(/\n\s*\n/)
    .map((p) => texToMarkdown(p.replace(/\s+/g, ' ').trim()))
    .filter((p) => p !== '');
}

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
      // Math is passed through untouched: Obsidian's MathJax reads it before any Markdown.
      return token.display ? `$$${token.tex}$$` : `$${token.tex}$`;
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

function codeSpan(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  if (flat.trim() === '') return escapeMarkdownText(flat);
  const longest = Math.max(0, ...Array.from(flat.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function urlMarkdown(url: string, label: readonly TexToken[] | undefined): string {
  const safe = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*$/.test(url);
  if (!safe) return label ? tokensToMarkdown(label) : escapeMarkdownText(url);
  if (!label) return `<${url}>`;
  const text = tokensToMarkdown(label).replace(/\s+/g, ' ').trim() || escapeMarkdownText(url);
  return `[${text}](<${url}>)`;
}
