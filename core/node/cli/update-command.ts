// `paper-feed update` (and `daily --check-updates`): the catch-up check. Kept and
// recent paper notes are looked up on arXiv again, by id, and brought up to date; the changes wait
// in .paper-feed/updates.json for the next daily note's "Published and updated".

import * as nodePath from 'node:path';
import { DEFAULT_API_BASE } from '../../arxiv/api-query';
import { checkForUpdates, type CatchUpReport } from '../../catch-up/check';
import { changeWords } from '../../catch-up/change-words';
import { afterCheck, lastRunWording } from '../../catch-up/state';
import type { PaperFeedConfig } from '../../config';
import { PaperFeedError } from '../../errors';
import { FILE_SYSTEM_WRITES_AT_ONCE } from '../../notes/write';
import { loadCatchUpState, saveCatchUpState } from '../catch-up-state';
import { FsVaultStore } from '../fs-store';
import { acquireVaultLock } from '../lock';
import type { CliOptions } from './args';
import { arxivClient, nowOf, print, printJson, type CliContext } from './context';
import { EXIT } from './help';
import { loadConfig } from './load-config';
import { createProgress, type Progress } from './progress';
import { count, skippedLine } from './report';

export async function runUpdate(options: CliOptions, context: CliContext): Promise<number> {
  const { config } = await loadConfig(options, context.cwd);
  const vault = nodePath.resolve(context.cwd, options.vault);
  const progress = createProgress(context.stderr, options.quiet || !context.stderr.isTTY);
  const store = new FsVaultStore(vault, { checkAll: options.checkAll });
  const lock = await acquireVaultLock(await store.stateFolder(), context.lock);
  try {
    const report = await catchUpInVault(store, config, options, context, progress);
    progress.end();
    if (options.json) printJson(context, { status: 'checked', vault, ...report });
    else print(context, catchUpLines(report));
  } finally {
    progress.end();
    await lock.release();
  }
  return EXIT.ok;
}

/** Runs the check in a vault whose lock the caller holds, and records it in the state file. */
export interface CliCatchUp extends CatchUpReport {
  /** When the check before this one ran, in words ("never", "3 days ago"). */
  previousCheck: string;
}

export async function catchUpInVault(
  store: FsVaultStore,
  config: PaperFeedConfig,
  options: CliOptions,
  context: CliContext,
  progress: Progress,
): Promise<CliCatchUp> {
  const folder = await store.stateFolder();
  const state = await loadCatchUpState(folder);
  const now = nowOf(context);
  const previousCheck = lastRunWording(state.lastRun, now);
  progress.line(`Checking your papers on arXiv for updates (last checked ${previousCheck})…`);
  const report = await checkForUpdates(store, {
    client: arxivClient(context),
    apiBase: options.apiBase ?? DEFAULT_API_BASE,
    now: now.getTime(),
    keepKeys: config.library.keepKeys,
    cursor: state.cursor,
    ...(state.newestChecked ? { newestChecked: state.newestChecked } : {}),
    // Each rewritten note waits for its flush to disk; several wait at once, as in a daily run.
    writesAtOnce: FILE_SYSTEM_WRITES_AT_ONCE,
    ...(context.signal ? { signal: context.signal } : {}),
    onProgress: (done, total) => progress.bar(done, total, 'papers looked up on arXiv'),
  });
  await saveCatchUpState(folder, afterCheck(state, report, nowOf(context)));
  if (report.cancelled) {
    const changed = report.updates.length;
    throw new PaperFeedError(
      'cancelled',
      `Stopped after updating ${count(changed, 'note')} because the check was cancelled; ${changed > 0 ? 'the next daily note lists them, and ' : ''}the next check finishes the rest.`,
    );
  }
  return { ...report, previousCheck };
}

/** What a check did, for a person: a summary line, then each change and each paper arXiv lacks. */
export function catchUpLines(report: CliCatchUp): string[] {
  const waiting = report.candidates - report.checked;
  const lines = [
    `${count(report.checked, 'paper')} checked on arXiv (${count(report.requests, 'request')}) · ${report.updates.length} published or updated · ${report.missing.length} not found${waiting > 0 ? ` · ${waiting} left for the next check` : ''}`,
  ];
  for (const update of report.updates) lines.push(`  ${update.path}: ${changeWords(update)}`);
  for (const gone of report.missing) lines.push(`  not found on arXiv (left as it is): ${gone.id} (${gone.path})`);
  if (report.skipped.length > 0) lines.push(skippedLine(report.skipped));
  lines.push(`  previous check: ${report.previousCheck}`);
  return lines;
}
