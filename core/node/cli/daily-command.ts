// `paper-feed daily`: the latest announcement (or the bundled sample) into the vault, as one
// daily note plus a note per matched paper. The feed is fetched before the vault is touched, so
// a network failure leaves the vault exactly as it was.

import * as nodePath from 'node:path';
import { noAnnouncementMessage } from '../../arxiv/calendar';
import { FILE_SYSTEM_WRITES_AT_ONCE } from '../../notes/write';
import { fetchLatestDigest, papersOrEmpty, writeDigest, type LatestDigest } from '../../runs/daily-run';
import { FsVaultStore } from '../fs-store';
import { fileLibraryCache } from '../library-cache';
import { acquireVaultLock } from '../lock';
import { SAMPLE_CATEGORIES } from '../sample/announcement';
import { sampleAnnouncement } from '../sample/sample-announcement';
import type { CliOptions } from './args';
import { createCliEnricher } from './cli-enricher';
import { arxivClient, nowOf, print, printJson, type CliContext } from './context';
import { EXIT } from './help';
import { loadConfig } from './load-config';
import { cliZotero, withZotero } from './zotero-command';
import { createProgress } from './progress';
import { enrichLines, reportJson, reportLines } from './report';
import { catchUpInVault, catchUpLines, type CliCatchUp } from './update-command';
import type { PaperFeedConfig } from '../../config';
import { loadCatchUpState, saveCatchUpState } from '../catch-up-state';

/** The summary line counts what the digest lists under "Published and updated"; a check run now adds its own lines. */
function withCatchUp(lines: string[], listed: number, checked: CliCatchUp | undefined): string[] {
  const [first = '', ...rest] = lines;
  const counted = listed > 0 || checked ? `${first} · ${listed} published or updated` : first;
  return [counted, ...rest, ...(checked ? catchUpLines(checked).map((line, i) => (i === 0 ? `  update check: ${line}` : line)) : [])];
}

/** `--check-updates` on a night without an announcement: the check alone, under the vault's lock. */
async function checkOnly(vault: string, config: PaperFeedConfig, options: CliOptions, context: CliContext): Promise<CliCatchUp> {
  const store = new FsVaultStore(vault, { checkAll: options.checkAll });
  const lock = await acquireVaultLock(await store.stateFolder(), context.lock);
  const progress = createProgress(context.stderr, options.quiet || !context.stderr.isTTY);
  try {
    return await catchUpInVault(store, config, options, context, progress);
  } finally {
    progress.end();
    await lock.release();
  }
}

export async function runDaily(options: CliOptions, context: CliContext): Promise<number> {
  const { config, source: configSource, enrich } = await loadConfig(options, context.cwd);
  const vault = nodePath.resolve(context.cwd, options.vault);
  const progress = createProgress(context.stderr, options.quiet || !context.stderr.isTTY);

  let latest: LatestDigest;
  if (options.sample) {
    latest = papersOrEmpty(sampleAnnouncement(config.categories));
  } else {
    const { rssBase } = options;
    progress.bar(0, 1, 'asking arXiv for the latest announcement…');
    latest = await fetchLatestDigest(arxivClient(context), {
      categories: config.categories,
      ...(rssBase !== undefined ? { rssBase } : {}),
      ...(context.signal ? { signal: context.signal } : {}),
    }).catch((error: unknown) => {
      progress.end();
      throw error;
    });
  }

  if (latest.kind === 'empty') {
    progress.end();
    const message = options.sample
      ? `The sample announcement has no papers in ${config.categories.join(', ')}; it covers ${SAMPLE_CATEGORIES.join(', ')}. Nothing was written.`
      : (noAnnouncementMessage(nowOf(context)) ??
        `arXiv's feed for ${config.categories.join(', ')} holds no papers for ${latest.date} (no announcement); nothing was written.`);
    // The catch-up check asked for still runs: it needs no announcement.
    const checked = options.checkUpdates ? await checkOnly(vault, config, options, context) : undefined;
    if (options.json) printJson(context, { status: 'no-announcement', date: latest.date, message, ...(checked ? { catchUp: checked } : {}) });
    else print(context, checked ? [message, ...catchUpLines(checked)] : message);
    return EXIT.ok;
  }

  const { announcement } = latest;
  const store = new FsVaultStore(vault, { checkAll: options.checkAll });
  const lock = await acquireVaultLock(await store.stateFolder(), context.lock);
  try {
    const checked = options.checkUpdates ? await catchUpInVault(store, config, options, context, progress) : undefined;
    const stateFolder = await store.stateFolder();
    const enricher = createCliEnricher(enrich, context, () => store.stateFolder(), progress);
    const signal = enricher ? enricher.writeSignal : context.signal;
    const { report, fill, listed } = await writeDigest(
      announcement,
      config,
      store,
      {
        onProgress: (done, total) => progress.bar(done, total, 'notes written'),
        ...(signal ? { signal } : {}),
        writesAtOnce: FILE_SYSTEM_WRITES_AT_ONCE,
        library: fileLibraryCache(stateFolder),
        ...withZotero(cliZotero(config, context, stateFolder)),
      },
      { load: () => loadCatchUpState(stateFolder), save: (state) => saveCatchUpState(stateFolder, state) },
      enricher?.session,
    );
    report.skipped.push(...store.passedOver());
    progress.end();
    // The digest is written: say so now, then translate into it.
    if (!options.json) print(context, withCatchUp(reportLines(report), listed, checked));
    await enricher?.fill([fill]);
    if (options.json) {
      const json = {
        ...reportJson(report, { vault, source: options.sample ? 'sample' : 'arxiv', config: configSource }),
        publishedAndUpdated: listed,
        ...(checked ? { catchUp: checked } : {}),
      };
      printJson(context, enricher ? { ...json, enrich: enricher.session.summary() } : json);
    } else if (enricher) print(context, enrichLines(enricher.session));
  } finally {
    progress.end();
    await lock.release();
  }
  return EXIT.ok;
}
