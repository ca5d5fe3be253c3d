// Reads the shared OAI-PMH harvest (arXiv metadata format) into Papers for the ranking tests.
// Only what ranking needs is filled in; the sample is read in place, never copied.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import type { Paper } from '../../core/arxiv/paper';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const samplesDir = resolve(repoRoot, '..', 'shared', 'arxiv-samples');
export const oaiHarvestPath = resolve(samplesDir, 'oai-pmh', 'xml4js2014_ListRecords-arXiv.xml');

interface OaiAuthor {
  keyname?: string | number;
  forenames?: string | number;
}

interface OaiArxiv {
  id: string | number;
  title: string;
  abstract: string;
  categories: string;
  authors?: { author?: OaiAuthor | OaiAuthor[] };
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

function paperOf(record: OaiArxiv): Paper {
  const id = String(record.id);
  const categories = collapse(record.categories).split(' ');
  const rawAuthors = record.authors?.author;
  const authors = (Array.isArray(rawAuthors) ? rawAuthors : rawAuthors ? [rawAuthors] : []).map((a) => ({
    name: collapse(`${a.forenames ?? ''} ${a.keyname ?? ''}`),
    affiliations: [],
  }));
  return {
    id,
    version: 1,
    title: collapse(record.title),
    authors,
    abstract: collapse(record.abstract),
    categories,
    primaryCategory: categories[0]!,
    absUrl: `https://arxiv.org/abs/${id}`,
    pdfUrl: `https://arxiv.org/pdf/${id}v1`,
  };
}

/** The harvest's records in file order, or undefined when the shared samples are absent. */
export function readOaiHarvest(path = oaiHarvestPath): Paper[] | undefined {
  if (!existsSync(path)) return undefined;
  const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, isArray: (name) => name === 'record' });
  const doc = parser.parse(readFileSync(path, 'utf8')) as {
    'OAI-PMH': { ListRecords: { record: Array<{ metadata?: { arXiv?: OaiArxiv } }> } };
  };
  return doc['OAI-PMH'].ListRecords.record.flatMap((record) => (record.metadata?.arXiv ? [paperOf(record.metadata.arXiv)] : []));
}

/** The archive of a paper's primary category: "math.CO" → "math", "hep-th" → "hep-th". */
export function archiveOf(paper: Paper): string {
  return paper.primaryCategory.split('.')[0]!;
}
