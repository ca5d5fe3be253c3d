// A small namespace-aware view of an XML document, built on fast-xml-parser. arXiv serialises
// the same elements with different prefixes and declaration sites, so readers match elements
// by namespace URI and local name, never by prefix.

import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  opensearch: 'http://a9.com/-/spec/opensearch/1.1/',
  arxiv: 'http://arxiv.org/schemas/atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss1: 'http://purl.org/rss/1.0/',
  none: '',
} as const;

export interface XmlElement {
  /** Namespace URI ('' when the element is in no namespace). */
  ns: string;
  /** Local name, without prefix. */
  name: string;
  /** Attributes by their name as written (prefix kept: "rdf:about"). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text directly inside this element (and inside CDATA), entities decoded. */
  text: string;
}

/** fast-xml-parser's preserveOrder output: one key per node plus ':@' for attributes. */
type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Entities are decoded here in one pass (see decodeEntities) so "&amp;lt;" stays "&lt;"
  // and numeric references work too.
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/**
 * Parses a whole document and returns its root element, or a reason when the text is not
 * well-formed XML (HTML error pages, truncated bodies, plain text).
 */
export function parseXml(text: string): { root: XmlElement } | { problem: string } {
  // A byte-order mark or blank lines before the prolog are harmless; the validator disagrees.
  const xml = text.replace(/^\uFEFF?\s*/, '');
  const check = XMLValidator.validate(xml);
  if (check !== true) return { problem: `${check.err.msg} (line ${check.err.line})` };
  const nodes = parser.parse(xml) as OrderedNode[];
  const roots = nodes.flatMap((node) => toElements(node, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']])));
  const root = roots[0];
  return root ? { root } : { problem: 'the document has no root element' };
}

function toElements(node: OrderedNode, inherited: Map<string, string>): XmlElement[] {
  const tag = Object.keys(node).find((key) => key !== ':@');
  if (tag === undefined || tag === '#text' || tag === '#comment') return [];
  const rawAttrs = (node[':@'] ?? {}) as Record<string, string>;
  const scope = new Map(inherited);
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(rawAttrs)) {
    if (key === 'xmlns') scope.set('', value);
    else if (key.startsWith('xmlns:')) scope.set(key.slice(6), value);
    else attrs[key] = decodeEntities(value);
  }
  const colon = tag.indexOf(':');
  const prefix = colon >= 0 ? tag.slice(0, colon) : '';
  const element: XmlElement = {
    ns: scope.get(prefix) ?? '',
    name: colon >= 0 ? tag.slice(colon + 1) : tag,
    attrs,
    children: [],
    text: '',
  };
  const texts: string[] = [];
  for (const child of (node[tag] ?? []) as OrderedNode[]) {
    if ('#text' in child) texts.push(decodeEntities(String(child['#text'])));
    else element.children.push(...toElements(child, scope));
  }
  element.text = texts.join('');
  return [element];
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes XML's five named entities and numeric references, once. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

export function childrenOf(element: XmlElement, ns: string, name: string): XmlElement[] {
  return element.children.filter((child) => child.ns === ns && child.name === name);
}

export function childOf(element: XmlElement, ns: string, name: string): XmlElement | undefined {
  return element.children.find((child) => child.ns === ns && child.name === name);
}

/** The text of the first matching child, or undefined when there is no such child. */
export function childText(element: XmlElement, ns: string, name: string): string | undefined {
  return childOf(element, ns, name)?.text;
}
