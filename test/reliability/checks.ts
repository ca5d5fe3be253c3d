// Independent checks of what Paper Feed writes, written from the platforms' rules rather than from
// Paper Feed's code: portable file names, raw HTML as CommonMark finds it, and the note's shape.
import { BLOCK_END, BLOCK_START } from '../../core/notes/markers';

// Windows forbids < > : " / \ | ? * and controls; Obsidian links break on [ ] # ^ |.
const FORBIDDEN_IN_NAMES = /[<>:"/\\|?*[\]#^\u0000-\u001f\u007f-\u009f]/;
// Marks that reorder or hide text, so a name can pass for another.
const SPOOFING = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/** Why `name` (with its extension) is not a valid note file name everywhere, or null. */
export function nameProblem(name: string): string | null {
  if (!name.endsWith('.md')) return 'does not end in .md';
  const base = name.slice(0, -3);
  if (base === '') return 'is empty';
  if (FORBIDDEN_IN_NAMES.test(name)) return `holds a forbidden character (${JSON.stringify(FORBIDDEN_IN_NAMES.exec(name)![0])})`;
  if (SPOOFING.test(name)) return 'holds an invisible or direction-changing mark';
  if (/[\ud800-\udfff]/.test(name.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))) return 'holds a lone surrogate';
  if (name !== name.normalize('NFC')) return 'is not NFC-normalised';
  if (base.startsWith('.')) return 'starts with a dot (hidden)';
  if (/[. ]$/.test(base) || base.startsWith(' ')) return 'starts with a space or ends with a dot or space';
  if (RESERVED.test(base)) return 'is a reserved Windows device name';
  if (Buffer.byteLength(name, 'utf8') > 255) return 'is longer than 255 bytes';
  return null;
}

/**
 * Removes fenced code blocks, link destinations in angle brackets, autolinks, code spans and
 * wikilinks: places where `<` is not HTML.
 */
function outsideCodeAndLinks(markdown: string): string {
  const withoutFences = markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1\s*$/gm, ' ');
  // Destinations and autolinks bind before code spans; wikilinks are Obsidian's and hold plain text.
  // Each removed span leaves a space, so text on either side of it is never joined.
  const withoutAutolinks = withoutFences.replace(/\]\(<[^<>\n]*>\)/g, '] ').replace(/<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/g, ' ');
  return withoutCodeSpans(withoutAutolinks).replace(/\[\[[^\]\n]*\]\]/g, ' ');
}

/** CommonMark code spans: a backtick run (not backslash-escaped) up to the next run of equal length. */
function withoutCodeSpans(text: string): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    if (text[i] === '\\') {
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (text[i] !== '`') {
      out += text.charAt(i);
      i += 1;
      continue;
    }
    const run = /^`+/.exec(text.slice(i))![0];
    const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
    close.lastIndex = i + run.length;
    const found = close.exec(text);
    if (found) {
      out += ' ';
      i = found.index + run.length;
    } else {
      out += run;
      i += run.length;
    }
  }
  return out;
}

// CommonMark's raw HTML: open tag, closing tag, comment, processing instruction, declaration, CDATA.
const RAW_HTML =
  /<(?:[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|\/[A-Za-z][A-Za-z0-9-]*\s*>|!--|\?|![A-Za-z]|!\[CDATA\[)/g;

/** Raw HTML a Markdown renderer would pass through (an escaped `\<` does not count). */
export function rawHtml(markdown: string): string[] {
  const text = outsideCodeAndLinks(markdown);
  const found: string[] = [];
  for (const m of text.matchAll(RAW_HTML)) {
    let backslashes = 0;
    while (text[m.index - 1 - backslashes] === '\\') backslashes += 1;
    if (backslashes % 2 === 0) found.push(text.slice(Math.max(0, m.index - 30), m.index + 40));
  }
  return found;
}

/** `%%` outside code: an Obsidian comment that would hide text up to the next `%%`. */
export function obsidianComments(markdown: string): number {
  return (outsideCodeAndLinks(markdown).match(/(?<!\\)%%/g) ?? []).length;
}

export interface NoteShape {
  /** Text between the opening and closing `---` lines. */
  yaml: string;
  /** Lines strictly between the marker lines. */
  block: string[];
  /** Everything after the end marker line. */
  after: string;
}

/**
 * Splits a note the way Obsidian reads it: frontmatter from the first line to the next line that
 * is exactly `---`, then the body. Throws when the body does not open with exactly one marked
 * block, or a marker appears anywhere else.
 */
export function noteShape(text: string): NoteShape {
  const lines = text.split('\n');
  if (lines[0] !== '---') throw new Error('the note does not open with frontmatter');
  const close = lines.indexOf('---', 1);
  if (close < 0) throw new Error('the frontmatter is not closed');
  const body = lines.slice(close + 1);
  if (body[0] !== BLOCK_START) throw new Error(`the body opens with ${JSON.stringify(body[0])}, not the start marker`);
  const end = body.indexOf(BLOCK_END);
  if (end < 0) throw new Error('the end marker is missing');
  const markers = body.filter((l) => l.trimEnd() === BLOCK_START || l.trimEnd() === BLOCK_END).length;
  if (markers !== 2) throw new Error(`${markers} marker lines instead of 2`);
  return { yaml: lines.slice(1, close).join('\n'), block: body.slice(1, end), after: body.slice(end + 1).join('\n') };
}

/** Lines of a generated block that start something the generator did not mean to start. */
export function strayLineStarts(lines: readonly string[]): string[] {
  return lines.filter((l) => /^(?:---|===|___|%%|<|\s)|^(?:[-+*>]|\d+[.)])(?:\s|$)|^#/.test(l));
}
