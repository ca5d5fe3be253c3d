// Benchmark 5: a run's cost must grow with the announcement, not with the vault. One day's
// announcement (the default keyword groups, as a person starting out would have them) written
// into a vault that already holds 50,000 paper notes, against the same into one holding 500.

import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Paper } from '../core/arxiv/paper';
import { parseRss } from '../core/arxiv/rss';
import { DEFAULT_CONFIG } from '../core/config';
import { FsVaultStore } from '../core/node/fs-store';
import { renderPaperNote } from '../core/notes/paper-note';
import { noteFileName } from '../core/notes/sanitize';
import { FILE_SYSTEM_WRITES_AT_ONCE, writeAnnouncement, type WriteReport } from '../core/notes/write';
import { dailyFeed, syntheticId } from './inputs';
import { settle } from './vault-files';
import { alternate, shown } from './stats';
import { log, runSuite } from './suite';

const PAIRS = 4;
const BIG = 50_000;
const SMALL = 500;
const PARALLEL_FILES = 64;

// Each feed paper's note is rendered once with these stand-ins, which every generated note then
// replaces with its own id, citekey and date: 50,000 renders would take most of the bench's time.
const TEMPLATE_ID = '2312.99999';
const TEMPLATE_KEY = 'templatekey0';
const TEMPLATE_DAY = '2023-12-31';

/**
 * A vault of `count` paper notes in Paper Feed's real format (renderPaperNote), one per earlier
 * paper: the feed's papers again under ids of past months that the feed does not use.
 */
async function generateVault(root: string, count: number, papers: readonly Paper[]): Promise<void> {
  const folder = join(root, DEFAULT_CONFIG.folders.papers);
  await mkdir(folder, { recursive: true });
  const templates = papers.map((source) => {
    const paper: Paper = { ...source, id: TEMPLATE_ID, version: 1, absUrl: `https://arxiv.org/abs/${TEMPLATE_ID}`, pdfUrl: `https://arxiv.org/pdf/${TEMPLATE_ID}v1`, published: TEMPLATE_DAY, updated: TEMPLATE_DAY };
    return { name: noteFileName(source.title, 150), text: renderPaperNote(paper, { citekey: TEMPLATE_KEY, keywords: ['Language models'], digests: [TEMPLATE_DAY] }) };
  });
  let next = 0;
  const writeOne = async () => {
    for (let i = next++; i < count; i = next++) {
      const template = templates[i % templates.length]!;
      const month = `23${String(1 + (Math.floor(i / 99_999) % 12)).padStart(2, '0')}`;
      const id = syntheticId(i % 99_999, month);
      const day = `2023-${month.slice(2)}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const text = template.text.split(TEMPLATE_ID).join(id).split(TEMPLATE_KEY).join(`note${i}`).split(TEMPLATE_DAY).join(day);
      await writeFile(join(folder, `${template.name} (${id}).md`), text);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_FILES }, writeOne));
}

await runSuite('vault-scale', async () => {
  const feed = dailyFeed();
  const announcement = parseRss(feed.bytes.toString('utf8'), ['all']);
  const config = DEFAULT_CONFIG;
  const scratch = mkdtempSync(join(tmpdir(), 'paper-feed-bench-scale-'));
  try {
    const vaults = { small: join(scratch, 'small'), big: join(scratch, 'big') };
    let start = performance.now();
    await generateVault(vaults.small, SMALL, announcement.papers);
    await generateVault(vaults.big, BIG, announcement.papers);
    const generateSeconds = (performance.now() - start) / 1000;
    log(`generated ${SMALL} and ${BIG.toLocaleString('en')} paper notes in ${generateSeconds.toFixed(1)} s`);
    // A vault that has grown for years holds no notes changed a moment ago.
    await settle();

    let report: WriteReport | undefined;
    const runInto = (vault: string) => async () => {
      const store = new FsVaultStore(vault);
      const began = performance.now();
      report = await writeAnnouncement(announcement, config, store, { writesAtOnce: FILE_SYSTEM_WRITES_AT_ONCE });
      const ms = performance.now() - began;
      // Back to the vault as generated, so every run writes the same notes into the same vault.
      for (const path of [...report.created, report.dailyNote]) await rm(join(vault, path));
      return ms;
    };
    // The first run after generation builds each vault's index cache (reads every note's head).
    start = performance.now();
    await runInto(vaults.small)();
    const firstSmall = performance.now() - start;
    start = performance.now();
    await runInto(vaults.big)();
    const firstBig = performance.now() - start;
    log(`first runs (cold index cache): ${firstSmall.toFixed(0)} ms and ${firstBig.toFixed(0)} ms; now ${PAIRS} alternating pairs…`);
    const result = await alternate(runInto(vaults.small), runInto(vaults.big), PAIRS, 1);
    const written = report!.created.length;
    return [
      {
        id: 'vault-scale',
        what: `Run one announcement against a vault holding ${BIG.toLocaleString('en')} paper notes`,
        measured: shown(result.b),
        comparedWith: `the same against ${SMALL} notes: ${shown(result.a)}`,
        ratio: `${result.ratio.median.toFixed(2)}× (${result.ratio.min.toFixed(2)}–${result.ratio.max.toFixed(2)})`,
        goal: '≤ 1.5×',
        met: result.ratio.median <= 1.5,
        notes: [
          `each run: writeAnnouncement of ${feed.real ? 'the real' : 'a generated'} 1,504-paper announcement with the default keyword groups (${report!.matched} papers matched: ${written} paper notes and the daily note written), through FsVaultStore (writesAtOnce ${FILE_SYSTEM_WRITES_AT_ONCE}) with a warm index cache; the notes it wrote are removed after each run`,
          `vaults generated in ${generateSeconds.toFixed(1)} s (each feed paper's note rendered by renderPaperNote, then written under every generated id, citekey and date), then one run each to build the index cache (cold cache: ${firstSmall.toFixed(0)} ms with ${SMALL} notes, ${firstBig.toFixed(0)} ms with ${BIG.toLocaleString('en')}); the figures are the runs after that`,
        ],
        figures: { big: result.b, small: result.a, ratio: result.ratio, firstSmallMs: firstSmall, firstBigMs: firstBig, generateSeconds, matched: report!.matched },
      },
    ];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
