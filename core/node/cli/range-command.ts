// `paper-feed range --from --to`: one daily note per arXiv listing date in the range, rebuilt
// from the API by each listing's submission window (14:00 ET cutoffs, weekends, holidays). The
// polite client spaces the requests; each day is written as soon as it is fetched, so an
// interrupted range can simply be run again. The run is the core's (core/runs/range-run.ts);
// this command brings the vault's files and lock, progress on stderr and the printed lines.

import * as nodePath from 'node:path';
import { noListingsMessage, planRange, rangeTotals, fetchRange } from '../../runs/range-run';
import { FILE_SYSTEM_WRITES_AT_ONCE, type WriteReport } from '../../notes/write';
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
  const plan = planRange(options.from!, options.to!, nowOf(context));
  const { from, to } = plan;
  const message = noListingsMessage(plan);
  if (message !== null) {
    if (options.json) printJson(context, { status: 'no-announcement', from, to, message, days: [] });
    else print(context, message);
    return EXIT.ok;
  }

  const vault = nodePath.resolve(context.cwd, options.vault);
  const store = new FsVaultStore(vault, { checkAll: options.checkAll });
  const progress = createProgress(context.stderr, options.quiet);
  const lock = await acquireVaultLock(await store.stateFolder(), context.lock);
  const named = new Set<string>();
  const enricher = createCliEnricher(enrich, context, () => store.stateFolder(), progress);
  const signal = enricher ? enricher.writeSignal : context.signal;
  let reports: WriteReport[];
  try {
    const run = await fetchRange(plan, config, store, {
      client: arxivClient(context),
      ...(options.apiBase ? { apiBase: options.apiBase } : {}),
      ...(context.signal ? { signal: context.signal } : {}),
      write: {
        ...(signal ? { signal } : {}),
        writesAtOnce: FILE_SYSTEM_WRITES_AT_ONCE,
        library: fileLibraryCache(await store.stateFolder()),
        ...withZotero(cliZotero(config, context, await store.stateFolder())),
      },
      ...(enricher ? { session: enricher.session } : {}),
      progress: {
        asking: (date, day, days) => progress.bar(day, days, `${date}: asking arXiv…`),
        reading: (date, day, days, fetched, total) => progress.bar(day, days, `${date}: ${fetched}/${total} papers read`),
        writing: (date, day, days, done, total) => progress.bar(day, days, `${date}: ${done}/${total} notes written`),
        written: (date, report) => {
          // A linked note is named once, on the first day whose run met it.
          report.skipped.push(...store.passedOver().filter((item) => !named.has(item.ref) && named.add(item.ref)));
          if (!options.json) progress.line(`${date}: ${summaryLine(report)}`);
        },
      },
    });
    reports = run.reports;
    // Every day's digest is written before any translation is asked for.
    await enricher?.fill(run.fills);
  } finally {
    progress.end();
    await lock.release();
  }

  const totals = rangeTotals(reports);
  const enriched = enricher?.session.summary();
  if (options.json) {
    printJson(context, {
      status: 'written',
      vault,
      source: 'arxiv-api',
      config: configSource,
      from,
      to,
      totals,
      days: reports,
      ...(enriched ? { enrich: enriched } : {}),
    });
  } else {
    print(
      context,
      `${count(totals.days, 'daily note')} · ${count(totals.matched, 'paper')} matched · ${count(totals.created, 'note')} created · ${totals.updated} updated`,
    );
    if (enricher) print(context, enrichLines(enricher.session));
  }
  return EXIT.ok;
}
