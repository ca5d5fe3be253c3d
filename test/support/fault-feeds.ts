// What a misbehaving arXiv sends, as text the stand-in server can serve: feeds built item by
// item (with any metadata, hostile included, escaped the way a real feed escapes it), arXiv's own
// error answers, an HTML maintenance page, cut-off XML, an empty listing and a 20 MB listing.

import { SAMPLE_ANNOUNCEMENT_XML } from '../../core/node/sample/announcement';

/** The listing date every fault feed carries unless told otherwise (a Thursday). */
export const FEED_DATE = 'Thu, 28 May 2026 00:00:00 -0400';
export const FEED_LISTING = '2026-05-28';

export interface ItemFields {
  id: string;
  version?: number;
  title: string;
  abstract: string;
  /** The dc:creator line, e.g. "Ada Lovelace, Alan Turing". */
  authors: string;
  categories: string[];
  announceType?: 'new' | 'cross' | 'replace' | 'replace-cross';
  /** The item's pubDate text; omitted when null. */
  pubDate?: string | null;
  /** Leave the id out of guid, link and description. */
  withoutId?: boolean;
}

/**
 * Text as it stands inside an XML element: markup characters escaped, and characters XML cannot
 * hold literally (controls, lone surrogates) written as character references, as a feed would.
 * NUL cannot be written in XML at all and is dropped.
 */
export function xmlText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (code === 0) continue;
    else if ((code < 0x20 && ch !== '\n' && ch !== '\t') || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff) {
      out += `&#${code};`;
    } else out += ch;
  }
  return out;
}

export function rssItem(fields: ItemFields): string {
  const v = fields.version ?? 1;
  const type = fields.announceType ?? (v > 1 ? 'replace' : 'new');
  const full = `${fields.id}v${v}`;
  const lines = [
    '    <item>',
    `      <title>${xmlText(fields.title)}</title>`,
    fields.withoutId ? '' : `      <link>https://arxiv.org/abs/${fields.id}</link>`,
    `      <description>${fields.withoutId ? '' : `arXiv:${full} Announce Type: ${type} \nAbstract: `}${xmlText(fields.abstract)}</description>`,
    fields.withoutId ? '' : `      <guid isPermaLink="false">oai:arXiv.org:${full}</guid>`,
    ...fields.categories.map((c) => `      <category>${xmlText(c)}</category>`),
    fields.pubDate === null ? '' : `      <pubDate>${xmlText(fields.pubDate ?? FEED_DATE)}</pubDate>`,
    `      <arxiv:announce_type>${type}</arxiv:announce_type>`,
    `      <dc:creator>${xmlText(fields.authors)}</dc:creator>`,
    '    </item>',
  ];
  return lines.filter((l) => l !== '').join('\n');
}

const SAMPLE_HEAD = SAMPLE_ANNOUNCEMENT_XML.slice(0, SAMPLE_ANNOUNCEMENT_XML.indexOf('    <item>'));

/** An rss.arxiv.org feed dated `date` (RFC 822) holding `items`. */
export function rssFeed(items: readonly string[], date = FEED_DATE): string {
  const head = SAMPLE_HEAD.replaceAll('Fri, 29 May 2026 00:00:00 -0400', date);
  return `${head}${items.join('\n')}${items.length ? '\n' : ''}  </channel>\n</rss>\n`;
}

/** The 40 items of the sample announcement that ships with Paper Feed, re-dated to `date`. */
export function sampleItems(date = FEED_DATE): string[] {
  const items: string[] = [];
  for (let at = SAMPLE_ANNOUNCEMENT_XML.indexOf('    <item>'); at >= 0; at = SAMPLE_ANNOUNCEMENT_XML.indexOf('    <item>', at + 1)) {
    const end = SAMPLE_ANNOUNCEMENT_XML.indexOf('</item>', at) + '</item>'.length;
    items.push(SAMPLE_ANNOUNCEMENT_XML.slice(at, end).replaceAll('Fri, 29 May 2026 00:00:00 -0400', date));
  }
  return items;
}

