// `zotero: KEY` in a paper note: the Zotero item a saved paper became, so the note can
// open it in Zotero. A key Paper Feed owns: written when the paper is saved, never removed by a run.

import { writeFrontmatterKeys } from '../notes/frontmatter';
import type { VaultStore } from '../vault/store';

export const ZOTERO_KEY = 'zotero';

/** Writes `zotero: itemKey` into the note for `arxivId`; resolves to its path, or undefined when the vault has none. */
export async function recordZoteroKey(store: Pick<VaultStore, 'index' | 'process'>, arxivId: string, itemKey: string): Promise<string | undefined> {
  const note = (await store.index()).papers.get(arxivId);
  if (!note) return undefined;
  await store.process(note.path, (text) => writeFrontmatterKeys(text, [[ZOTERO_KEY, itemKey]]));
  return note.path;
}
