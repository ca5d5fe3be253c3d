// Hostile metadata for the property tests: pieces that attack paths, YAML, Markdown, Obsidian's
// own syntax, HTML and text rendering, mixed with arbitrary Unicode, sometimes 10 kB long.
import fc from 'fast-check';

/** Runs per property: PAPER_FEED_PROPERTY_RUNS, else 1000 (what CI runs). */
export const PROPERTY_RUNS = runsFromEnv(process.env.PAPER_FEED_PROPERTY_RUNS, 1000);

function runsFromEnv(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export const HOSTILE_PIECES: readonly string[] = [
  // paths
  '../',
  '..\\',
  '../../etc/passwd',
  '/etc/passwd',
  'C:\\Windows\\System32',
  '\\\\server\\share',
  '~/',
  '.',
  '..',
  ' ',
  'CON',
  'nul',
  'COM1.txt',
  'LPT¹',
  'aux.md',
  // Obsidian and Markdown syntax
  '[[',
  ']]',
  '[[Other note|alias]]',
  '![[embed.png]]',
  '#tag',
  ' #tag/nested',
  '|',
  '^',
  '^block-id',
  '---',
  '\n---\n',
  '***',
  '> [!warning]',
  '- ',
  '* ',
  '1. ',
  '==mark==',
  '~~strike~~',
  '`',
  '```',
  '$',
  '$x$',
  '$$',
  '{{',
  '}}',
  '\\',
  '%%',
  '%% paper-feed:end %%',
  '%% paper-feed:start %%',
  '\n%% paper-feed:end %%\n',
  // YAML
  ': ',
  ' - ',
  '&anchor',
  '*anchor',
  '!!python/object/apply:os.system ["rm -rf /"]',
  '!!binary',
  '? ',
  '...',
  '"',
  "'",
  '@',
  '`x`',
  'yes',
  'null',
  '~',
  '0x1F',
  '1e3',
  '2026-05-29',
  '.inf',
  // HTML
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</div>',
  '<!-- -->',
  '<?php ?>',
  '<![CDATA[x]]>',
  '&lt;b&gt;',
  '&amp;',
  // TeX that reaches Markdown
  '\\(<b>x</b>\\)',
  '\\( <img src=x onerror=alert(1)> \\)',
  '$<i>x</i>$',
  '\\[ a %% b \\]',
  '\\url{javascript:alert(1)}',
  '\\href{obsidian://open?vault=x}{click}',
  '\\texttt{%%}',
  '\\textbf{',
  '}',
  '\\emph{#tag}',
  // control and invisible characters, direction marks
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\u000b',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\u200b',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\ud800',
  '\udfff',
  // scripts and emoji
  '😀',
  '👩‍🔬',
  '🏳️‍🌈',
  '中文标题',
  '日本語',
  '한국어',
  'עברית',
  'العربية',
  'é',
  'e\u0301',
  'ﬁ',
  'Ω',
];

/** Short hostile text: pieces and arbitrary strings (full Unicode, lone surrogates included). */
export function hostileText(maxPieces = 10): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
        { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
      ),
      { maxLength: maxPieces },
    )
    .map((parts) => parts.join(''));
}

/** Text of at least 10 kB built from hostile pieces. */
export function longHostileText(): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...HOSTILE_PIECES), { minLength: 8, maxLength: 16 }).map((parts) => {
    const unit = parts.join(' ');
    return unit.repeat(Math.ceil(10_240 / Math.max(1, unit.length)));
  });
}

/** Mostly short hostile text, one time in forty at least 10 kB. */
export function hostileField(): fc.Arbitrary<string> {
  return fc.oneof({ weight: 39, arbitrary: hostileText() }, { weight: 1, arbitrary: longHostileText() });
}

export interface HostileMetadata {
  title: string;
  authors: string[];
  abstract: string;
  comment: string;
  journalRef: string;
}

export function hostileMetadata(): fc.Arbitrary<HostileMetadata> {
  return fc.record({
    title: hostileField(),
    authors: fc.array(hostileField(), { minLength: 1, maxLength: 3 }),
    abstract: hostileField(),
    comment: hostileField(),
    journalRef: hostileText(4),
  });
}

/** Strings that look like, or try to pass for, arXiv identifiers. */
export function hostileId(): fc.Arbitrary<string> {
  const idLike = fc.constantFrom(
    '2605.10001',
    '2605.10001v2',
    'hep-th/9901001',
    'math.GT/0309136v1',
    'arXiv:2605.10001',
    'https://arxiv.org/abs/2605.10001',
    'oai:arXiv.org:2605.10001v1',
    '2605.10001/../../etc',
    '../2605.10001',
    '2605.10001v0',
    '2605.1000',
    '2613.10001',
  );
  return fc.tuple(fc.option(hostileText(3), { nil: '' }), idLike, fc.option(hostileText(3), { nil: '' })).map(([a, id, b]) => `${a}${id}${b}`);
}
