// Note names that are valid files on Windows, macOS, Linux, iOS and Android and valid wikilink
// targets in Obsidian, and vault paths that can never leave their folder.

import { PaperFeedError } from '../errors';

export const FALLBACK_NOTE_NAME = 'Untitled';

// Control characters, bidi overrides and invisible joiners: they break file systems, spoof
// names in file lists or make two names look identical.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
const RESERVED_WINDOWS = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?=$|\.)/i;

/**
 * A note name (without ".md") made from `title`: no characters that file systems or wikilinks
 * reject, no reserved Windows device name, no leading dot (hidden) or trailing dot/space
 * (Windows drops them), at most `maxBytes` bytes of UTF-8, never empty.
 */
export function noteFileName(title: string, maxBytes = 180): string {
  const cleaned = toWellFormed(title.normalize('NFC'))
    .replace(INVISIBLE, ' ')
    .replace(/\s*:\s*/g, ' - ')
    .replace(/[/\\|]/g, '-')
    .replace(/"/g, "'")
    .replace(/\[/g, '(')
    .replace(/\]/g, ')')
    .replace(/[#^*?<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let name = trimEnds(truncateUtf8(trimEnds(cleaned), maxBytes));
  if (RESERVED_WINDOWS.test(name)) name = trimEnds(truncateUtf8(name.replace(RESERVED_WINDOWS, '$1_'), maxBytes));
  return name === '' ? FALLBACK_NOTE_NAME : name;
}

/**
 * `folder/fileName`, refusing any file name that could climb out of or reach past the folder.
 * `folder` is vault-relative ("" is the vault root).
 */
export function joinVaultPath(folder: string, fileName: string): string {
  if (fileName === '' || fileName === '.' || fileName === '..' || /[/\\\u0000]/.test(fileName)) {
    throw new PaperFeedError('vault', `"${fileName}" is not a usable note file name; this is a bug in Paper Feed, please report it.`);
  }
  const base = normalizeFolder(folder);
  return base === '' ? fileName : `${base}/${fileName}`;
}

/**
 * A folder as Paper Feed stores it: NFC (so "é" typed on macOS and on Windows is one folder), "/"
 * separators, no leading, trailing or doubled slashes.
 */
export function normalizeFolder(folder: string): string {
  return folder
    .normalize('NFC')
    .replace(/\\/g, '/')
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}

/** What is wrong with `folder` as a vault folder, or null when it is fine. */
export function folderProblem(folder: string): string | null {
  if (/^[A-Za-z]:/.test(folder)) return 'is a drive path; use a folder inside the vault, such as "arXiv/Daily"';
  if (/^[/\\]/.test(folder)) return 'is an absolute path; use a folder inside the vault, such as "arXiv/Daily"';
  for (const part of folder.replace(/\\/g, '/').split('/')) {
    if (part === '..') return 'climbs out of the vault with ".."; use a folder inside the vault';
    if (part === '' || part === '.') continue;
    if (part.startsWith('.')) return `has a folder ${quoted(part)} starting with a dot, which Obsidian hides`;
    if (noteFileName(part) !== part.normalize('NFC')) {
      return `has a folder name ${quoted(part)} that is not valid on every system or in links (avoid : * ? " < > | # ^ [ ] and trailing dots or spaces)`;
    }
  }
  return null;
}

/**
 * `text` in double quotes for a message, as JSON writes it, with the characters JSON leaves alone
 * but a terminal or notice would act on (line separators, direction overrides) written as escapes,
 * so the message stays one line and reads in order.
 */
export function quoted(text: string): string {
  return JSON.stringify(text).replace(
    /[\u0085\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The longest prefix of `text` within `maxBytes` of UTF-8, cut between code points. */
function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of text) {
    const size = utf8Length(ch);
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += ch;
  }
  if (out.length === text.length) return out;
  // Prefer to end at a word when one ends reasonably close to the limit.
  const space = out.lastIndexOf(' ');
  return space > out.length * 0.6 ? out.slice(0, space) : out;
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Lone surrogates (possible in JavaScript strings, impossible in file names) become U+FFFD. */
export function toWellFormed(text: string): string {
  if (!/[\ud800-\udfff]/.test(text)) return text;
  let out = '';
  // Iterating by code point yields a lone surrogate as its own one-unit string.
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += ch.length === 1 && code >= 0xd800 && code <= 0xdfff ? '\ufffd' : ch;
  }
  return out;
}

function trimEnds(name: string): string {
  return name.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
}
