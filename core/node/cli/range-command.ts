// `paper-feed range --from --to`: one daily note per arXiv listing date in the range, rebuilt
// from the API by each listing's submission window (14:00 ET cutoffs, weekends, holidays). The
// polite client spaces the requests; each day is written as soon as it is fetched, so an
// interrupted range can simply be run again.

import * as nodePath from 'node:path';
import { latestAnnouncement, listingDatesBetween } from '../../arxiv/calendar';
import { fetchPastListing } from '../../arxiv/past-listing';
import { PaperFeedError } from '../../errors';
import { FILE_SYSTEM_WRITES_AT_ONCE, type WriteReport } from '../../notes/write';
import { writeThenEnrich } from '../../notes/write-then-enrich';
import { FsVaultStore } from '../fs-store';
import { fileLibraryCache } from '../library-cache';
import { acquireVaultLock } from '../lock';
import type { CliOptions } from './args';
import { createCliEnricher } from './cli-enricher';
import { arxivClient, nowOf, print, printJson, type CliContext } from './context';
import { EXIT } from './help';
import { loadConfig } from './load-config';
import { cliZotero, withZotero } from './zotero-command';
import { createProgress } from './progress';
import { count, enrichLines, summaryLine } from './report';

export async function runRange(options: CliOptions, context: CliContext): Promise<number> {
  const { config, source: configSource, enrich } = await loadConfig(options, context.cwd);
  const from = options.from!;
  const to = options.to!;
  const dates = listingDatesBetween(from, to);
  if (from > to) throw new PaperFeedError('bad-config', `--from ${from} is after --to ${to}; swap the two dates.`);
  const latest = latestAnnouncement(nowOf(context)).date;
  if (to > latest) {
    throw new PaperFeedError('bad-config', `--to ${to} is after the latest arXiv listing (${latest}); pick an earlier date.`);
  }
  if (dates.length === 0) {
    const message = `arXiv has no listings from ${from} to ${to} (weekends and holidays only); nothing was written.`;
    if (options.json) printJson(context, { status: 'no-announcement', from, to, message, days: [] });
    else print(context, message);
    return EXIT.ok;
  }

  const vault = nodePath.resolve(context.cwd, options.vault);
  const store = new FsVaultStore(vault, { checkAll: options.checkAll });
  const client = arxivClient(context);
  const progress = createProgress(context.stderr, options.quiet);
  const lock = await acquireVaultLock(await store.stateFolder(), context.lock);
  const library = fileLibraryCache(await store.stateFolder());
  const zotero = cliZotero(config, context, await store.stateFolder());
  const reports: WriteReport[] = [];
  const named = new Set<string>();
  const fills: Array<() => Promise<void>> = [];
  const enricher = createCliEnricher(enrich, context, () => store.stateFolder(), progress);
  const signal = enricher ? enricher.writeSignal : context.signal;
  try {
    for (const [i, date] of dates.entries()) {
      progress.bar(i, dates.length, `${date}: asking arXiv…`);
      const announcement = await fetchPastListing(client, {
        date,
        categories: config.categories,
        ...(options.apiBase ? { apiBase: options.apiBase } : {}),
        ...(context.signal ? { signal: context.signal } : {}),
        onPage: (fetched, total) => progress.bar(i, dates.length, `${date}: ${fetched}/${total} papers read`),
      });
      const { report, fill } = await writeThenEnrich(announcement, config, store, {
        onProgress: (done, total) => progress.bar(i, dates.length, `${date}: ${done}/${total} notes written`),
        ...(signal ? { signal } : {}),
        writesAtOnce: FILE_SYSTEM_WRITES_AT_ONCE,
        library,
        ...withZotero(zotero),
      }, enricher?.session);
      // A linked note is named once, on the first day whose run met it.
      report.skipped.push(...store.passedOver().filter((item) => !named.has(item.ref) && named.add(item.ref)));
      reports.push(report);
      fills.push(fill);
      if (!options.json) progress.line(`${date}: ${summaryLine(report)}`);
    }
    // Every day's digest is written before any translation is asked for.
    await enricher?.fill(fills);
  } finally {
    progress.end();
    await lock.release();
  }

  const totals = {
    days: reports.length,
    matched: reports.reduce((n, r) => n + r.matched, 0),
    created: reports.reduce((n, r) => n + r.created.length, 0),
    updated: reports.reduce((n, r) => n + r.updated.length, 0),
  };
  const enriched = enricher?.session.summary();
  if (options.json) {
    printJson(context, { status: 'written', vault, source: 'arxiv-api', config: configSource, from, to, totals, days: reports, ...(enriched ? { enrich: enriched } : {}) });
  } else {
    print(
      context,
      `${count(totals.days, 'daily note')} · ${count(totals.matched, 'paper')} matched · ${count(totals.created, 'note')} created · ${totals.updated} updated`,
    );
    if (enricher) print(context, enrichLines(enricher.session));
  }
  return EXIT.ok;
}
