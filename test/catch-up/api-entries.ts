// Serves arXiv API answers for id_list lookups from the recorded responses in
// ../shared/arxiv-samples/api (read in place): each recorded entry is answered for its own id, a
// few ids are answered with a recorded entry given another id (for counts beyond the samples),
// and any other id is dropped, as the current API drops unknown ids.

import type { ArxivStandIn, ScriptedResponse } from '../support/arxiv-server';
import { sample } from '../arxiv/fixtures';

const FEED_HEAD = `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/stand-in</id>
  <title>arXiv Query</title>
  <updated>2026-05-28T12:00:00Z</updated>`;

/** The recorded entry of each sample, by id without version. */
export function recordedEntries(): Map<string, string> {
  const files = [
    'api/current/rsxiv_id_2206.06921.xml',
    'api/current/arxivpy_id_astro-ph_0601001_oldstyle_affiliations_jref.xml',
    'api/current/arxivpy_id_1605.08386.xml',
    'api/current/arxivpy_id_1707.08567.xml',
    'api/current/rsxiv_idlist_4ids_3missing.xml',
  ];
  const entries = new Map<string, string>();
  for (const file of files) {
    for (const match of sample(file).matchAll(/<entry>[^]*?<\/entry>/g)) {
      const id = /<id>https?:\/\/arxiv\.org\/abs\/(.+?)v\d+<\/id>/.exec(match[0])?.[1];
      if (id) entries.set(id, match[0]);
    }
  }
  return entries;
}

/** A recorded entry answered as another id's (same facts, other id). */
export function entryAs(entry: string, id: string): string {
  return entry.replace(/(arxiv\.org\/(?:abs|pdf)\/)[^<"]+?(v\d+)/g, `$1${id}$2`);
}

/** The recorded entry turned into a withdrawal, in the words arXiv's records use. */
export function withdrawnEntry(entry: string): string {
  return entry
    .replace(/<arxiv:comment>[^]*?<\/arxiv:comment>/, '<arxiv:comment>This paper has been withdrawn by the authors</arxiv:comment>')
    .replace(/(<id>[^<]*?v)(\d+)(<\/id>)/, (_, a: string, v: string, b: string) => `${a}${Number(v) + 1}${b}`);
}

export function feedOf(entries: readonly string[]): string {
  return `${FEED_HEAD}
  <opensearch:itemsPerPage>${entries.length}</opensearch:itemsPerPage>
  <opensearch:totalResults>${entries.length}</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
${entries.join('\n')}
</feed>
`;
}

/** Answers /api/query id_list lookups from `entries` (id → entry XML); unknown ids are left out. */
export function serveIdLookups(server: ArxivStandIn, entries: ReadonlyMap<string, string>): void {
  server.handle('/api/query', (request): ScriptedResponse => {
    const ids = (request.query.get('id_list') ?? '').split(',').filter(Boolean);
    const found = ids.flatMap((id) => {
      const entry = entries.get(id.replace(/v\d+$/, ''));
      return entry ? [entry] : [];
    });
    return { headers: { 'content-type': 'application/atom+xml' }, body: feedOf(found) };
  });
}
