// Paper notes in the workspace (or its Obsidian vault folder), found by their `arxiv_id`
// frontmatter rather than by file name, so a renamed or moved note is still found. Built on
// first use, dropped when a Markdown file changes, rebuilt when next asked for.
import * as vscode from 'vscode';
import { bodyOffset, readFrontmatter } from '../../../core/notes/frontmatter';
import { tryParseArxivId } from '../../../core/arxiv/ids';
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
  /** What "Top picks" needs to tell whether the person kept the note (issue #10). */
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
    files.sort((a, b) => a.path.localeCompare(b.path));
    for (let i = 0; i < files.length; i += READS_AT_ONCE) {
      const batch = await Promise.all(files.slice(i, i + READS_AT_ONCE).map((uri) => readNote(uri, root)));
      // The first note (in path order) for an id wins, so the answer does not depend on timing.
      for (const found of batch) if (found && !notes.has(found.id)) notes.set(found.id, found.note);
    }
    return notes;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }
}

async function readNote(uri: vscode.Uri, root: vscode.Uri): Promise<{ id: string; note: WorkspaceNote } | undefined> {
  const text = await readTextIfExists(uri);
  // Most Markdown files are not paper notes; skip the YAML parser for them.
  if (text === undefined || !text.includes('arxiv_id')) return undefined;
  let data: Record<string, unknown>;
  try {
    data = readFrontmatter(text);
  } catch {
    return undefined; // a note with broken frontmatter is the person's to fix, not ours to guess
  }
  // YAML reads an unquoted 2401.10230 as the number 2401.1023; the id is then taken as written.
  const written = typeof data.arxiv_id === 'number' ? /^arxiv_id:[ \t]*([^\s#]+)/m.exec(text)?.[1] : data.arxiv_id;
  const id = typeof written === 'string' ? tryParseArxivId(written)?.id : undefined;
  if (!id) return undefined;
  const path = uri.path.startsWith(`${root.path}/`) ? uri.path.slice(root.path.length + 1) : uri.path;
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  const version = typeof data.version === 'number' ? data.version : undefined;
  const citekey = typeof data.citekey === 'string' && data.citekey.trim() ? data.citekey.trim() : undefined;
  const keep: KeepFacts = { facts: noteLibraryFacts(text, []), properties: data, tags: [...propertyTags(data), ...inlineTags(text.slice(bodyOffset(text)))] };
  return { id, note: { uri, path, name, ...(version !== undefined ? { version } : {}), ...(citekey ? { citekey } : {}), keep } };
}
