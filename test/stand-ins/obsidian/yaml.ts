// YAML and frontmatter the way Obsidian reads them: parseYaml/stringifyYaml without date types
// (so `date: 2026-05-29` stays a string, as in the metadata cache), and getFrontMatterInfo.
import * as jsYaml from 'js-yaml';

export interface FrontMatterInfo {
  exists: boolean;
  frontmatter: string;
  from: number;
  to: number;
  contentStart: number;
}

// The library answers with whatever the YAML holds; callers narrow it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function parseYaml(yaml: string): any {
  return jsYaml.load(yaml, { schema: jsYaml.CORE_SCHEMA });
}

export function stringifyYaml(obj: unknown): string {
  return jsYaml.dump(obj, { schema: jsYaml.CORE_SCHEMA, lineWidth: -1, noRefs: true });
}

export function getFrontMatterInfo(content: string): FrontMatterInfo {
  const none = { exists: false, frontmatter: '', from: 0, to: 0, contentStart: 0 };
  const opening = /^---[ \t]*\r?\n/.exec(content);
  if (!opening) return none;
  const from = opening[0].length;
  const closing = /(^|\r?\n)---[ \t]*(\r?\n|$)/g;
  closing.lastIndex = from - 1;
  let match: RegExpExecArray | null;
  while ((match = closing.exec(content))) {
    const to = match.index + match[1]!.length;
    if (to < from) continue;
    return { exists: true, frontmatter: content.slice(from, to), from, to, contentStart: to + match[0].length - match[1]!.length };
  }
  return none;
}

/** The note's frontmatter as an object; null without a block, or when the YAML does not parse. */
export function readFrontmatter(content: string): Record<string, unknown> | null {
  const info = getFrontMatterInfo(content);
  if (!info.exists) return null;
  try {
    const value: unknown = parseYaml(info.frontmatter);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return null;
  }
}
