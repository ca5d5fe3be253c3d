// The CLI's Zotero: the running Zotero as the Top picks library for `daily` and
// `range`, and `paper-feed zotero add ID`, which saves one arXiv paper unless Zotero has it.

import { stat } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { DEFAULT_API_BASE } from '../../arxiv/api-query';
import { parseArxivId } from '../../arxiv/ids';
import type { Paper } from '../../arxiv/paper';
import { searchAll } from '../../arxiv/search';
import { librarySource, type PaperFeedConfig } from '../../config';
import { PaperFeedError } from '../../errors';
import { texToPlain } from '../../text/tex-tokens';
import type { ZoteroLibrary } from '../../zotero/library';
import { recordZoteroKey } from '../../zotero/note-key';
import { saveMessage, Zotero } from '../../zotero/zotero';
import { FsVaultStore } from '../fs-store';
import { acquireVaultLock } from '../lock';
import { fileLibraryCache, ZOTERO_CACHE_FILE } from '../library-cache';
import { SAMPLE_CATEGORIES } from '../sample/announcement';
import { sampleAnnouncement } from '../sample/sample-announcement';
import type { CliOptions } from './args';
import { arxivClient, print, printJson, type CliContext } from './context';
import { EXIT } from './help';
import { loadConfig } from './load-config';
import { nodeTransport } from '../http-transport';

/** The running Zotero for a run, when the library source is "zotero"; its copy lives in `stateFolder`. */
export function cliZotero(config: PaperFeedConfig, context: CliContext, stateFolder: string): Zotero | undefined {
  if (librarySource(config.library) !== 'zotero') return undefined;
  return new Zotero({
    transport: context.transport ?? nodeTransport(),
    ...(config.library.zoteroPort !== undefined ? { port: config.library.zoteroPort } : {}),
    cache: fileLibraryCache(stateFolder, ZOTERO_CACHE_FILE),
  });
}

export async function runZoteroAdd(options: CliOptions, context: CliContext): Promise<number> {
  const { id } = parseArxivId(options.zoteroAdd ?? '');
  const { config } = await loadConfig(options, context.cwd);
  const paper = await paperFor(id, options, context);
  const zotero = new Zotero({
    transport: context.transport ?? nodeTransport(),
    ...(config.library.zoteroPort !== undefined ? { port: config.library.zoteroPort } : {}),
  });
  const outcome = await zotero.save(paper);
  const note = outcome.itemKey ? await recordInVault(nodePath.resolve(context.cwd, options.vault), id, outcome.itemKey, context) : undefined;
  if (options.json) {
    printJson(context, { arxivId: id, ...outcome, ...(note ? { note } : {}) });
  } else {
    print(context, saveMessage(texToPlain(paper.title), outcome));
    if (outcome.itemKey) print(context, `  open it: zotero://select/library/items/${outcome.itemKey}`);
    if (note) print(context, `  recorded as zotero: ${outcome.itemKey} in ${note}`);
  }
  if (outcome.citekeyProblem && !options.quiet) context.stderr.write(`${outcome.citekeyProblem}\n`);
  return EXIT.ok;
}

/** `zotero: KEY` in the vault's note for the paper, when there is a vault with one; its path. */
async function recordInVault(vault: string, id: string, itemKey: string, context: CliContext): Promise<string | undefined> {
  const isFolder = await stat(vault).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!isFolder) return undefined;
  const store = new FsVaultStore(vault);
  const lock = await acquireVaultLock(await store.stateFolder(), context.lock);
  try {
    return await recordZoteroKey(store, id, itemKey);
  } finally {
    await lock.release();
  }
}

/** The paper's metadata: from the bundled sample with --sample, else one request to arXiv's API. */
async function paperFor(id: string, options: CliOptions, context: CliContext): Promise<Paper> {
  if (options.sample) {
    const found = sampleAnnouncement(SAMPLE_CATEGORIES).papers.find((paper) => paper.id === id);
    if (!found) throw new PaperFeedError('bad-id', `${id} is not in the sample announcement; leave out --sample to ask arXiv for it.`);
    return found;
  }
  const result = await searchAll(
    arxivClient(context),
    options.apiBase ?? DEFAULT_API_BASE,
    { idList: [id] },
    { maxResults: 1, ...(context.signal ? { signal: context.signal } : {}) },
  );
  const paper = result.papers.find((p) => p.id === id);
  if (!paper) throw new PaperFeedError('bad-id', `arXiv has no paper ${id}; check the id and try again.`);
  return paper;
}

/** `{ zotero }` (its library) for writeAnnouncement's options, or nothing. */
export function withZotero(zotero: Zotero | undefined): { zotero?: ZoteroLibrary } {
  return zotero ? { zotero: zotero.library } : {};
}
