// What the commands, the ribbon icon and obsidian:// links do: open a digest or a paper note,
// fetch then open, and the paper-note actions (open on arXiv, open the PDF, copy a citation).
import { absUrlOf } from '../core/arxiv/links';
import { Notice, type App, type ObsidianProtocolData } from 'obsidian';
import { latestAnnouncement } from '../core/arxiv/calendar';
import { duplicateSentence } from '../core/vault/originals';
import { CitationModal } from './citation-modal';
import type { Fetcher } from './fetcher';
import type { VaultNoteIndex } from './vault-note-index';
import { paperNoteInView } from './paper-note';
import { readProtocolRequest } from './protocol';
import { RangeModal } from './range-modal';
import type { PaperFeedSettings } from './settings';
import type { ZoteroActions } from './zotero';

export class Actions {
  constructor(
    private readonly app: App,
    private readonly fetcher: Fetcher,
    private readonly notes: VaultNoteIndex,
    private readonly settings: () => PaperFeedSettings,
    private readonly zotero?: ZoteroActions,
  ) {}

  /** Opens the digest of the latest announcement, or the newest one there is, saying so. */
  async openDigest(date = latestAnnouncement(new Date()).date): Promise<void> {
    const { dailies } = await this.notes.snapshot();
    let path = dailies.get(date);
    if (!path) {
      const newest = [...dailies.keys()].sort().pop();
      if (!newest) {
        new Notice("There is no paper digest yet; fetch today's papers first.");
        return;
      }
      new Notice(`The digest for ${date} has not been fetched yet; opening ${newest}.`);
      path = dailies.get(newest)!;
    }
    await this.openPath(path);
  }

  /** "Find duplicate paper notes": the papers and digests several notes claim, and which is kept. */
  async findDuplicates(): Promise<void> {
    const duplicates = await this.notes.duplicates();
    if (duplicates.length === 0) {
      new Notice('Paper Feed: no duplicate paper notes or digests; every paper and every announcement has one note.');
      return;
    }
    new Notice(`Paper Feed: ${duplicates.map(duplicateSentence).join('\n')}`, 0);
  }

  /** The ribbon: fetch, then open what was fetched (or the newest digest when there was nothing new). */
  async fetchAndOpen(): Promise<void> {
    const outcome = await this.fetcher.fetchToday('ribbon');
    if (outcome.kind === 'written') await this.openPath(outcome.report.dailyNote);
    else if (outcome.kind !== 'failed' && outcome.kind !== 'cancelled') await this.openDigest();
  }

  async openPaper(id: string): Promise<void> {
    const note = (await this.notes.snapshot()).papers.get(id);
    if (note) return this.openPath(note.path);
    new Notice(`This vault has no note for arXiv:${id}; opening it on arXiv.`);
    window.open(absUrlOf(id));
  }

  async handleLink(params: ObsidianProtocolData): Promise<void> {
    const request = readProtocolRequest(params);
    switch (request.kind) {
      case 'fetch':
        await this.fetcher.fetchToday('link');
        return;
      case 'digest':
        return this.openDigest();
      case 'open':
        return this.openPaper(request.id);
      case 'zotero':
        if (this.zotero) return this.zotero.saveById(request.id);
        new Notice('Saving to Zotero works in Obsidian on the desktop, where Zotero runs.');
        return;
      case 'invalid':
        new Notice(request.message);
    }
  }

  askForRange(): void {
    new RangeModal(this.app, latestAnnouncement(new Date()).date, (from, to) => void this.fetcher.fetchRange(from, to)).open();
  }

  /** checkCallback for "Open this paper on arXiv": shown only on paper notes. */
  openOnArxiv(checking: boolean): boolean {
    const note = paperNoteInView(this.app);
    if (!note) return false;
    if (!checking) window.open(note.paper.absUrl);
    return true;
  }

  openPdf(checking: boolean): boolean {
    const note = paperNoteInView(this.app);
    if (!note) return false;
    if (!checking) window.open(note.paper.pdfUrl);
    return true;
  }

  copyCitation(checking: boolean): boolean {
    const note = paperNoteInView(this.app);
    if (!note) return false;
    if (!checking) new CitationModal(this.app, note, this.settings().config.citationFormat).open();
    return true;
  }

  private async openPath(path: string): Promise<void> {
    const file = this.app.vault.getFileByPath(path);
    if (!file) {
      new Notice(`"${path}" is no longer in the vault; fetch today's papers to write it again.`);
      return;
    }
    await this.app.workspace.getLeaf(false).openFile(file);
  }
}
