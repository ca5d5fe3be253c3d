// "Top picks" in VS Code: the workspace's kept paper notes (and the library file named
// in the settings) as a library index kept in memory, and each kept announcement ranked against it
// once per change of the library or the settings, not once per redraw of the tree.
import * as vscode from 'vscode';
import type { Announcement } from '../../../core/arxiv/paper';
import type { PaperFeedConfig } from '../../../core/config';
import { libraryItems, type ZoteroLibrarySource } from '../../../core/notes/library-source';
import { rankAnnouncement } from '../../../core/notes/top-picks';
import { LibraryIndex } from '../../../core/rank/library';
import type { RankResult } from '../../../core/rank/score';
import type { Selection } from '../../../core/select/select';
import type { WorkspaceNoteIndex } from '../workspace/workspace-note-index';
import { readTextIfExists } from '../shared/text-files';

/** More than the kept history ever needs; a bound against settings edited many times over. */
const MAX_RANKINGS = 64;

/** True when the settings ask for ranking at all. */
export function ranksPapers(config: PaperFeedConfig): boolean {
  return config.topPicks > 0 || config.orderGroupsByRelevance;
}

export class FeedLibrary {
  private readonly index = new LibraryIndex();
  private readonly rankings = new Map<string, RankResult>();

  constructor(
    private readonly notes: WorkspaceNoteIndex,
    /** The vault folder the library file's path is relative to. */
    private readonly root: () => vscode.Uri | undefined,
    /** The running Zotero's library, when the settings choose it. */
    private readonly zotero: (config: PaperFeedConfig) => ZoteroLibrarySource | undefined = () => undefined,
  ) {}

  /**
   * A ranker for the feed model, over the library as it is now. A library file that cannot be
   * read leaves the notes to rank by.
   */
  async ranker(config: PaperFeedConfig): Promise<(announcement: Announcement, selection: Selection) => RankResult> {
    const root = this.root();
    const reader = {
      read: async (path: string) => (root ? ((await readTextIfExists(vscode.Uri.joinPath(root, path))) ?? null) : null),
    };
    const zotero = this.zotero(config);
    await zotero?.refresh().catch(() => undefined); // said once by the Zotero service; the last copy ranks
    const { items } = await libraryItems(reader, config, await this.notes.library(config.library.keepKeys), zotero);
    const change = this.index.sync(items);
    if (change.added > 0 || change.removed > 0) this.rankings.clear();
    const settingsKey = JSON.stringify([config.groups, config.announceTypes, config.library.halfLifeDays]);
    return (announcement, selection) => {
      const key = `${announcement.date}\u0000${announcement.announcedAt}\u0000${announcement.papers.length}\u0000${settingsKey}`;
      let result = this.rankings.get(key);
      if (!result) {
        result = rankAnnouncement(announcement, config, selection, this.index).result;
        if (this.rankings.size >= MAX_RANKINGS) this.rankings.clear();
        this.rankings.set(key, result);
      }
      return result;
    };
  }
}
