// Opens the paper's note, found by `arxiv_id` wherever it lives in the vault; when there is none,
// creates it exactly as the Obsidian plugin and the CLI would (the core's planner names it and
// renders it), in the configured papers folder.
import * as vscode from 'vscode';
import type { Paper } from '../../../core/arxiv/paper';
import { PaperFeedError } from '../../../core/errors';
import { planPaperNotes } from '../../../core/notes/plan';
import { selectPapers } from '../../../core/select/select';
import { noteFacts } from '../../../core/notes/note-facts';
import { indexOfMaps, pathKey } from '../../../core/vault/index-of';
import { createText, exists, readTextIfExists } from '../shared/text-files';
import type { FeedCache } from '../cache/feed-cache';
import type { WorkspaceNoteIndex } from '../workspace/workspace-note-index';
import type { ExtensionSettings } from '../settings/settings';
import type { ZoteroService } from '../zotero/zotero-service';

/** What opening or writing a paper note uses of the extension's services (extension.ts hands them over). */
export interface PaperNoteServices {
  cache: FeedCache;
  notes: WorkspaceNoteIndex;
  settings: () => ExtensionSettings;
  vaultRoot(): vscode.Uri | undefined;
  zotero: ZoteroService;
}

export async function openOrCreatePaperNote(services: PaperNoteServices, paper: Paper): Promise<vscode.Uri | undefined> {
  const notes = await services.notes.notes();
  const found = notes.get(paper.id);
  if (found) {
    await vscode.window.showTextDocument(found.uri, { preview: false });
    return found.uri;
  }
  const root = services.vaultRoot();
  if (!root) {
    void vscode.window.showInformationMessage('Open a folder (or an Obsidian vault) first; paper notes are created inside it.');
    return undefined;
  }
  const { config } = services.settings();
  await services.cache.load();
  const announcement = services.cache.announcementOf(paper.id);
  if (!announcement) {
    void vscode.window.showInformationMessage(`arXiv:${paper.id} is no longer among the kept announcements; fetch again to create its note.`);
    return undefined;
  }
  const known = await services.notes.known();
  const single = { ...announcement, papers: [paper] };
  const keywords = selectPapers(single, config, known).groupsOf.get(paper.id) ?? [];
  const inFolder = await filesIn(root, config.folders.papers);
  const selection = { groups: [], matched: [paper], groupsOf: new Map([[paper.id, keywords]]), updated: [] };
  // Each name the core would give the note, best first: a file holding that name once case and
  // Unicode form are folded (one file on macOS, Windows and phones) is read; if it is this paper's
  // note (synced in, or written by another device) it is opened, else the next name is tried.
  const taken = new Set<string>();
  // A paper in the person's Zotero gets the key they already cite it with.
  const knownCitekeys = await services.zotero.citekeys(config);
  for (let round = 0; round <= inFolder.length; round += 1) {
    const {
      notes: [planned],
    } = planPaperNotes({
      announcement: single,
      config,
      selection,
      index: indexOfMaps(known, new Map()),
      existing: new Map(),
      taken,
      knownCitekeys,
    });
    if (planned?.role !== 'paper' || planned.kind !== 'create') return undefined;
    const holder = inFolder.find((path) => pathKey(path) === pathKey(planned.path));
    if (holder !== undefined) {
      const held = vscode.Uri.joinPath(root, holder);
      const text = await readTextIfExists(held).catch(() => undefined);
      if (text !== undefined && noteFacts(text).arxivId === paper.id) {
        services.notes.invalidate();
        await vscode.window.showTextDocument(held, { preview: false });
        return held;
      }
      taken.add(holder);
      continue;
    }
    const uri = vscode.Uri.joinPath(root, planned.path);
    if (await exists(uri)) {
      throw new PaperFeedError('vault', `${planned.path} appeared while its note was being created; run the command again to open it.`);
    }
    await createText(uri, planned.content);
    services.notes.invalidate();
    await vscode.window.showTextDocument(uri, { preview: false });
    return uri;
  }
  return undefined;
}

/** Vault paths of the files already in `folder`, so a new note never takes a taken name. */
async function filesIn(root: vscode.Uri, folder: string): Promise<string[]> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(root, folder));
    return entries.map(([name]) => `${folder}/${name}`);
  } catch {
    return []; // no folder yet: nothing is taken
  }
}
