// Paper notes in the workspace (or its Obsidian vault folder), found by their `arxiv_id`
// frontmatter rather than by file name, so a renamed or moved note is still found. Built on
// first use, dropped when a Markdown file changes, rebuilt when next asked for.
import * as vscode from 'vscode';
import { bodyOffset } from '../../../core/notes/frontmatter';
import { readNote as readNoteText } from '../../../core/notes/note-facts';
import { originalFirst } from '../../../core/vault/originals';
import { keepRules, keptByRules, propertyTags } from '../../../core/notes/keep-keys';
import { inlineTags, libraryItemOf, noteLibraryFacts, type NoteLibraryFacts } from '../../../core/notes/library-items';
import type { LibraryItem } from '../../../core/rank/library';
import type { IndexedPaperNote } from '../../../core/vault/store';
import { readTextIfExists } from '../shared/text-files';

export interface WorkspaceNote {
  uri: vscode.Uri;
  /** Path inside the vault folder, "/"-separated. */
  path: string;
  /** File name without ".md": what a wikilink to the note says. */
  name: string;
  version?: number;
  citekey?: string;
  /** What "Top picks" needs to tell whether the person kept the note. */
  keep: KeepFacts;
}

/** A note's library facts before the keep keys are applied: its text was read once, with the scan. */
interface KeepFacts {
  facts: NoteLibraryFacts;
  properties: Record<string, unknown>;
  /** Frontmatter and inline tags, without "#". */
  tags: string[];
}

const EXCLUDE = '**/{node_modules,.git,.obsidian,.trash}/**';
const MAX_NOTES = 50_000;
const READS_AT_ONCE = 16;
const CHANGE_DELAY_MS = 300;

export class WorkspaceNoteIndex implements vscode.Disposable {
  private scan: Promise<Map<string, WorkspaceNote>> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Fires (shortly after a burst of file changes) when the notes may have changed. */
  readonly onDidChange = this.changed.event;

  /** `root` is the vault folder, or undefined when no folder is open. */
  constructor(private readonly root: () => vscode.Uri | undefined) {}

  /** Paper notes by arXiv id (no version). */
  notes(): Promise<ReadonlyMap<string, WorkspaceNote>> {
    this.scan ??= this.build();
    return this.scan;
  }

  /** The same notes in the core's terms, for selection ("Updated"). */
  async known(): Promise<ReadonlyMap<string, IndexedPaperNote>> {
    const known = new Map<string, IndexedPaperNote>();
    for (const [id, note] of await this.notes()) {
      known.set(id, { path: note.path, ...(note.version !== undefined ? { version: note.version } : {}), ...(note.citekey ? { citekey: note.citekey } : {}) });
    }
    return known;
  }

  /** The kept paper notes as library items, by these keep keys (config.library.keepKeys). */
  async library(keepKeys: readonly string[]): Promise<LibraryItem[]> {
    const rules = keepRules(keepKeys);
    const items: LibraryItem[] = [];
    for (const [id, note] of await this.notes()) {
      const { facts, properties, tags } = note.keep;
      if (facts.written || keptByRules(rules, properties, tags)) items.push(libraryItemOf(id, note.path, facts));
    }
    return items;
  }

  /** Forgets what it found; the next question scans again. */
  invalidate(): void {
    this.scan = undefined;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), CHANGE_DELAY_MS);
  }

  /** Keeps the index current while Markdown files are created, changed or deleted. */
  watch(): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    const onChange = () => this.invalidate();
    return vscode.Disposable.from(watcher, watcher.onDidCreate(onChange), watcher.onDidChange(onChange), watcher.onDidDelete(onChange));
  }

  private async build(): Promise<Map<string, WorkspaceNote>> {
    const root = this.root();
    const notes = new Map<string, WorkspaceNote>();
    if (!root) return notes;
    const files = await vscode.workspace.findFiles(new vscode.RelativePattern(root, '**/*.md'), EXCLUDE, MAX_NOTES);
    const claims = new Map<string, FoundNote[]>();
    for (let i = 0; i < files.length; i += READS_AT_ONCE) {
      const batch = await Promise.all(files.slice(i, i + READS_AT_ONCE).map((uri) => readNote(uri, root)));
      for (const found of batch) if (found) claims.set(found.id, [...(claims.get(found.id) ?? []), found]);
    }
    // When two notes claim one id, the original stands for it, by the rule every host uses.
    for (const [id, found] of claims) notes.set(id, (found.length > 1 ? originalFirst(found) : found)[0]!.note);
    return notes;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }
}

interface FoundNote {
  id: string;
  path: string;
  note: WorkspaceNote;
}

async function readNote(uri: vscode.Uri, root: vscode.Uri): Promise<FoundNote | undefined> {
  const text = await readTextIfExists(uri);
  // Most Markdown files are not paper notes; skip the YAML parser for them.
  if (!text?.includes('arxiv_id')) return undefined;
  // A note with broken YAML has no properties, but its arxiv_id line still names its paper.
  const { data, facts } = readNoteText(text);
  const { arxivId: id, version, citekey } = facts;
  if (!id) return undefined;
  const path = uri.path.startsWith(`${root.path}/`) ? uri.path.slice(root.path.length + 1) : uri.path;
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  const keep: KeepFacts = { facts: noteLibraryFacts(text, []), properties: data, tags: [...propertyTags(data), ...inlineTags(text.slice(bodyOffset(text)))] };
  return { id, path, note: { uri, path, name, ...(version !== undefined ? { version } : {}), ...(citekey ? { citekey } : {}), keep } };
}
