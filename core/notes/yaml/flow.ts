// Flow collections, [a, b] and {a: b}, read character by character; they may run over rows, and
// their entries are plain, quoted or further flow nodes.

import { resolvePlain } from './resolve';
import { char, fail, FLOW_MARKS, isGap, refuseUnread, restIsBlank, unsupported, YamlError, type Place } from './rows';
import { checkPlainStart, readPlain, readQuoted } from './scalars';

/** Sets a mapping's key, as an own property even for "__proto__"; a key given twice is an error. */
export function setKey(map: Record<string, unknown>, key: string, value: unknown, line: number): void {
  if (Object.hasOwn(map, key)) throw new YamlError(`the key ${JSON.stringify(key)} twice`, line);
  if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}

/** Spaces, line ends and comments between the parts of a flow collection. */
function skipGaps(p: Place): void {
  while (restIsBlank(p)) {
    if (p.row + 1 >= p.rows.length) fail(p, 'an unclosed [ or {');
    p.row++;
    p.col = 0;
  }
}

/** A node read, with its plain text when it is a plain scalar. */
export interface Node {
  value: unknown;
  collection?: boolean;
  text?: string;
}

/** A scalar or a flow collection at p, in a flow collection (`inFlow`) or starting a block node. */
export function readFlowNode(p: Place, parent: number, inFlow: boolean): Node {
  const c = char(p);
  if (c === '[' || c === '{') return { value: readFlow(p, parent), collection: true };
  if (c === '"' || c === "'") return { value: readQuoted(p) };
  checkPlainStart(p, inFlow);
  const text = readPlain(p, parent, inFlow);
  return { value: resolvePlain(text), text };
}

/** The key a node stands for: its text as js-yaml gives it (a plain 1.5 is "1.5", ~ is "null"). */
export function keyOf(p: Place, node: Node, row = p.row): string {
  if (p.row !== row) fail(p, 'a key over several lines');
  if (node.collection) unsupported(p, 'a list or mapping as a key');
  if (node.text === '<<') unsupported(p, 'a YAML merge key (<<)');
  return String(node.value);
}

/**
 * A [list] or {mapping} at p; entries are separated by commas, and a list entry "k: v" is a one-key
 * mapping. A plain scalar in it goes on over rows indented deeper than the block node `parent`.
 */
export function readFlow(p: Place, parent: number): unknown {
  const isList = char(p) === '[';
  const close = isList ? ']' : '}';
  const list: unknown[] = [];
  const map: Record<string, unknown> = {};
  p.col++;
  for (;;) {
    skipGaps(p);
    if (char(p) === close) {
      p.col++;
      return isList ? list : map;
    }
    const row = p.row;
    let key: Node = { value: null };
    let value: unknown = null;
    let pair = !isList;
    refuseUnread(p, true);
    const emptyKey = char(p) === ':' && (isGap(char(p, 1)) || FLOW_MARKS.includes(char(p, 1)));
    if (char(p) !== ',' && !emptyKey) {
      key = readFlowNode(p, parent, true);
      skipGaps(p);
    }
    if (char(p) === ':') {
      keyOf(p, key, row);
      p.col++;
      pair = true;
      skipGaps(p);
      if (char(p) !== ',' && char(p) !== close) value = readFlowNode(p, parent, true).value;
      skipGaps(p);
    }
    if (!pair) list.push(key.value);
    else if (isList) list.push({ [keyOf(p, key)]: value });
    else setKey(map, keyOf(p, key), value, row);
    if (char(p) === ',') p.col++;
    else if (char(p) !== close) fail(p, 'a missing comma');
  }
}
