// `paper-feed doctor`: looks at every note in the vault and lists the papers and digests that
// several notes claim (sync conflict copies, a note copied by hand), saying which one Paper Feed
// keeps up to date and which to merge or delete. It changes no note.

import * as nodePath from 'node:path';
import { NoteFinder } from '../../notes/settle-names';
import { duplicateSentence } from '../../vault/originals';
import { FsVaultStore } from '../fs-store';
import { acquireVaultLock } from '../lock';
import type { CliOptions } from './args';
import { print, printJson, type CliContext } from './context';
import { EXIT } from './help';

export async function runDoctor(options: CliOptions, context: CliContext): Promise<number> {
  const vault = nodePath.resolve(context.cwd, options.vault);
  const store = new FsVaultStore(vault, { checkAll: true });
  // The full check rewrites the index in .paper-feed/, which only one run may do at a time.
  const lock = await acquireVaultLock(await store.stateFolder(), context.lock);
  try {
    const index = await store.index();
    // The same choice a run makes: the linked and the older note first, where names do not tell.
    const finder = new NoteFinder(store, index, '', new Map(), 1);
    const duplicates = [];
    for (const { what, paths } of store.duplicates()) {
      const kept = await finder.original(paths);
      duplicates.push({ what, paths: [kept, ...paths.filter((path) => path !== kept)] });
    }
    if (options.json) printJson(context, { status: 'checked', vault, duplicates });
    else if (duplicates.length === 0) print(context, 'No duplicate paper notes or digests: every paper and every announcement has one note.');
    else print(context, duplicates.map(duplicateSentence));
  } finally {
    await lock.release();
  }
  return EXIT.ok;
}
