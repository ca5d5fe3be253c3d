// What a command was called with, as papers: a tree item (plus the other items selected with it),
// a Paper, or arXiv ids / links (from a keybinding or another extension).
import type { Paper } from '../../../core/arxiv/paper';
import { tryParseArxivId } from '../../../core/arxiv/ids';

function asPaper(value: unknown, find: (id: string) => Paper | undefined): Paper | undefined {
  if (typeof value === 'string') {
    const id = tryParseArxivId(value)?.id;
    return id ? find(id) : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const node = value as { kind?: unknown; paper?: Paper; id?: unknown; title?: unknown };
  if (node.kind === 'paper' && node.paper) return node.paper;
  if (typeof node.id === 'string' && typeof node.title === 'string') return value as Paper;
  return undefined;
}

/**
 * The papers a command should act on. VS Code calls tree commands with (clicked item, all
 * selected items); the selection counts only when it includes the clicked item.
 */
export function papersFromArguments(args: readonly unknown[], find: (id: string) => Paper | undefined): Paper[] {
  const [first, second] = args;
  const many = Array.isArray(second) && second.includes(first) ? second : Array.isArray(first) ? first : [first];
  const papers = many.map((v) => asPaper(v, find)).filter((p): p is Paper => p !== undefined);
  return papers.filter((p, i) => papers.findIndex((q) => q.id === p.id) === i);
}
