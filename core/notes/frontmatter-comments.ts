// The person's comments inside one of Paper Feed's frontmatter keys survive its rewrite: a comment
// after the value (`version: 1  # read v1 on the train`), comment and blank lines among a list's
// items. Only the value is Paper Feed's; YAML itself decides what is a comment, so nothing that
// belongs to the value (a `#` inside quotes or a block scalar) is ever mistaken for one.

export interface BlockLine {
  text: string;
  eol: string;
}

/** Parses YAML text (throws when it is not valid YAML). */
export type ParseYaml = (text: string) => unknown;

interface Kept {
  line: BlockLine;
  /** Index in the old block of the list item it follows (-1: the key line). */
  after: number;
}

/**
 * `fresh` (a key's new lines, from the dumper) with the comments and blank lines of `old` (the
 * same key's lines as the note had them) put back: a comment after the key's value goes after the
 * new value, one after a list item stays with that item, and a comment line stays after the item
 * it followed, or after the nearest earlier item still in the list (else right under the key).
 */
export function withPersonsComments(old: readonly BlockLine[], fresh: readonly BlockLine[], parse: ParseYaml): BlockLine[] {
  if (!old.some((l) => l.text.includes('#') || l.text.trim() === '')) return [...fresh];
  const meaning = (texts: readonly string[]): string | undefined => {
    try {
      return JSON.stringify(parse(texts.join('\n')));
    } catch {
      return undefined;
    }
  };
  const texts = old.map((l) => l.text);
  const base = meaning(texts);
  if (base === undefined) return [...fresh];

  const kept: Kept[] = [];
  const trailing = new Map<number, string>();
  let lastItem = -1;
  for (let i = 0; i < old.length; i += 1) {
    const text = texts[i]!;
    const trimmed = text.trim();
    if (i > 0 && (trimmed === '' || trimmed.startsWith('#')) && meaning(texts.filter((_, k) => k !== i)) === base) {
      kept.push({ line: old[i]!, after: lastItem });
      texts[i] = '';
      continue;
    }
    const comment = trailingComment(texts, i, base, meaning);
    if (comment !== undefined) {
      trailing.set(i, comment);
      texts[i] = text.slice(0, text.length - comment.length);
    }
    if (i > 0 && ITEM.test(texts[i]!)) lastItem = i;
  }

  // Old list items, and which new line each one became (matched by value, in order).
  const oldItems = new Map<number, string | undefined>();
  texts.forEach((text, i) => {
    if (i > 0 && ITEM.test(text)) oldItems.set(i, meaning([text.trim()]));
  });
  const result = fresh.map((l) => ({ ...l }));
  const freshItems = result.map((l, k) => (k > 0 && ITEM.test(l.text) ? meaning([l.text.trim()]) : undefined));
  const used = new Set<number>();
  const becameLine = new Map<number, number>();
  for (const [i, value] of oldItems) {
    const k = freshItems.findIndex((v, n) => v !== undefined && v === value && !used.has(n));
    if (k >= 0) {
      used.add(k);
      becameLine.set(i, k);
    }
  }

  for (const [i, comment] of trailing) {
    const k = i === 0 ? 0 : becameLine.get(i);
    if (k !== undefined) result[k]!.text += comment;
    // The item is gone from the list; its comment stays, on a line of its own where it was.
    else kept.push({ line: { text: `${/^[ \t]*/.exec(old[i]!.text)![0]}${comment.trimStart()}`, eol: old[i]!.eol }, after: i });
  }
  kept.sort((a, b) => lineOf(a, old) - lineOf(b, old));

  const insertedAfter = new Map<number, BlockLine[]>();
  for (const item of kept) {
    const at = newHome(item.after, becameLine);
    insertedAfter.set(at, [...(insertedAfter.get(at) ?? []), item.line]);
  }
  return result.flatMap((line, k) => [line, ...(insertedAfter.get(k) ?? [])]);
}

const ITEM = /^[ \t]*-([ \t]|$)/;

/** The comment at the end of line `i` (with the blanks before it) when YAML reads it as one. */
function trailingComment(texts: string[], i: number, base: string, meaning: (t: readonly string[]) => string | undefined): string | undefined {
  const text = texts[i]!;
  for (const m of text.matchAll(/[ \t]+#/g)) {
    const candidate = [...texts];
    candidate[i] = text.slice(0, m.index);
    if (meaning(candidate) === base) return text.slice(m.index);
  }
  return undefined;
}

/** Where a kept line stood in the old block, for keeping the person's order. */
function lineOf(item: Kept, old: readonly BlockLine[]): number {
  const at = old.indexOf(item.line);
  return at >= 0 ? at : item.after + 0.5;
}

/** The new line a kept line goes after: its item's, else the nearest earlier item's, else the key's. */
function newHome(after: number, becameLine: ReadonlyMap<number, number>): number {
  let best = 0;
  let bestOld = -1;
  for (const [oldIndex, newIndex] of becameLine) {
    if (oldIndex <= after && oldIndex > bestOld) {
      best = newIndex;
      bestOld = oldIndex;
    }
  }
  return best;
}
