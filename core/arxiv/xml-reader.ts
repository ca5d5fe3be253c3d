// Reads an XML document into elements in one pass, checking as it goes that the document is
// well-formed: one root, tags closed in order, attributes quoted and not repeated, "&" starting a
// reference, nothing but white space, comments and processing instructions around the root.
// A day's feed is megabytes and this runs on phones, so it walks the text with indexOf and
// character codes rather than building tokens.

/** One element as read, matched by namespace URI and local name, never by prefix. */
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

/** Prefix → namespace URI; shared by every element that declares nothing new. */
type Scope = ReadonlyMap<string, string>;

interface OpenElement {
  element: XmlElement;
  /** The name as written, prefix included, to match the end tag. */
  tag: string;
  scope: Scope;
  start: number;
  /**
   * The element's text so far, joined when it closes: appending piece by piece would keep a
   * string object alive per piece (the white space between children, mostly) until the end.
   */
  pieces: string[] | undefined;
}

// Most elements have no attributes and most have no child elements: they share these two, which
// are frozen so that nothing can fill them for everyone. A feed has tens of thousands of elements,
// and fewer objects alive during the parse means less copying by the garbage collector.
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({});
const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];
const XML_SCOPE: Scope = new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]);

// XML 1.0 names (section 2.3), within the Basic Multilingual Plane.
const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
// eslint-disable-next-line no-misleading-character-class -- combining marks are name characters in XML
const NAME = new RegExp(`^[${NAME_START}][${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040]*$`);
// "&" must start &name; &#123; or &#x1F; (entity and character references, section 4.1).
const BAD_AMPERSAND = /&(?![A-Za-z_:][\w.:-]*;|#[0-9]+;|#x[0-9a-fA-F]+;)/;
const NOT_WHITE = /[^ \t\r\n]/;

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const GT = 0x3e;
const BANG = 0x21;
const QUESTION = 0x3f;

function isWhite(code: number): boolean {
  return code === SPACE || code === LF || code === TAB || code === CR;
}

class NotWellFormed extends Error {}

/** The root element, or the first reason the text is not well-formed XML. */
export function readXml(xml: string): { root: XmlElement } | { problem: string } {
  try {
    return { root: new XmlReader(xml).read() };
  } catch (error) {
    if (error instanceof NotWellFormed) return { problem: error.message };
    throw error;
  }
}

class XmlReader {
  private pos = 0;
  private readonly open: OpenElement[] = [];
  private root: XmlElement | undefined;
  /** Names already checked: a feed repeats a dozen names thousands of times. */
  private readonly names = new Set<string>();

  constructor(private readonly xml: string) {}

  read(): XmlElement {
    const xml = this.xml;
    while (this.pos < xml.length) {
      const lt = xml.indexOf('<', this.pos);
      const textEnd = lt < 0 ? xml.length : lt;
      if (textEnd > this.pos) this.text(xml.slice(this.pos, textEnd), this.pos);
      if (lt < 0) break;
      this.pos = lt;
      const next = xml.charCodeAt(lt + 1);
      if (next === BANG) this.markup();
      else if (next === QUESTION) this.instruction();
      else if (next === SLASH) this.endTag();
      else this.startTag();
    }
    const unclosed = this.open[this.open.length - 1];
    if (unclosed) this.fail(`<${unclosed.tag}> is never closed`, unclosed.start);
    if (!this.root) this.fail('there is no root element', 0);
    return this.root;
  }

  private fail(reason: string, at: number): never {
    let line = 1;
    for (let i = this.xml.indexOf('\n'); i >= 0 && i < at; i = this.xml.indexOf('\n', i + 1)) line += 1;
    throw new NotWellFormed(`${reason} (line ${line})`);
  }

  private text(raw: string, at: number): void {
    const current = this.open[this.open.length - 1];
    if (!current) {
      if (NOT_WHITE.test(raw)) this.fail(this.root ? 'text follows the root element' : 'text comes before the root element', at);
      return;
    }
    if (raw.includes('&')) {
      const bad = BAD_AMPERSAND.exec(raw);
      if (bad) this.fail('"&" does not start a reference', at + bad.index);
      addText(current, decodeEntities(raw));
    } else {
      addText(current, raw);
    }
  }

  /** Comments, CDATA sections and the document type declaration. */
  private markup(): void {
    const xml = this.xml;
    const at = this.pos;
    const current = this.open[this.open.length - 1];
    if (xml.startsWith('<!--', at)) {
      this.pos = this.endOf('-->', at + 4, 'a comment is never closed');
    } else if (xml.startsWith('<![CDATA[', at)) {
      const end = this.endOf(']]>', at + 9, 'a CDATA section is never closed');
      // Read like text (entities included), as arXiv's readers always have; outside the root
      // it holds nothing anyone reads.
      if (current) addText(current, decodeEntities(xml.slice(at + 9, end - 3)));
      this.pos = end;
    } else if (xml.startsWith('<!DOCTYPE', at)) {
      // Strictly it belongs before the root, but a misplaced one hides nothing worth refusing.
      this.pos = this.skipDoctype(at + 9);
    } else {
      this.fail('"<!" starts neither a comment, CDATA nor the document type', at);
    }
  }

  private instruction(): void {
    const at = this.pos;
    const end = this.endOf('?>', at + 2, 'a processing instruction is never closed');
    const target = /^[^\s?]*/.exec(this.xml.slice(at + 2, Math.min(end, at + 40)))![0];
    if (target === 'xml' && at > 0) this.fail('the XML declaration is not at the start', at);
    this.pos = end;
  }

  private endOf(marker: string, from: number, reason: string): number {
    const found = this.xml.indexOf(marker, from);
    if (found < 0) this.fail(reason, from);
    return found + marker.length;
  }

  private skipDoctype(from: number): number {
    const xml = this.xml;
    let depth = 0;
    let quote = 0;
    for (let i = from; i < xml.length; i += 1) {
      const c = xml.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) quote = c;
      else if (c === 0x5b) depth += 1;
      else if (c === 0x5d) depth -= 1;
      else if (c === GT && depth <= 0) return i + 1;
    }
    return this.fail('the document type declaration is never closed', from);
  }

  private isName(text: string): boolean {
    if (this.names.has(text)) return true;
    if (!NAME.test(text)) return false;
    this.names.add(text);
    return true;
  }

  private endTag(): void {
    const xml = this.xml;
    const at = this.pos;
    const current = this.open.pop();
    if (current?.pieces) current.element.text = current.pieces.join('');
    // The usual case, "</name>" right after its own content, needs no slicing.
    if (current && xml.startsWith(current.tag, at + 2) && xml.charCodeAt(at + 2 + current.tag.length) === GT) {
      this.pos = at + 3 + current.tag.length;
      return;
    }
    const close = xml.indexOf('>', at + 2);
    if (close < 0) this.fail('an end tag is never closed', at);
    const tag = xml.slice(at + 2, close).replace(/[ \t\r\n]+$/, '');
    if (!current) this.fail(`</${tag}> closes nothing`, at);
    if (current.tag !== tag) this.fail(`</${tag}> closes <${current.tag}>`, at);
    this.pos = close + 1;
  }

  private startTag(): void {
    const xml = this.xml;
    const at = this.pos;
    if (this.root && this.open.length === 0) this.fail('a second root element follows the first', at);
    let i = at + 1;
    while (i < xml.length) {
      const c = xml.charCodeAt(i);
      if (isWhite(c) || c === GT || c === SLASH) break;
      i += 1;
    }
    const tag = xml.slice(at + 1, i);
    if (!this.isName(tag)) this.fail(tag ? `<${tag}> is not a valid tag name` : '"<" is followed by no tag name', at);
    const inherited = this.open[this.open.length - 1]?.scope ?? XML_SCOPE;
    let scope = inherited;
    let attrs = NO_ATTRIBUTES;
    // Names so far, to refuse repeats; tags have a handful of attributes, so a list will do.
    const seen: string[] = [];
    let selfClosing = false;
    for (;;) {
      const spaceStart = i;
      while (i < xml.length && isWhite(xml.charCodeAt(i))) i += 1;
      const c = xml.charCodeAt(i);
      if (c === GT) break;
      if (c === SLASH && xml.charCodeAt(i + 1) === GT) {
        selfClosing = true;
        i += 1;
        break;
      }
      if (i >= xml.length) this.fail(`<${tag}> is never closed`, at);
      if (i === spaceStart) this.fail(`an attribute of <${tag}> is not preceded by a space`, i);
      const nameStart = i;
      while (i < xml.length) {
        const n = xml.charCodeAt(i);
        if (isWhite(n) || n === EQUALS || n === GT || n === SLASH) break;
        i += 1;
      }
      const name = xml.slice(nameStart, i);
      if (!this.isName(name)) this.fail(`<${tag}> has an invalid attribute name "${name}"`, nameStart);
      if (seen.includes(name)) this.fail(`<${tag}> repeats the attribute ${name}`, nameStart);
      seen.push(name);
      while (isWhite(xml.charCodeAt(i))) i += 1;
      if (xml.charCodeAt(i) !== EQUALS) this.fail(`the attribute ${name} of <${tag}> has no value`, nameStart);
      i += 1;
      while (isWhite(xml.charCodeAt(i))) i += 1;
      const quote = xml.charCodeAt(i);
      if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) this.fail(`the value of ${name} in <${tag}> is not quoted`, i);
      const end = xml.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", i + 1);
      if (end < 0) this.fail(`the value of ${name} in <${tag}> is never closed`, i);
      const value = xml.slice(i + 1, end);
      i = end + 1;
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        // Declarations are scoped to this element and its descendants: copy on first write.
        if (scope === inherited) scope = new Map(inherited);
        (scope as Map<string, string>).set(name === 'xmlns' ? '' : name.slice(6), decodeEntities(value));
      } else {
        if (attrs === NO_ATTRIBUTES) attrs = {};
        attrs[name] = decodeEntities(value);
      }
    }
    const colon = tag.indexOf(':');
    const element: XmlElement = {
      ns: scope.get(colon >= 0 ? tag.slice(0, colon) : '') ?? '',
      name: colon >= 0 ? tag.slice(colon + 1) : tag,
      attrs,
      children: NO_CHILDREN,
      text: '',
    };
    const parent = this.open[this.open.length - 1];
    if (parent) {
      if (parent.element.children === NO_CHILDREN) parent.element.children = [element];
      else parent.element.children.push(element);
    } else this.root = element;
    if (!selfClosing) this.open.push({ element, tag, scope, start: at, pieces: undefined });
    this.pos = i + 1;
  }
}

/** The first piece of text goes straight into the element; a second starts the list to join. */
function addText(open: OpenElement, piece: string): void {
  if (open.pieces) open.pieces.push(piece);
  else if (open.element.text === '') open.element.text = piece;
  else open.pieces = [open.element.text, piece];
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes XML's five named entities and numeric references, once. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (code > 0x10ffff) return whole;
      // XML has no NUL, no control characters but tab, LF and CR, and no lone surrogates
      // (section 2.2). A reference to one is dropped, as fast-xml-parser does: handed on, it
      // would break YAML, file names and encodeURIComponent.
      if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0xd800 && code <= 0xdfff)) return '';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}
