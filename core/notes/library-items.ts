// Which paper notes the person has kept, and what the ranker needs of them, read from
// a note's text alone so every host decides the same way. Kept: the person wrote in the note
// outside the generated block, or marked it with a keep key or tag (./keep-keys.ts).

import type { LibraryItem } from '../rank/library';
import { FrontmatterError, bodyOffset, readFrontmatter, type FrontmatterData } from './frontmatter';
import { keptByRules, propertyTags, type KeepRule } from './keep-keys';
import { BLOCK_END, BLOCK_START, findMarkedBlock } from './markers';

/** What a paper note tells the library. */
export interface NoteLibraryFacts {
  kept: boolean;
  /** The person wrote outside the generated block, or took the whole body by deleting its markers. */
  written: boolean;
  title: string;
  /** The abstract shown in the generated block, as plain text ("" when there is none). */
  abstract: string;
  /** When Paper Feed first listed the paper: its earliest digest's date (ms, UTC midnight). */
  listedAt?: number;
}

/** The heading of the person's section in a new paper note, which alone is not writing. */
const NOTES_HEADING = '## Notes';
const INLINE_TAG = /(?<!\S)#([\p{L}\p{N}_\-/]+)/gu;

/**
 * Whether the note could be kept at all: the person wrote in it, or its text mentions a keep
 * rule's property or tag somewhere. False means noteLibraryFacts would say "not kept", found
 * without reading its YAML (most paper notes in a big vault, read once when it is indexed).
 */
export function couldBeKept(text: string, rules: readonly KeepRule[]): boolean {
  if (writtenOutsideBlock(text)) return true;
  const frontmatter = text.slice(0, bodyOffset(text));
  return rules.some((rule) => {
    if (rule.kind === 'tag') return text.toLowerCase().includes(rule.tag);
    // A top-level property starts its line, perhaps quoted ("generating" in a title is no rating).
    const escaped = rule.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`^["']?${escaped}["']?[ \t]*:`, 'mi').test(frontmatter);
  });
}

/** Library facts of a paper note's text, by the given keep rules. */
export function noteLibraryFacts(text: string, rules: readonly KeepRule[]): NoteLibraryFacts {
  let properties: FrontmatterData;
  try {
    properties = readFrontmatter(text);
  } catch (e) {
    // A note whose YAML the person broke is still theirs; only its properties cannot be read.
    if (!(e instanceof FrontmatterError)) throw e;
    properties = {};
  }
  const written = writtenOutsideBlock(text);
  const tags = [...propertyTags(properties), ...inlineTags(text.slice(bodyOffset(text)))];
  const facts: NoteLibraryFacts = {
    kept: written || keptByRules(rules, properties, tags),
    written,
    title: typeof properties.title === 'string' ? properties.title.trim() : '',
    abstract: generatedAbstract(text),
  };
  const listedAt = earliestDigest(properties.digests);
  if (listedAt !== undefined) facts.listedAt = listedAt;
  return facts;
}

/**
 * True when the body holds text outside the markers other than the empty "## Notes" heading
 * Paper Feed writes; a body without markers is the person's when it holds anything at all.
 */
function writtenOutsideBlock(text: string): boolean {
  const body = text.slice(bodyOffset(text));
  const range = findMarkedBlock(body);
  if (!range) return body.trim() !== '';
  const startLine = body.lastIndexOf(BLOCK_START, range.start);
  const endLine = body.indexOf(BLOCK_END, range.end);
  const outside = `${body.slice(0, startLine)}\n${body.slice(endLine + BLOCK_END.length)}`;
  const lines = outside
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const heading = lines.indexOf(NOTES_HEADING);
  if (heading >= 0) lines.splice(heading, 1);
  return lines.length > 0;
}

/** The "## Abstract" section of the note (generated block first), with Markdown escapes undone. */
function generatedAbstract(text: string): string {
  const body = text.slice(bodyOffset(text));
  const range = findMarkedBlock(body);
  const lines = (range ? body.slice(range.start, range.end) : body).split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === '## Abstract');
  if (start < 0) return '';
  const section: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,2} /.test(line)) break;
    section.push(line);
  }
  const abstract = section
    .join('\n')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return abstract === '*No abstract.*' ? '' : abstract;
}

/**
 * The library item of a kept paper note. Its noteName is the note's path without ".md", so a
 * reason's link finds the note even when another has the same name. `createdAt` (ms) stands in
 * when no digest dates the note.
 */
export function libraryItemOf(arxivId: string, path: string, facts: NoteLibraryFacts, createdAt?: number): LibraryItem {
  const addedAt = facts.listedAt ?? createdAt;
  return {
    id: arxivId,
    title: facts.title || noteNameOf(path),
    abstract: facts.abstract,
    noteName: path.replace(/\.md$/i, ''),
    ...(addedAt !== undefined ? { addedAt } : {}),
  };
}

/** What a wikilink to the note says: its file name without ".md". */
export function noteNameOf(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.md$/i, '');
}

/** Tags written in the text as #tag (the generated block escapes its "#", so only the person's count). */
export function inlineTags(body: string): string[] {
  return Array.from(body.matchAll(INLINE_TAG), (m) => m[1]!).filter((tag) => !/^\d+$/.test(tag));
}

function earliestDigest(digests: unknown): number | undefined {
  const items = Array.isArray(digests) ? digests : [digests];
  let earliest: number | undefined;
  for (const item of items) {
    const m = typeof item === 'string' ? /(\d{4})-(\d{2})-(\d{2})/.exec(item) : null;
    if (!m) continue;
    const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    if (!Number.isNaN(at) && (earliest === undefined || at < earliest)) earliest = at;
  }
  return earliest;
}
