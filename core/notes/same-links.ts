// When the person renames or moves a note the daily note links to, Obsidian rewrites the link in
// its own form ("[[New name|Title]]", "[[../Papers/New name|Title]]", "[New name](New%20name.md)").
// Writing the full path back on the next run would change the note for nothing, so a generated
// block that differs from the one in the note only by links that lead to the same notes is kept.

import type { LinkResolver } from './link-resolution';

// A wikilink (target and optional text), or a Markdown link whose destination is not a web
// address: the links Obsidian rewrites on a rename.
const NOTE_LINK = /!?\[\[([^\]\n]*)\]\]|\[((?:\\.|[^\]\\\n])*)\]\((<[^>\n]*>|[^)\s]+)\)/g;

interface Link {
  /** The path part, without a #heading or ^block, decoded. */
  path: string;
  /** What the reader sees, and the #subpath, which must stay equal. */
  shown: string;
}

/**
 * Whether `current` says what `fresh` says, read from the note at `sourcePath`: the same text
 * between the links, and links with the same text that `resolve` leads to the same notes.
 */
export function sameButLinkForm(current: string, fresh: string, sourcePath: string, resolve: LinkResolver): boolean {
  if (current === fresh) return true;
  const a = split(current);
  const b = split(fresh);
  if (a.text.length !== b.text.length || a.text.some((t, i) => t !== b.text[i])) return false;
  return a.links.every((link, i) => {
    const other = b.links[i]!;
    if (link.shown !== other.shown) return false;
    if (link.path === other.path) return true;
    const target = resolve(other.path, sourcePath);
    return target !== null && resolve(link.path, sourcePath) === target;
  });
}

/** The vault paths `text` links to by path, as its links spell them (".md" added where left out). */
export function linkedPaths(text: string): string[] {
  return split(text).links.map((link) => (/\.[^/.]+$/.test(link.path) ? link.path : `${link.path}.md`));
}

/** The text between note links, and the links (a web link stays in the text). */
function split(text: string): { text: string[]; links: Link[] } {
  const parts: string[] = [];
  const links: Link[] = [];
  let at = 0;
  for (const match of text.matchAll(NOTE_LINK)) {
    const link = match[1] !== undefined ? wikilink(match[0], match[1]) : markdownLink(match[2]!, match[3]!);
    if (!link) continue;
    parts.push(text.slice(at, match.index));
    links.push(link);
    at = match.index + match[0].length;
  }
  parts.push(text.slice(at));
  return { text: parts, links };
}

function wikilink(whole: string, inner: string): Link {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const hash = target.indexOf('#');
  const path = (hash < 0 ? target : target.slice(0, hash)).trim();
  const subpath = hash < 0 ? '' : target.slice(hash);
  const embed = whole.startsWith('!') ? '!' : '';
  // Without its own text a link shows its target, so the target is what the reader sees.
  return { path, shown: bar < 0 ? `${embed}${target}` : `${embed}${inner.slice(bar + 1)}${subpath}` };
}

function markdownLink(label: string, destination: string): Link | null {
  const raw = destination.startsWith('<') ? destination.slice(1, -1) : destination;
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) return null;
  const hash = raw.indexOf('#');
  let path = hash < 0 ? raw : raw.slice(0, hash);
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray "%" is part of the name.
  }
  return { path, shown: `[${label}]${hash < 0 ? '' : raw.slice(hash)}` };
}
