// The reference reading for the XML reader's differential test: fast-xml-parser, the project's
// chosen XML dependency, set up to keep everything, with its output resolved into XmlElement trees.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { XmlElement } from '../../core/arxiv/xml';

/** fast-xml-parser's preserveOrder output: one key per node, plus ':@' for attributes. */
type OrderedNode = Record<string, unknown>;

const CDATA = '#cdata';
const COMMENT = '#comment';
const TEXT = '#text';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: true,
  // fast-xml-parser 5 decodes numeric references (&#233;) only with this on. It also turns on
  // HTML's named entities, which XML does not have; usesOnlyXmlEntities keeps them out.
  htmlEntities: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // Kept apart so that text can be merged as XML reads it, and comments left out.
  cdataPropName: CDATA,
  commentPropName: COMMENT,
});

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const NAMED_REFERENCE = /&([^#;\s&][^;\s&]*);/g;
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** True when every named reference in the text is one of XML's five. */
function usesOnlyXmlEntities(xml: string): boolean {
  for (const [, name] of xml.matchAll(NAMED_REFERENCE)) if (!XML_ENTITIES.has(name!)) return false;
  return true;
}

/**
 * The root element as fast-xml-parser reads the text, or the validator's reason for refusing it.
 * Element text is every text and CDATA piece directly inside it, joined, as XML defines it.
 */
export function readWithFastXmlParser(xml: string): { root: XmlElement } | { problem: string } {
  if (!usesOnlyXmlEntities(xml))
    throw new Error('The text names an entity XML does not define, which this reference would decode as HTML; leave it out of the comparison.');
  const check = XMLValidator.validate(xml);
  if (check !== true) return { problem: `${check.err.msg} (line ${check.err.line})` };
  // The parser checks a few things the validator does not (a second document type, say).
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(xml) as OrderedNode[];
  } catch (error) {
    return { problem: (error as Error).message };
  }
  const scope = new Map([['xml', XML_NAMESPACE]]);
  const roots = nodes.flatMap((node) => {
    const tag = tagOf(node);
    return isElementTag(tag) ? [toElement(node, tag, scope)] : [];
  });
  if (roots.length !== 1) return { problem: `${roots.length} root elements` };
  return { root: roots[0]! };
}

function tagOf(node: OrderedNode): string {
  const tag = Object.keys(node).find((key) => key !== ':@');
  if (tag === undefined) throw new Error(`fast-xml-parser gave a node without a name: ${JSON.stringify(node)}`);
  return tag;
}

/** Text, CDATA, comments and processing instructions ("?name") are the other node kinds. */
function isElementTag(tag: string): boolean {
  return tag !== TEXT && tag !== CDATA && tag !== COMMENT && !tag.startsWith('?');
}

function toElement(node: OrderedNode, tag: string, inherited: ReadonlyMap<string, string>): XmlElement {
  const written = (node[':@'] ?? {}) as Record<string, string>;
  const scope = new Map(inherited);
  const attrs: Record<string, string> = {};
  for (const [name, value] of Object.entries(written)) {
    if (name === 'xmlns') scope.set('', value);
    else if (name.startsWith('xmlns:')) scope.set(name.slice(6), value);
    else attrs[name] = value;
  }
  const colon = tag.indexOf(':');
  const element: XmlElement = {
    ns: scope.get(colon >= 0 ? tag.slice(0, colon) : '') ?? '',
    name: colon >= 0 ? tag.slice(colon + 1) : tag,
    attrs,
    children: [],
    text: '',
  };
  const texts: string[] = [];
  for (const child of node[tag] as OrderedNode[]) {
    const childTag = tagOf(child);
    if (childTag === TEXT) texts.push(child[TEXT] as string);
    else if (childTag === CDATA) texts.push(((child[CDATA] as OrderedNode[])[0]?.[TEXT] as string | undefined) ?? '');
    else if (isElementTag(childTag)) element.children.push(toElement(child, childTag, scope));
  }
  element.text = texts.join('');
  return element;
}

/**
 * Where two trees first differ, as "feed/entry[2]/title: text …" (children counted from 0), or
 * undefined when they are the same; `counted` is told of every element compared.
 */
export function firstDifference(ours: XmlElement, theirs: XmlElement, counted: () => void, here = ours.name): string | undefined {
  counted();
  if (ours.name !== theirs.name || ours.ns !== theirs.ns) return `${here}: {${ours.ns}}${ours.name} vs {${theirs.ns}}${theirs.name}`;
  // Attribute order carries no meaning in XML.
  const ourAttrs = JSON.stringify(Object.entries(ours.attrs).sort(byName));
  const theirAttrs = JSON.stringify(Object.entries(theirs.attrs).sort(byName));
  if (ourAttrs !== theirAttrs) return `${here}: attributes ${ourAttrs} vs ${theirAttrs}`;
  if (ours.text !== theirs.text) return `${here}: text ${JSON.stringify(ours.text)} vs ${JSON.stringify(theirs.text)}`;
  if (ours.children.length !== theirs.children.length) return `${here}: ${ours.children.length} children vs ${theirs.children.length}`;
  for (const [index, child] of ours.children.entries()) {
    const difference = firstDifference(child, theirs.children[index]!, counted, `${here}/${child.name}[${index}]`);
    if (difference) return difference;
  }
  return undefined;
}

function byName([a]: [string, string], [b]: [string, string]): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