/** The sample announcement as a normal feed for FEED_DATE: 19 papers match the default groups. */
export const GOOD_FEED = rssFeed(sampleItems());
export const GOOD_FEED_MATCHES = 19;

/** The feed cut off part-way, as a dropped download leaves it (served complete at the HTTP level). */
export function truncated(xml: string, fraction = 0.6): string {
  return xml.slice(0, Math.floor(xml.length * fraction));
}

/** A maintenance page such as a proxy or arXiv's front end serves, with status 200. */
export const HTML_ERROR_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><title>arXiv is down for maintenance</title></head>
<body><h1>We'll be back soon</h1><p>Please try again later.</p><script>alert("not for notes")</script></body>
</html>
`;

/** arXiv's RSS answer to a category it does not know (status 400). */
export function rssErrorFeed(path: string): string {
  return `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" version="2.0">
  <channel>
    <title>Feed error for query: http://rss.arxiv.org/rss/${xmlText(path)}</title>
    <link>http://rss.arxiv.org/rss/${xmlText(path)}</link>
    <description>Bad category 'cs.XYZ'. Valid categories start with an archive name.</description>
    <pubDate>${FEED_DATE}</pubDate>
  </channel>
</rss>
`;
}

/** The API's error answer (status 400): a feed with one entry titled "Error". */
export const API_ERROR_ENTRY = `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/</id>
  <title>arXiv Search Results</title>
  <updated>2026-05-28T22:59:06Z</updated>
  <opensearch:itemsPerPage>1</opensearch:itemsPerPage>
  <opensearch:totalResults>1</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
  <entry>
    <id>https://arxiv.org/api/errors#invalid_search_query</id>
    <title>Error</title>
    <updated>2026-05-28T22:59:06Z</updated>
    <summary>search_query is not valid</summary>
    <author><name>arXiv api core</name></author>
  </entry>
</feed>
`;

/** A listing with no items, as arXiv serves on a night without an announcement. */
export const EMPTY_FEED = rssFeed([]);

/**
 * A feed of at least `bytes` (20 MB by default): the sample's items followed by thousands of
 * papers that match no default group, so the run has a lot to read and little to write.
 */
export function hugeFeed(bytes = 20 * 1024 * 1024): { xml: string; items: number } {
  const items = sampleItems();
  let size = SAMPLE_HEAD.length + items.join('\n').length;
  const filler = 'We catalogue quiet galaxies in a survey of the southern sky and measure their colours. '.repeat(16);
  for (let n = 0; size < bytes; n += 1) {
    const item = rssItem({
      id: `2605.${String(40000 + n)}`,
      title: `A Catalogue of Quiet Galaxies, Part ${n + 1}`,
      abstract: filler,
      authors: 'Vera Rubin, Cecilia Payne',
      categories: ['astro-ph.GA'],
    });
    items.push(item);
    size += item.length + 1;
  }
  return { xml: rssFeed(items), items: items.length };
}

/** Bad items placed among the good ones: one without any id, one with a bad date, one untitled. */
export const BAD_ITEMS = {
  missingId: rssItem({
    id: '2605.99001',
    withoutId: true,
    title: 'Large Language Models Without an Identity',
    abstract: 'No id.',
    authors: 'Nora Nobody',
    categories: ['cs.CL'],
  }),
  badDate: rssItem({
    id: '2605.99002',
    title: 'Large Language Models With a Broken Date',
    abstract: 'Dates matter.',
    authors: 'Dora Date',
    categories: ['cs.CL'],
    pubDate: 'the twenty-eighth of May',
  }),
  emptyTitle: rssItem({
    id: '2605.99003',
    title: '   ',
    abstract: 'A large language model paper without a title.',
    authors: 'Tim Title',
    categories: ['cs.CL'],
  }),
};

/** The sample feed with the three bad items among its good ones. */
export function feedWithBadItems(): string {
  const items = sampleItems();
  items.splice(3, 0, BAD_ITEMS.missingId);
  items.splice(10, 0, BAD_ITEMS.badDate);
  items.splice(20, 0, BAD_ITEMS.emptyTitle);
  return rssFeed(items);
}
