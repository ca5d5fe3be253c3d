import { describe, expect, it } from 'vitest';
import { escapeMarkdownText, markdownParagraphs, texToMarkdown } from '../../core/text/markdown';
import { texToPlain } from '../../core/text/tex-tokens';
import { BLOCK_END } from '../../core/notes/markers';

describe('TeX in metadata to Obsidian Markdown', () => {
  it('keeps math exactly as written', () => {
    const math = 'Bounds of $\\mathcal{O}(n^{1/2} \\log |x|_{#1})$ and $$\\sum_{i<j} a_i [b]$$ hold';
    expect(texToMarkdown(math)).toBe('Bounds of $\\mathcal{O}(n^{1/2} \\log |x|_{#1})$ and $$\\sum_{i<j} a_i [b]$$ hold');
  });

  it('turns text styling into Markdown', () => {
    expect(texToMarkdown('\\textbf{Fast} and \\textit{exact}, \\emph{really} with \\texttt{torch.nn}')).toBe('**Fast** and *exact*, *really* with `torch.nn`');
    expect(texToMarkdown('see \\url{https://github.com/a/b_c}')).toBe('see <https://github.com/a/b_c>');
    expect(texToMarkdown('\\href{https://x.org}{our site}')).toBe('[our site](<https://x.org>)');
  });

  it('reads stacked accents as the one letter they make', () => {
    expect(texToPlain('Sums of Nguy\\~{\\^e}n, Nguy\\~\\^en and Tr\\`{\\^a}n')).toBe('Sums of Nguyễn, Nguyễn and Trần');
    expect(texToMarkdown("Mart\\'{\\i}n and \\~{\\^{e}}")).toBe('Martín and ễ');
  });

  it('shows citations as plain text', () => {
    expect(texToMarkdown('as in \\cite{smith2020, doe2021} and \\citep[p.~3]{roe}')).toBe('as in \\[smith2020, doe2021\\] and \\[roe\\]');
  });

  it('resolves accents and TeX punctuation', () => {
    expect(texToPlain('Schr\\"odinger, Erd{\\H o}s, \\c{C}a\\u{g}lar, na\\"{\\i}ve, {\\o}stergaard')).toBe('Schrödinger, Erdős, Çağlar, naïve, østergaard');
    expect(texToPlain("``quoted'' --- dash -- range 50\\% R\\&D~ok")).toBe('“quoted” — dash – range 50% R&D ok');
  });

  it('cannot create tags, links, HTML, comments, highlights or tables', () => {
    expect(texToMarkdown('#tag [[Link]] <script> %%hidden%% ==mark== a|b R&amp;')).toBe(
      '\\#tag \\[\\[Link\\]\\] \\<script\\> %\\%hidden%\\% =\\=mark=\\= a\\|b R\\&amp;',
    );
  });

  it('treats an unpaired dollar as a dollar, not as math', () => {
    expect(texToMarkdown('costs $5 and $10 per run')).toBe('costs \\$5 and \\$10 per run');
  });

  it('keeps a bare link intact, tilde and underscores included', () => {
    expect(texToMarkdown('code at https://x.org/~me/a_b--c.')).toBe('code at <https://x.org/~me/a_b--c>.');
  });

  it('cannot start a heading, list, quote, rule or frontmatter at the start of a paragraph', () => {
    expect(markdownParagraphs('# one\n\n- two\n\n> three\n\n1. four\n\n___ five\n\n---\n\nplain')).toEqual([
      '\\# one',
      '\\- two',
      '\\> three',
      '1\\. four',
      '\\_\\_\\_ five',
      '—',
      'plain',
    ]);
  });

  it('never reproduces the end marker, even when an abstract contains it', () => {
    const [paragraph] = markdownParagraphs('%% paper-feed:end %%');
    expect(paragraph).toBe('%\\% paper-feed:end %\\%');
    expect(paragraph).not.toBe(BLOCK_END);
  });

  it('reads deeply nested hostile braces without running out of stack', () => {
    expect(texToPlain(`${'{'.repeat(50000)}x${'}'.repeat(50000)}`)).toBe('x');
    expect(texToPlain(`${'\\textbf{'.repeat(20000)}x${'}'.repeat(20000)}`)).toBe('x');
  });

  it('escapes plain names so Markdown shows them as written', () => {
    expect(escapeMarkdownText('A*B_C #1 [x]')).toBe('A\\*B\\_C \\#1 \\[x\\]');
  });
});
