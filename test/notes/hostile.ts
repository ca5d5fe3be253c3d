// Generators of hostile metadata for property tests: text made of the pieces that break YAML,
// Markdown and file systems, mixed with arbitrary Unicode.
import fc from 'fast-check';

export const HOSTILE_PIECES = [
  ': ', '- ', '---', '...', '#', ' #', '"', "'", '\\', '&anchor', '*alias', '!!python/object:os.system',
  '|', '>', '[[', ']]', '[', ']', '{', '}', '%%', '%% paper-feed:end %%', '`', '```', '$', '$x$',
  '\n', '\r\n', '\t', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u2028', '\u200f', '\u202e',
  '\ufeff', '😀', '👩‍🔬', '中文', 'עברית', 'é', 'e\u0301', 'CON', 'nul.txt', 'yes', 'null', '~',
  '\ud800', '\udfff', '2026-05-29', '0x1F', '1e3', '.', ' ', '<b>', '@', '?', '*', ':',
];

/** Text built from hostile pieces and arbitrary (full Unicode) strings. */
export function hostileText(): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ maxLength: 6 })), {
      maxLength: 12,
    })
    .map((parts) => parts.join(''));
}
