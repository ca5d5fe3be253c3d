// A small namespace-aware view of an XML document. arXiv serialises the same elements with
// different prefixes and declaration sites, so readers match elements by namespace URI and local
// name, never by prefix. The reading itself, and the element it reads into, are in ./xml-reader.ts.

import { readXml, type XmlElement } from './xml-reader';

export { decodeEntities, type XmlElement } from './xml-reader';

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  opensearch: 'http://a9.com/-/spec/opensearch/1.1/',
  arxiv: 'http://arxiv.org/schemas/atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss1: 'http://purl.org/rss/1.0/',
  none: '',
} as const;

/**
 * Parses a whole document and returns its root element, or a reason when the text is not
 * well-formed XML (HTML error pages, truncated bodies, plain text).
 */
export function parseXml(text: string): { root: XmlElement } | { problem: string } {
  // A byte-order mark or blank lines before the prolog are harmless.
  const xml = text.replace(/^\uFEFF?[ \t\r\n]*/, '');
  // XML reads every line ending as "\n" (XML 1.0, section 2.11).
  return readXml(xml.includes('\r') ? xml.replace(/\r\n?/g, '\n') : xml);
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
