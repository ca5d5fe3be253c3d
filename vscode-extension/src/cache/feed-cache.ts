// The announcements kept on this computer (globalStorageUri/feed.json), newest first, so the tree
// opens instantly and offline. Selection is not stored: it is redone from the current settings,
// so changing a keyword group changes the tree without fetching again.
import * as vscode from 'vscode';
import type { Announcement, Paper } from '../../../core/arxiv/paper';
import { readTextIfExists, writeText } from '../shared/text-files';

const FILE = 'feed.json';
const FORMAT = 1;

interface StoredFeed {
  format: number;
  announcements: Announcement[];
}

export class FeedCache implements vscode.Disposable {
  private announcements: Announcement[] | undefined;
  private loading: Promise<readonly Announcement[]> | undefined;
  private byId: Map<string, Paper> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the kept announcements changed (a fetch, a trim). */
  readonly onDidChange = this.changed.event;
  /** Grows on every change, so readers can tell whether what they derived is still current. */
  version = 0;

  constructor(private readonly storage: vscode.Uri) {}

  private get file(): vscode.Uri {
    return vscode.Uri.joinPath(this.storage, FILE);
  }

  /** The kept announcements, newest first; read from disk once. A missing or unreadable file is an empty cache. */
  load(): Promise<readonly Announcement[]> {
    if (this.announcements) return Promise.resolve(this.announcements);
    this.loading ??= this.read().then((list) => {
      this.announcements ??= list;
      return this.announcements;
    });
    return this.loading;
  }

  private async read(): Promise<Announcement[]> {
    const text = await readTextIfExists(this.file);
    if (text === undefined) return [];
    try {
      const stored = JSON.parse(text) as Partial<StoredFeed>;
      // A file from another format version is dropped rather than misread; the next fetch refills it.
      return stored.format === FORMAT && Array.isArray(stored.announcements) ? stored.announcements : [];
    } catch {
      return [];
    }
  }

  /** Keeps `announcement` (replacing one with the same date) and at most `keepEarlier` older ones. */
  async add(announcement: Announcement, keepEarlier: number): Promise<void> {
    const current = await this.load();
    const others = current.filter((a) => a.date !== announcement.date);
    await this.store([announcement, ...others].sort((a, b) => b.date.localeCompare(a.date)).slice(0, 1 + keepEarlier));
  }

  /** Drops announcements beyond the latest plus `keepEarlier`. */
  async trim(keepEarlier: number): Promise<void> {
    const current = await this.load();
    if (current.length > 1 + keepEarlier) await this.store(current.slice(0, 1 + keepEarlier));
  }

  private async store(list: Announcement[]): Promise<void> {
    const stored: StoredFeed = { format: FORMAT, announcements: list };
    // Written beside the file and then moved over it, so a crash never leaves half a cache.
    const partial = vscode.Uri.joinPath(this.storage, `${FILE}.partial`);
    await writeText(partial, JSON.stringify(stored));
    await vscode.workspace.fs.rename(partial, this.file, { overwrite: true });
    this.announcements = list;
    this.byId = undefined;
    this.version++;
    this.changed.fire();
  }

  /** The latest announcement kept, if any (call after load()). */
  latest(): Announcement | undefined {
    return this.announcements?.[0];
  }

  /** Every kept paper once, the newest announcement's copy first (call after load()). */
  papers(): Paper[] {
    return [...this.index().values()];
  }

  /** A kept paper by arXiv id without version (call after load()). */
  find(id: string): Paper | undefined {
    return this.index().get(id);
  }

  /** The newest kept announcement that lists the paper (call after load()). */
  announcementOf(id: string): Announcement | undefined {
    return this.announcements?.find((a) => a.papers.some((p) => p.id === id));
  }

  private index(): Map<string, Paper> {
    if (!this.byId) {
      this.byId = new Map();
      for (const announcement of this.announcements ?? []) {
        for (const paper of announcement.papers) if (!this.byId.has(paper.id)) this.byId.set(paper.id, paper);
      }
    }
    return this.byId;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
