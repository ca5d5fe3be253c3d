// Paper Feed's YAML reader for frontmatter. The text is split into rows; block mappings and lists
// are read by the indentation of those rows, scalars and flow collections from the rows they
// start on. test/notes/yaml checks every reading against js-yaml 3's safe loader, the reader
// Paper Feed used before, as the oracle. What this reader leaves alone (anchors, aliases, tags,
// merge and complex keys, directives, several documents, tab indentation) throws UnsupportedYaml.

import { readFlowNode, keyOf, setKey } from './flow';
import { atColon, char, contentRow, endRow, fail, indentOf, isBlankRow, isGap, restIsBlank, toRow, unsupported, type Place } from './rows';
import { readBlockScalar } from './scalars';

export { UnsupportedYaml, YamlError } from './rows';

/** The value of a one-document YAML text (undefined when it holds no document). Throws YamlError. */
export function readYaml(yaml: string): unknown {
  const text = yaml.replace(/^\ufeff/, '');
  const p: Place = { rows: text.split(/\r\n|\r|\n/), row: 0, col: 0 };
  // A line end ends its row; it does not start one.
  if (p.rows.at(-1) === '' && p.rows.length > 1) p.rows.pop();
  const value = readDocument(p);
  return value === null && /^ *[\r\n]?$/.test(text) ? undefined : value;
}

/** The one document: after an optional "---" (the rest of its row belongs to the document), up to a "..." after which only comments may follow. */
function readDocument(p: Place): unknown {
  const { rows } = p;
  const start = contentRow(p, 0);
  const first = rows[start] ?? '';
  if (first.startsWith('%')) unsupported(p, 'a YAML directive (%)', start);
  if (/^---[^ \t]/.test(first)) unsupported(p, 'text joined to "---"', start);
  const opened = first.startsWith('---');
  if (opened) rows[start] = '   ' + first.slice(3);
  for (let r = start; r < rows.length; r++) {
    if (!/^(?:---|\.\.\.)(?:[ \t]|$)/.test(rows[r]!)) continue;
    if (rows[r]!.startsWith('-') || !isBlankRow(rows[r]!.slice(3)) || contentRow(p, r + 1) < rows.length) unsupported(p, 'a second YAML document', r);
    rows.length = r;
  }
  toRow(p, contentRow(p, start));
  if (p.row >= rows.length) return null;
  // A top-level node is continued only by rows indented at least as deep as its first (any row after "---").
  const value = readNode(p, opened && p.row === start ? -1 : p.col - 1, true);
  endRow(p);
  if (p.row < rows.length) fail(p, 'bad indentation');
  return value;
}

/** A block node at p: a list, a mapping (when a key and ": " start it), a block scalar, or a scalar or flow collection. */
function readNode(p: Place, parent: number, atRowStart: boolean): unknown {
  const col = p.col;
  const row = p.row;
  const c = char(p);
  if (atRowStart && c === '-' && isGap(char(p, 1))) return readList(p, col);
  if (c === '|' || c === '>') return readBlockScalar(p, parent);
  const node = readFlowNode(p, parent, false);
  if (!atColon(p)) return node.value;
  if (!atRowStart) fail(p, 'a second ": "');
  return readMapping(p, col, keyOf(p, node, row));
}

/** The value after "key:" or "- ": on the same row, or on the next rows when they are indented deeper (a list may sit at its key's indent). */
function readValue(p: Place, parent: number, ofKey: boolean): unknown {
  if (!restIsBlank(p)) return readNode(p, parent, !ofKey);
  const next = contentRow(p, p.row + 1);
  const row = p.rows[next];
  if (row === undefined) return null;
  const indent = indentOf(row);
  if (indent < parent || (indent === parent && !(ofKey && isDash(row, indent)))) return null;
  toRow(p, next);
  return readNode(p, parent, true);
}

/** A block mapping whose keys start at column `indent`; p is at the first key's ":". */
function readMapping(p: Place, indent: number, firstKey: string): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  let key = firstKey;
  for (;;) {
    const row = p.row;
    p.col++;
    setKey(map, key, readValue(p, indent, true), row);
    endRow(p);
    if (p.row >= p.rows.length || p.col < indent) return map;
    if (p.col > indent) fail(p, 'bad indentation');
    const keyRow = p.row;
    const node = readFlowNode(p, indent, false);
    if (!atColon(p)) fail(p, 'a key without ": "');
    key = keyOf(p, node, keyRow);
  }
}

/** A block list whose "- " items start at column `indent`; p is at the first "-". */
function readList(p: Place, indent: number): unknown[] {
  const list: unknown[] = [];
  for (;;) {
    p.col++;
    const row = p.row;
    const empty = restIsBlank(p);
    list.push(readValue(p, indent, false));
    endRow(p);
    if (p.row >= p.rows.length) return list;
    const dash = isDash(p.rows[p.row]!, p.col);
    // As js-yaml reads it, an empty item is followed by the list's next item even from a shallower "- ".
    if (empty && p.row === contentRow(p, row + 1) && dash && p.col < indent) continue;
    if (p.col < indent) return list;
    if (p.col > indent) fail(p, 'bad indentation');
    if (!dash) return list;
  }
}

const isDash = (row: string, col: number): boolean => row[col] === '-' && isGap(row[col + 1] ?? '');
