// Measured quality on real data: 1,000 arXiv records from an OAI-PMH harvest. For each of the
// five largest archives, its first 30 papers (file order) are the library and every other
// record is ranked; precision@20 (share of the top 20 in the same archive) must reach, on
// average, three times the archive's base rate among the ranked records.

import { describe, expect, it } from 'vitest';
import type { Paper } from '../../core/arxiv/paper';
import { LibraryIndex } from '../../core/rank/library';
import { rankPapers } from '../../core/rank/score';
import { archiveOf, oaiHarvestPath, readOaiHarvest } from './oai-sample';

const LIBRARY_SIZE = 30;
const TOP = 20;
const ARCHIVES = 5;

interface ArchiveRow {
  archive: string;
  /** Records of the archive in the harvest (its library is the first 30 of them). */
  papers: number;
  ranked: number;
  baseRate: number;
  precisionAt20: number;
}

function measure(papers: readonly Paper[], archive: string): ArchiveRow {
  const library = papers.filter((paper) => archiveOf(paper) === archive).slice(0, LIBRARY_SIZE);
  const inLibrary = new Set(library.map((paper) => paper.id));
  const index = new LibraryIndex();
  for (const paper of library) index.add({ id: paper.id, title: paper.title, abstract: paper.abstract });
  const others = papers.filter((paper) => !inLibrary.has(paper.id));
  const top = rankPapers(others, index, { topN: TOP }).ranked;
  return {
    archive,
    papers: papers.filter((paper) => archiveOf(paper) === archive).length,
    ranked: others.length,
    baseRate: others.filter((paper) => archiveOf(paper) === archive).length / others.length,
    precisionAt20: top.filter((item) => archiveOf(item.paper) === archive).length / TOP,
  };
}

function largestArchives(papers: readonly Paper[]): string[] {
  const counts = new Map<string, number>();
  for (const paper of papers) counts.set(archiveOf(paper), (counts.get(archiveOf(paper)) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, ARCHIVES)
    .map(([archive]) => archive);
}

function table(rows: readonly ArchiveRow[]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const mean = (pick: (row: ArchiveRow) => number) => rows.reduce((sum, row) => sum + pick(row), 0) / rows.length;
  return [
    line(['archive', 'n', 'base rate', 'precision@20']),
    line(['---', '---:', '---:', '---:']),
    ...rows.map((row) => line([row.archive, String(row.papers), row.baseRate.toFixed(3), row.precisionAt20.toFixed(2)])),
    line(['**mean**', '', mean((row) => row.baseRate).toFixed(3), mean((row) => row.precisionAt20).toFixed(3)]),
  ].join('\n');
}

const papers = readOaiHarvest();
if (!papers) console.log(`Skipping the ranking quality test: the OAI-PMH sample is not at ${oaiHarvestPath}.`);

describe.runIf(papers !== undefined)('ranking quality on 1,000 real arXiv records', () => {
  it('reads the whole harvest', () => {
    expect(papers!.length).toBe(1000);
    expect(largestArchives(papers!)).toEqual(['cond-mat', 'math', 'astro-ph', 'physics', 'hep-th']);
  });

  it('ranks same-archive papers into the top 20 at least 3× as often as chance', () => {
    const rows = largestArchives(papers!).map((archive) => measure(papers!, archive));
    console.log(
      `Top-picks quality: n = the archive's records; library = its first ${LIBRARY_SIZE}; ranked = the other ${rows[0]!.ranked} records\n${table(rows)}`,
    );
    const meanPrecision = rows.reduce((sum, row) => sum + row.precisionAt20, 0) / rows.length;
    const meanBaseRate = rows.reduce((sum, row) => sum + row.baseRate, 0) / rows.length;
    expect(meanPrecision).toBeGreaterThanOrEqual(3 * meanBaseRate);
  });
});
