// Paper Feed's YAML reader for frontmatter: block and flow mappings and sequences and every scalar
// style, read step by step as js-yaml 3's safe loader reads them (test/notes/yaml checks it
// against js-yaml). What it does not read (anchors, aliases, tags, merge and complex keys,
// directives, several documents, tab indentation) throws UnsupportedYaml rather than being guessed.

import { at, atDocumentMarker, next, fail, isWhite, isWsOrEol, skipSpace, unsupported, type Cursor } from './cursor';
import { resolvePlain } from './resolve';
import { readBlockScalar, readPlainScalar, readQuotedScalar } from './scalars';

export { UnsupportedYaml, YamlError } from './cursor';

const enum Context {
  FlowIn,
  FlowOut,
  BlockIn,
  BlockOut,
}

/** The value of a one-document YAML text (undefined when it holds no document). Throws YamlError. */
export function readYaml(yaml: string): unknown {
  let text = yaml;
  if (text !== '' && !/[\r\n]$/.test(text)) text += '\n';
  if (text.startsWith('\ufeff')) text = text.slice(1);
  const c: Cursor = { text: text + '\0', pos: 0, line: 0, lineStart: 0, lineIndent: 0, result: null };
  const lineAt = (index: number) => text.slice(0, index).split(/\r\n?|\n/).length - 1;
  const nul = text.indexOf('\0');
  if (nul >= 0) fail({ ...c, line: lineAt(nul) }, 'a control character');
  const tab = /^ *\t+[^\s#]/m.exec(text);
  if (tab) unsupported({ ...c, line: lineAt(tab.index) }, 'a tab for indentation');
  while (at(c) === 32) {
    c.lineIndent += 1;
    c.pos += 1;
  }
  const end = text.length - 1;
  if (c.pos >= end) return undefined;
  skipSpace(c, true);
  if (c.lineIndent === 0 && at(c) === 37) unsupported(c, 'a YAML directive (%)');
  if (c.lineIndent === 0 && at(c) === 45 && at(c, 1) === 45 && at(c, 2) === 45) {
    c.pos += 3;
    skipSpace(c, true);
  }
  composeNode(c, c.lineIndent - 1, Context.BlockOut, false, true);
  skipSpace(c, true);
  if (c.pos === c.lineStart && atDocumentMarker(c)) {
    if (at(c) === 46) {
      c.pos += 3;
      skipSpace(c, true);
    }
  } else if (c.pos < end) fail(c, 'unexpected text');
  if (c.pos < end) unsupported(c, 'a second YAML document');
  return c.result;
}

/** Reads the node at the cursor into c.result; false when there is none. */
function composeNode(c: Cursor, parentIndent: number, context: Context, allowToSeek: boolean, allowCompact: boolean): boolean {
  c.result = null;
  const block = context === Context.BlockIn || context === Context.BlockOut;
  let indentStatus = 1;
  let atNewLine = false;
  if (allowToSeek && skipSpace(c, true)) {
    atNewLine = true;
    indentStatus = Math.sign(c.lineIndent - parentIndent);
  }
  const blockCollections = block && (atNewLine || allowCompact);
  if (indentStatus !== 1 && context !== Context.BlockOut) return false;
  const flowIndent = block ? parentIndent + 1 : parentIndent;
  const blockIndent = c.pos - c.lineStart;
  if (indentStatus === 0) return blockCollections && readBlockSequence(c, blockIndent);
  if (indentStatus === -1) return false;
  const ch = at(c);
  if (ch === 33) unsupported(c, 'a YAML tag (!)');
  if (ch === 38) unsupported(c, 'a YAML anchor (&)');
  if (blockCollections && (readBlockSequence(c, blockIndent) || readBlockMapping(c, blockIndent, flowIndent))) return true;
  if (readFlowCollection(c, flowIndent) || (block && readBlockScalar(c, flowIndent)) || readQuotedScalar(c)) return true;
  if (ch === 42) unsupported(c, 'a YAML alias (*)');
  if (!readPlainScalar(c, flowIndent, context === Context.FlowIn)) return false;
  if (c.result === '<<') unsupported(c, 'a YAML merge key (<<)');
  c.result = resolvePlain(c.result as string);
  return true;
}

function readBlockSequence(c: Cursor, indent: number): boolean {
  const items: unknown[] = [];
  let ch = at(c);
  while (ch === 45 && isWsOrEol(at(c, 1))) {
    c.pos += 1;
    if (skipSpace(c, true) && c.lineIndent <= indent) {
      items.push(null);
      ch = at(c);
      continue;
    }
    const line = c.line;
    composeNode(c, indent, Context.BlockIn, false, true);
    items.push(c.result);
    skipSpace(c, true);
    ch = at(c);
    if ((c.line === line || c.lineIndent > indent) && ch !== 0) fail(c, 'bad indentation');
    if (c.lineIndent < indent) break;
  }
  if (!items.length) return false;
  c.result = items;
  return true;
}

function readBlockMapping(c: Cursor, indent: number, flowIndent: number): boolean {
  const map = {};
  let detected = false;
  let ch = at(c);
  while (ch !== 0) {
    const line = c.line;
    if ((ch === 63 || ch === 58) && isWsOrEol(at(c, 1))) {
      if (ch === 63) unsupported(c, 'a complex mapping key (?)');
      fail(c, 'a ":" without a key');
    }
    if (!composeNode(c, flowIndent, Context.FlowOut, false, true)) break;
    // A node that is not followed by ":" on its line is the whole value, not a key.
    if (c.line !== line) return detected ? fail(c, 'a key over several lines') : true;
    while (isWhite(at(c))) c.pos += 1;
    if (at(c) !== 58) return detected ? fail(c, 'a missing ":"') : true;
    ch = next(c);
    if (!isWsOrEol(ch)) fail(c, 'no space after ":"');
    detected = true;
    const key = c.result;
    if (c.line === line || c.lineIndent > indent) {
      composeNode(c, indent, Context.BlockOut, true, false);
      storePair(c, map, key, c.result, line);
      skipSpace(c, true);
      ch = at(c);
    }
    if (c.lineIndent > indent && ch !== 0) fail(c, 'bad indentation');
    if (c.lineIndent < indent) break;
  }
  if (detected) c.result = map;
  return detected;
}

function readFlowCollection(c: Cursor, indent: number): boolean {
  const open = at(c);
  if (open !== 91 && open !== 123) return false;
  const isMap = open === 123;
  const close = open + 2;
  const items: unknown[] = [];
  const map = {};
  let readNext = true;
  c.pos += 1;
  while (at(c) !== 0) {
    skipSpace(c, true);
    if (at(c) === close) {
      c.pos += 1;
      c.result = isMap ? map : items;
      return true;
    }
    if (!readNext) fail(c, 'a missing comma');
    if (at(c) === 63 && isWsOrEol(at(c, 1))) unsupported(c, 'a complex mapping key (?)');
    const line = c.line;
    composeNode(c, indent, Context.FlowIn, false, true);
    const key = c.result;
    let value = null;
    let pair = false;
    skipSpace(c, true);
    if (c.line === line && at(c) === 58) {
      pair = true;
      c.pos += 1;
      skipSpace(c, true);
      composeNode(c, indent, Context.FlowIn, false, true);
      value = c.result;
    }
    if (isMap) storePair(c, map, key, value, line);
    else items.push(pair ? storePair(c, {}, key, value, line) : key);
    skipSpace(c, true);
    readNext = at(c) === 44;
    if (readNext) c.pos += 1;
  }
  return fail(c, 'an unclosed [ or {');
}

/** Adds key: value to a mapping; a key repeated is an error, as YAML and js-yaml have it. */
function storePair(c: Cursor, map: object, key: unknown, value: unknown, line: number): object {
  if (key !== null && typeof key === 'object' && !(key instanceof Date)) unsupported(c, 'a list or mapping as a key');
  const name = String(key);
  if (Object.hasOwn(map, name)) {
    c.line = line;
    fail(c, `the key "${name}" twice`);
  }
  // A "__proto__" key is a key like any other, never the object's prototype.
  if (name === '__proto__') Object.defineProperty(map, name, { value, enumerable: true, writable: true, configurable: true });
  else (map as Record<string, unknown>)[name] = value;
  return map;
}
