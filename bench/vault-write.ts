// Benchmarks 3 and 4: one announcement written into an empty folder vault through the CLI's store
// (FsVaultStore + writeAnnouncement), against the floor of writing the same final bytes with plain
// fs.writeFile in the same process; then the same announcement again, which must write nothing.

import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRss } from '../core/arxiv/rss';
import { FsVaultStore } from '../core/node/fs-store';
import { FILE_SYSTEM_WRITES_AT_ONCE, writeAnnouncement, type WriteReport } from '../core/notes/write';
import { dailyFeed, everythingConfig } from './inputs';
import { alternate, figureOf, shown } from './stats';
import { log, runSuite, type BenchRow } from './suite';
import { listFiles, readFiles, settle, SETTLE_MS, snapshot, writeFloor, written } from './vault-files';

const PAIRS = 4;
const RERUNS = 6;

await runSuite('vault-write', async () => {
  const feed = dailyFeed();
  const announcement = parseRss(feed.bytes.toString('utf8'), ['all']);
  const config = everythingConfig(announcement);
  const scratch = mkdtempSync(join(tmpdir(), 'paper-feed-bench-write-'));
  try {
    let runs = 0;
    let lastVault = '';
    let lastReport: WriteReport | undefined;
    const writeWithStore = async () => {
      const vault = join(scratch, `store-${(runs += 1)}`);
      await mkdir(vault);
      if (lastVault) await rm(lastVault, { recursive: true, force: true });
      const store = new FsVaultStore(vault);
      const start = performance.now();
      lastReport = await writeAnnouncement(announcement, config, store, { writesAtOnce: FILE_SYSTEM_WRITES_AT_ONCE });
      const ms = performance.now() - start;
      lastVault = vault;
      return ms;
    };

    // The floor writes exactly the bytes the store left on disk (notes only, not its state folder).
    await writeWithStore();
    const notes = (await listFiles(lastVault)).filter((p) => !p.startsWith('.paper-feed/')).sort();
    const files = await readFiles(lastVault, notes);
    const writeFloorOnce = async () => {
      const vault = join(scratch, `floor-${(runs += 1)}`);
      await mkdir(vault);
      const ms = await writeFloor(vault, files);
      await rm(vault, { recursive: true, force: true });
      return ms;
    };
    log(`write: ${PAIRS} alternating pairs, plain fs.writeFile floor vs FsVaultStore (${files.length} notes)…`);
    const write = await alternate(writeFloorOnce, writeWithStore, PAIRS, 1);
    const report = lastReport!;

    // Benchmark 4: the same announcement again into the last vault the store wrote.
    const rerunTimes: number[] = [];
    const notesWritten: number[] = [];
    const stateWritten: number[] = [];
    const notesRead: number[] = [];
    let rerunReport: WriteReport | undefined;
    log(`again: ${RERUNS} runs of the same announcement into the written vault, ${SETTLE_MS} ms after it was written…`);
    await settle();
    for (let i = 0; i < RERUNS; i += 1) {
      const before = await snapshot(lastVault);
      const start = performance.now();
      const store = new FsVaultStore(lastVault);
      rerunReport = await writeAnnouncement(announcement, config, store, { writesAtOnce: FILE_SYSTEM_WRITES_AT_ONCE });
      rerunTimes.push(performance.now() - start);
      notesRead.push(store.lastIndexReads);
      const changed = written(before, await snapshot(lastVault));
      notesWritten.push(changed.filter((p) => !p.startsWith('.paper-feed/')).length);
      stateWritten.push(changed.filter((p) => p.startsWith('.paper-feed/')).length);
    }
    const again = rerunReport!;
    const warm = figureOf(rerunTimes.slice(1));
    const maxNotes = Math.max(...notesWritten);
    const rows: BenchRow[] = [
      {
        id: 'vault-write',
        what: `Write ${report.created.length.toLocaleString('en')} paper notes plus the daily note into an empty folder vault (CLI store)`,
        measured: shown(write.b),
        comparedWith: `plain fs.writeFile of the same bytes: ${shown(write.a)}`,
        ratio: `${write.ratio.median.toFixed(2)}× the floor (${write.ratio.min.toFixed(2)}–${write.ratio.max.toFixed(2)})`,
        goal: '≤ 2× the floor',
        met: write.ratio.median <= 2,
        notes: [
          `input: ${feed.source}; config: one group following every archive in it, all announce types`,
          `timed: writeAnnouncement (index, select, plan, write) on a parsed announcement, with writesAtOnce ${FILE_SYSTEM_WRITES_AT_ONCE} (FILE_SYSTEM_WRITES_AT_ONCE, for the CLI to pass); the floor writes the final files one after another, each folder made once`,
          `the store writes each note to a temp file, flushes it (fsync), and links it into place, so a crash never leaves half a note; each folder is flushed once after the paper notes and once at the end, so the new names survive a power cut; the floor does none of that`,
        ],
        figures: { store: write.b, floor: write.a, ratio: write.ratio, notes: files.length },
      },
      {
        id: 'vault-rerun',
        what: 'Run the same announcement again',
        measured: `${maxNotes} notes written; ${shown(warm)}`,
        comparedWith: '—',
        ratio: '',
        goal: '0 files written; time reported',
        met: maxNotes === 0 && again.created.length === 0 && again.updated.length === 0 && again.dailyNoteChange === 'unchanged',
        notes: [
          `notes written per run (counted by inode, size and mtime of every file): ${notesWritten.join(', ')}; report: ${again.created.length} created, ${again.updated.length} updated, ${again.unchanged} unchanged, daily note ${again.dailyNoteChange}`,
          `runs start ${SETTLE_MS} ms after the write; first run again: ${rerunTimes[0]!.toFixed(0)} ms: the writing run made the note folders, so this run lists them once (the notes themselves are already in the index, recorded as they were written) and logs their mtimes; notes read by the index per run: ${notesRead.join(', ')}; state files written per run: ${stateWritten.join(', ')}; the figure is the median of the ${RERUNS - 1} runs after it`,
        ],
        figures: { warm, firstMs: rerunTimes[0], notesWritten, stateWritten, notesRead },
      },
    ];
    return rows;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
