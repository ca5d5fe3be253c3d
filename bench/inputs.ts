// The data the benchmarks run on: arXiv's real 1,504-item announcement from ../shared when it is
// there (else one generated from the sample feed that ships with the CLI), a 2,000-entry API page
// grown from a real API answer, and the config that matches every paper of an announcement.

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tryParseArxivId } from '../core/arxiv/ids';
import type { Announcement } from '../core/arxiv/paper';
import { DEFAULT_CONFIG, type PaperFeedConfig } from '../core/config';
import { SAMPLE_ANNOUNCEMENT_XML } from '../core/node/sample/announcement';

/** The repository root; the orchestrator passes it because bundles run from a temp folder. */
export const repoRoot = process.env.PAPER_FEED_REPO ?? process.cwd();
export const samplesDir = resolve(repoRoot, '..', 'shared', 'arxiv-samples');
export const REAL_RSS = resolve(samplesDir, 'rss', 'rss2-2024', 'aioarxiv_rss_all-archives_2024-11-28.xml');
const REAL_API = resolve(samplesDir, 'api', 'current', 'arxivpy_search_all-testing_start0_max100.xml');
const SHIPPED_API = resolve(repoRoot, 'test', 'fixtures', 'arxiv', 'api-current.xml');

export interface FeedBytes {
  bytes: Buffer;
  /** Where the bytes came from, as the table says it. */
  source: string;
  real: boolean;
}

/** The announcement every vault benchmark writes: the real feed, or 1,504 generated items. */
export function dailyFeed(): FeedBytes {
  if (existsSync(REAL_RSS)) {
    return { bytes: readFileSync(REAL_RSS), source: 'real rss.arxiv.org feed of 2024-11-28 (1,504 items, 2.8 MB)', real: true };
  }
  return { bytes: Buffer.from(generatedRss(1504), 'utf8'), source: 'generated feed of 1,504 items (../shared/arxiv-samples absent)', real: false };
}

/** `count` items in rss.arxiv.org's shape, cycling through the CLI's sample items with fresh ids. */
export function generatedRss(count: number): string {
  const xml = SAMPLE_ANNOUNCEMENT_XML;
  const first = xml.indexOf('<item>');
  const last = xml.lastIndexOf('</item>') + '</item>'.length;
  const items = xml
    .slice(first, last)
    .split('</item>')
    .map((s) => s.trim())
    .filter((s) => s.startsWith('<item>'))
    .map((s) => `${s}</item>`);
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const item = items[i % items.length]!;
    const id = /<link>https:\/\/arxiv\.org\/abs\/([^<]+)<\/link>/.exec(item)![1]!;
    out.push(item.split(id).join(syntheticId(i)));
  }
  return `${xml.slice(0, first)}${out.join('\n    ')}${xml.slice(last)}`;
}

/** A valid new-style id that no real sample uses: 2506.00001, 2506.00002, … */
export function syntheticId(index: number, month = '2506'): string {
  return `${month}.${String(index + 1).padStart(5, '0')}`;
}

/**
 * An API page of `count` entries, made by repeating the entries of a real API answer (100 of
 * them when ../shared is there) with fresh ids, so every entry keeps arXiv's exact shape.
 */
export function apiPage(count: number): FeedBytes {
  const real = existsSync(REAL_API);
  const xml = readFileSync(real ? REAL_API : SHIPPED_API, 'utf8');
  const first = xml.indexOf('<entry>');
  const last = xml.lastIndexOf('</entry>') + '</entry>'.length;
  const entries = xml
    .slice(first, last)
    .split('</entry>')
    .map((s) => s.trim())
    .filter((s) => s.startsWith('<entry>'))
    .map((s) => `${s}</entry>`);
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const entry = entries[i % entries.length]!;
    const idText = /<id>([^<]+)<\/id>/.exec(entry)![1]!;
    const id = tryParseArxivId(idText)!.id;
    out.push(entry.split(id).join(syntheticId(i, '2507')));
  }
  const head = xml
    .slice(0, first)
    .replace(/<opensearch:itemsPerPage>\d+/, `<opensearch:itemsPerPage>${count}`)
    .replace(/<opensearch:totalResults>\d+/, `<opensearch:totalResults>${count}`);
  const text = `${head}${out.join('\n  ')}${xml.slice(last)}`;
  const source = real
    ? `${count} entries grown from a real API answer of 100 (search all:testing)`
    : `${count} entries grown from the shipped API fixture (../shared/arxiv-samples absent)`;
  return { bytes: Buffer.from(text, 'utf8'), source, real };
}

/** A config whose one group follows every archive in the announcement, and every announce type. */
export function everythingConfig(announcement: Announcement): PaperFeedConfig {
  const archives = [...new Set(announcement.papers.flatMap((p) => p.categories.map((c) => c.split('.')[0]!)))].sort();
  return {
    ...DEFAULT_CONFIG,
    categories: archives,
    announceTypes: ['new', 'cross', 'replace', 'replace-cross'],
    groups: [{ name: 'Everything', include: [], categories: archives }],
  };
}
