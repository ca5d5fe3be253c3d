// `paper-feed daily`: the latest announcement (or the bundled sample) into the vault, as one
// daily note plus a note per matched paper. The feed is fetched before the vault is touched, so
// a network failure leaves the vault exactly as it was.

import * as nodePath from 'node:path';
import type { Announcement } from '../../arxiv/paper';
import { noAnnouncementMessage } from '../../arxiv/calendar';
import { fetchAnnouncement } from '../../arxiv/feed';
import { PaperFeedError } from '../../errors';
import { FILE_SYSTEM_WRITES_AT_ONCE } from '../../notes/write';
import { writeThenEnrich } from '../../notes/write-then-enrich';
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
import { afterDaily, updatesForDaily } from '../../catch-up/state';
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

  let announcement: Announcement;
  if (options.sample) {
    announcement = sampleAnnouncement(config.categories);
  } else {
    // PAPER_FEED_RSS_BASE serves scheduled runs (a mirror, or a test's stand-in) that cannot add flags.
    const rssBase = options.rssBase ?? (context.env.PAPER_FEED_RSS_BASE || undefined);
    progress.bar(0, 1, 'asking arXiv for the latest announcement…');
    announcement = await fetchAnnouncement(arxivClient(context), {
      categories: config.categories,
      ...(rssBase !== undefined ? { rssBase } : {}),
      ...(context.signal ? { signal: context.signal } : {}),
    });
  }

  if (announcement.papers.length === 0) {
    progress.end();
    if (announcement.skipped.length > 0) {
      throw new PaperFeedError(
        'bad-feed',
        `None of the ${announcement.skipped.length} items in arXiv's feed could be read (first: ${announcement.skipped[0]!.ref}, ${announcement.skipped[0]!.reason.replace(/\.$/, '')}); try again later.`,
      );
    }
    const message = options.sample
      ? `The sample announcement has no papers in ${config.categories.join(', ')}; it covers ${SAMPLE_CATEGORIES.join(', ')}. Nothing was written.`
      : (noAnnouncementMessage(nowOf(context)) ??
        `arXiv's feed for ${config.categories.join(', ')} holds no papers for ${announcement.date} (no announcement); nothing was written.`);
    // The catch-up check asked for still runs: it needs no announcement.
    const checked = options.checkUpdates ? await checkOnly(vault, config, options, context) : undefined;
    if (options.json) printJson(context, { status: 'no-announcement', date: announcement.date, message, ...(checked ? { catchUp: checked } : {}) });
    else print(context, checked ? [message, ...catchUpLines(checked)] : message);
    return EXIT.ok;
  }

  const store = new FsVaultStore(vault, { checkAll: options.checkAll });
  const lock = await acquireVaultLock(await store.stateFolder(), context.lock);
  try {
    const checked = options.checkUpdates ? await catchUpInVault(store, config, options, context, progress) : undefined;
    const stateFolder = await store.stateFolder();
    const catchUpState = await loadCatchUpState(stateFolder);
    const catchUp = updatesForDaily(catchUpState, announcement.date);
    const enricher = createCliEnricher(enrich, context, () => store.stateFolder(), progress);
    const signal = enricher ? enricher.writeSignal : context.signal;
    const { report, fill } = await writeThenEnrich(announcement, config, store, {
      onProgress: (done, total) => progress.bar(done, total, 'notes written'),
      ...(signal ? { signal } : {}),
      writesAtOnce: FILE_SYSTEM_WRITES_AT_ONCE,
      library: fileLibraryCache(await store.stateFolder()),
      ...withZotero(cliZotero(config, context, await store.stateFolder())),
      ...(catchUp.length > 0 ? { catchUp } : {}),
    }, enricher?.session);
    // Listed in this digest: a later digest no longer lists them, this one again if written again.
    if (catchUp.length > 0) await saveCatchUpState(stateFolder, afterDaily(catchUpState, announcement.date));
    report.skipped.push(...store.passedOver());
    progress.end();
    // The digest is written: say so now, then translate into it.
    if (!options.json) print(context, withCatchUp(reportLines(report), catchUp.length, checked));
    await enricher?.fill([fill]);
    if (options.json) {
      const json = { ...reportJson(report, { vault, source: options.sample ? 'sample' : 'arxiv', config: configSource }), publishedAndUpdated: catchUp.length, ...(checked ? { catchUp: checked } : {}) };
      printJson(context, enricher ? { ...json, enrich: enricher.session.summary() } : json);
    } else if (enricher) print(context, enrichLines(enricher.session));
  } finally {
    progress.end();
    await lock.release();
  }
  return EXIT.ok;
}
