// A vault on disk of many paper notes in Paper Feed's real format, for the benchmarks that run
// against a big vault (vault-scale, memory): the notes of earlier papers, last changed over the
// two years before, as a vault that has grown rather than one written a moment ago.

import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Paper } from '../core/arxiv/paper';
import { DEFAULT_CONFIG } from '../core/config';
import { renderPaperNote } from '../core/notes/paper-note';
import { noteFileName } from '../core/notes/sanitize';
import { syntheticId } from './inputs';

const PARALLEL_FILES = 64;
const DAY_MS = 24 * 60 * 60 * 1000;

// Each feed paper's note is rendered once with these stand-ins, which every generated note then
// replaces with its own id, citekey and date: 50,000 renders would take most of the bench's time.
const TEMPLATE_ID = '2312.99999';
const TEMPLATE_KEY = 'templatekey0';
const TEMPLATE_DAY = '2023-12-31';

/**
 * A vault of `count` paper notes in Paper Feed's real format (renderPaperNote), one per earlier
 * paper: the feed's papers again under ids of past months that the feed does not use.
 */
export async function generateVault(root: string, count: number, papers: readonly Paper[]): Promise<void> {
  const folder = join(root, DEFAULT_CONFIG.folders.papers);
  await mkdir(folder, { recursive: true });
  const templates = noteTemplates(papers);
  let next = 0;
  const writeOne = async () => {
    for (let i = next++; i < count; i = next++) {
      const template = templates[i % templates.length]!;
      const month = `23${String(1 + (Math.floor(i / 99_999) % 12)).padStart(2, '0')}`;
      const id = syntheticId(i % 99_999, month);
      const day = `2023-${month.slice(2)}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const text = template.fill(id, `note${i}`, day);
      const file = join(folder, `${template.name} (${id}).md`);
      await writeFile(file, text);
      // Last changed some day in the two years before (the same spread in both vaults).
      const when = new Date(Date.now() - (2 + ((i * 7919) % 728)) * DAY_MS);
      await utimes(file, when, when);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_FILES }, writeOne));
  // The folders too were last changed a while ago.
  const settled = new Date(Date.now() - 60_000);
  for (const path of [folder, join(root, 'arXiv'), root]) await utimes(path, settled, settled);
}

export interface NoteTemplate {
  /** The note's file name without its id. */
  name: string;
  /** The note's text for this id, citekey and date. */
  fill(id: string, citekey: string, day: string): string;
}

/** Each paper's note, rendered once with stand-in id, citekey and date for the generated notes to swap. */
export function noteTemplates(papers: readonly Paper[]): NoteTemplate[] {
  return papers.map((source) => {
    const paper: Paper = {
      ...source,
      id: TEMPLATE_ID,
      version: 1,
      absUrl: `https://arxiv.org/abs/${TEMPLATE_ID}`,
      pdfUrl: `https://arxiv.org/pdf/${TEMPLATE_ID}v1`,
      published: TEMPLATE_DAY,
      updated: TEMPLATE_DAY,
    };
    const text = renderPaperNote(paper, { citekey: TEMPLATE_KEY, keywords: ['Language models'], digests: [TEMPLATE_DAY] });
    return {
      name: noteFileName(source.title, 150),
      fill: (id, citekey, day) => text.split(TEMPLATE_ID).join(id).split(TEMPLATE_KEY).join(citekey).split(TEMPLATE_DAY).join(day),
    };
  });
}
