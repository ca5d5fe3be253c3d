// The `workspace` namespace of the stand-in: `fs` over the real disk, settings with the defaults
// the manifest declares, findFiles over real folders, open documents and workspace edits.
import type * as vscode from 'vscode';
import { mkdir, lstat, readdir, readFile, rename, rm, stat, writeFile, copyFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { documentChanged, StandInTextDocument } from './documents';
import { EventEmitter } from './events';
import { FilePermission, FileSystemError, FileType, RelativePattern } from './files';
import { Uri, WorkspaceEdit } from './text';

function fsError(error: unknown, uri: Uri): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return FileSystemError.FileNotFound(uri);
  if (code === 'EEXIST') return FileSystemError.FileExists(uri);
  if (code === 'EISDIR') return FileSystemError.FileIsADirectory(uri);
  if (code === 'ENOTDIR') return FileSystemError.FileNotADirectory(uri);
  return error;
}

function diskPath(uri: Uri): string {
  if (uri.scheme !== 'file') throw FileSystemError.Unavailable(uri);
  return uri.fsPath;
}

async function onDisk<T>(uri: Uri, op: (path: string) => Promise<T>): Promise<T> {
  try {
    return await op(diskPath(uri));
  } catch (error) {
    throw fsError(error, uri);
  }
}

/** workspace.fs as VS Code's file service behaves for `file:` URIs (writeFile creates parent folders). */
export const fs = {
  stat: (uri: Uri): Promise<vscode.FileStat> =>
    onDisk(uri, async (p) => {
      // As VS Code's disk provider: the link's target is described, with SymbolicLink added, and a
      // file without its owner's write bit is Readonly.
      const s = await stat(p);
      const link = (await lstat(p)).isSymbolicLink() ? FileType.SymbolicLink : 0;
      const permissions = (s.mode & 0o200) === 0 ? FilePermission.Readonly : undefined;
      return { type: (s.isDirectory() ? FileType.Directory : FileType.File) | link, ctime: s.ctimeMs, mtime: s.mtimeMs, size: s.size, permissions };
    }),
  readDirectory: (uri: Uri): Promise<Array<[string, FileType]>> =>
    onDisk(uri, async (p) =>
      (await readdir(p, { withFileTypes: true })).map((d) => [d.name, d.isDirectory() ? FileType.Directory : FileType.File] as [string, FileType]),
    ),
  createDirectory: (uri: Uri): Promise<void> =>
    onDisk(uri, async (p) => {
      await mkdir(p, { recursive: true });
    }),
  readFile: (uri: Uri): Promise<Uint8Array> => onDisk(uri, async (p) => new Uint8Array(await readFile(p))),
  writeFile: (uri: Uri, content: Uint8Array): Promise<void> =>
    onDisk(uri, async (p) => {
      await mkdir(dirname(p), { recursive: true });
      await writeFile(p, content);
    }),
  delete: (uri: Uri, options?: { recursive?: boolean }): Promise<void> =>
    onDisk(uri, async (p) => {
      await stat(p);
      await rm(p, { recursive: options?.recursive ?? false });
    }),
  // As VS Code's file service does it: with `overwrite`, an existing target is deleted first and
  // the source moved after, two steps (FileService.doMoveCopy), not one atomic rename.
  rename: (source: Uri, target: Uri, options?: { overwrite?: boolean }): Promise<void> =>
    onDisk(source, async (p) => {
      const taken = await exists(diskPath(target));
      if (taken && !options?.overwrite) throw FileSystemError.FileExists(target);
      if (taken) await rm(diskPath(target), { recursive: true });
      await mkdir(dirname(diskPath(target)), { recursive: true });
      await rename(p, diskPath(target));
    }),
  copy: (source: Uri, target: Uri, options?: { overwrite?: boolean }): Promise<void> =>
    onDisk(source, async (p) => {
      if (!options?.overwrite && (await exists(diskPath(target)))) throw FileSystemError.FileExists(target);
      await copyFile(p, diskPath(target));
    }),
  isWritableFileSystem: (scheme: string): boolean | undefined => (scheme === 'file' ? true : undefined),
};

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

// ---- settings ---------------------------------------------------------------------------------

const MANIFEST = new URL('../../../vscode-extension/package.json', import.meta.url);

/** The defaults VS Code takes from `contributes.configuration` in the manifest, read once as VS Code reads it. */
let defaults: Map<string, unknown> | undefined;
function manifestDefaults(): Map<string, unknown> {
  defaults ??= readManifestDefaults();
  return defaults;
}

function readManifestDefaults(): Map<string, unknown> {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as {
    contributes?: { configuration?: { properties?: Record<string, { default?: unknown }> } | Array<{ properties?: Record<string, { default?: unknown }> }> };
  };
  const sections = [manifest.contributes?.configuration ?? []].flat();
  const defaults = new Map<string, unknown>();
  for (const section of sections) {
    for (const [key, schema] of Object.entries(section.properties ?? {})) defaults.set(key, schema.default);
  }
  return defaults;
}

const userSettings = new Map<string, unknown>();
const configurationChanged = new EventEmitter<vscode.ConfigurationChangeEvent>();

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function getConfiguration(section?: string): vscode.WorkspaceConfiguration {
  const full = (key: string) => (section ? `${section}.${key}` : key);
  const lookup = (key: string): unknown => {
    const name = full(key);
    if (userSettings.has(name)) return clone(userSettings.get(name));
    return clone(manifestDefaults().get(name));
  };
  const configuration = {
    get: <T>(key: string, defaultValue?: T): T | undefined => {
      const value = lookup(key) as T | undefined;
      return value === undefined ? defaultValue : value;
    },
    has: (key: string) => userSettings.has(full(key)) || manifestDefaults().has(full(key)),
    inspect: <T>(key: string) => ({
      key: full(key),
      defaultValue: manifestDefaults().get(full(key)) as T | undefined,
      globalValue: userSettings.get(full(key)) as T | undefined,
    }),
    update: async (key: string, value: unknown) => setSetting(full(key), value),
  };
  return configuration;
}

/** Stand-in only: sets (or with `undefined`, removes) a user setting and fires the change event. */
export function setSetting(name: string, value: unknown): void {
  if (value === undefined) userSettings.delete(name);
  else userSettings.set(name, clone(value));
  configurationChanged.fire({ affectsConfiguration: (s: string) => name === s || name.startsWith(`${s}.`) || s.startsWith(`${name}.`) });
}

export const onDidChangeConfiguration = configurationChanged.event;

// ---- folders, files, documents ------------------------------------------------------------------

export let workspaceFolders: vscode.WorkspaceFolder[] | undefined;
export const textDocuments: StandInTextDocument[] = [];

/** Stand-in only: opens these folders as the workspace (or none). */
export function setWorkspaceFolders(paths: string[] | undefined): void {
  workspaceFolders = paths?.map((p, index) => ({ uri: Uri.file(p), name: p.split('/').pop() ?? p, index }));
}

export function getWorkspaceFolder(uri: Uri): vscode.WorkspaceFolder | undefined {
  return workspaceFolders?.find((f) => uri.path === f.uri.path || uri.path.startsWith(`${f.uri.path}/`));
}

/** Glob → RegExp for the patterns VS Code accepts: `**`, `*`, `?`, `{a,b}`. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      out += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') out += '(?:';
    else if (c === '}') out += ')';
    else if (c === ',') out += '|';
    else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else files.push(full);
  }
  return files;
}

export async function findFiles(include: string | RelativePattern, exclude?: string | RelativePattern | null, maxResults?: number): Promise<Uri[]> {
  const bases = include instanceof RelativePattern ? [include.baseUri.fsPath] : (workspaceFolders ?? []).map((f) => f.uri.fsPath);
  const pattern = globToRegExp(include instanceof RelativePattern ? include.pattern : include);
  const excluded = exclude ? globToRegExp(typeof exclude === 'string' ? exclude : exclude.pattern) : undefined;
  const found: Uri[] = [];
  for (const base of bases) {
    for (const file of (await walk(base)).sort()) {
      const rel = relative(base, file).split('\\').join('/');
      if (pattern.test(rel) && !excluded?.test(rel)) found.push(Uri.file(file));
    }
  }
  return found.slice(0, maxResults ?? found.length);
}

export const onDidChangeTextDocument = documentChanged.event;

/** The language VS Code gives a file by its extension (the ones the tests open). */
function languageOf(path: string): string {
  if (path.endsWith('.md')) return 'markdown';
  if (path.endsWith('.bib')) return 'bibtex';
  if (path.endsWith('.tex')) return 'latex';
  if (path.endsWith('.sty') || path.endsWith('.cls')) return 'tex';
  return 'plaintext';
}

const openedDocument = new EventEmitter<StandInTextDocument>();
export const onDidOpenTextDocument = openedDocument.event;

export async function openTextDocument(target: Uri | string | { language?: string; content?: string }): Promise<StandInTextDocument> {
  if (typeof target === 'object' && !(target instanceof Uri)) {
    const doc = new StandInTextDocument(
      Uri.from({ scheme: 'untitled', path: `Untitled-${textDocuments.length + 1}` }),
      target.content ?? '',
      target.language ?? 'plaintext',
    );
    textDocuments.push(doc);
    return doc;
  }
  const uri = typeof target === 'string' ? Uri.file(target) : target;
  const open = textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open;
  const text = new TextDecoder().decode(await fs.readFile(uri));
  const doc = new StandInTextDocument(uri, text, languageOf(uri.path));
  textDocuments.push(doc);
  openedDocument.fire(doc);
  return doc;
}

/** Applies a WorkspaceEdit the way VS Code does: open documents change (and turn dirty), files get created. */
export async function applyEdit(edit: WorkspaceEdit): Promise<boolean> {
  for (const op of edit.fileOperations) {
    const present = await exists(diskPath(op.uri));
    if (present && op.ignoreIfExists) continue;
    if (present && !op.overwrite) return false;
    await fs.writeFile(op.uri, op.contents ?? new Uint8Array());
  }
  for (const { uri, edits } of edit.textEdits.values()) {
    const doc = await openTextDocument(uri);
    doc.applyEdits(edits);
  }
  return true;
}

export async function save(uri: Uri): Promise<Uri | undefined> {
  const doc = textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!doc) return undefined;
  await doc.save();
  return uri;
}

/** Stand-in only: file watchers created by the code under test, so tests can fire their events. */
export const watchers: StandInFileSystemWatcher[] = [];

export class StandInFileSystemWatcher {
  private readonly created = new EventEmitter<Uri>();
  private readonly changed = new EventEmitter<Uri>();
  private readonly deleted = new EventEmitter<Uri>();
  readonly onDidCreate = this.created.event;
  readonly onDidChange = this.changed.event;
  readonly onDidDelete = this.deleted.event;
  readonly ignoreCreateEvents = false;
  readonly ignoreChangeEvents = false;
  readonly ignoreDeleteEvents = false;
  constructor(readonly globPattern: string | RelativePattern) {}
  fire(kind: 'create' | 'change' | 'delete', uri: Uri): void {
    ({ create: this.created, change: this.changed, delete: this.deleted })[kind].fire(uri);
  }
  dispose(): void {
    watchers.splice(watchers.indexOf(this), 1);
  }
}

export function createFileSystemWatcher(globPattern: string | RelativePattern): StandInFileSystemWatcher {
  const watcher = new StandInFileSystemWatcher(globPattern);
  watchers.push(watcher);
  return watcher;
}

export function asRelativePath(pathOrUri: string | Uri): string {
  const path = typeof pathOrUri === 'string' ? pathOrUri : pathOrUri.fsPath;
  const folder = workspaceFolders?.find((f) => path.startsWith(`${f.uri.fsPath}/`));
  return folder ? relative(folder.uri.fsPath, path) : path;
}

/** Content providers for virtual documents (a diff's preview side), by scheme. */
export const contentProviders = new Map<string, vscode.TextDocumentContentProvider>();

export function registerTextDocumentContentProvider(scheme: string, provider: vscode.TextDocumentContentProvider): { dispose(): void } {
  contentProviders.set(scheme, provider);
  return { dispose: () => void contentProviders.delete(scheme) };
}

/** Stand-in only: forgets settings, folders and open documents. */
export function resetWorkspace(): void {
  contentProviders.clear();
  userSettings.clear();
  workspaceFolders = undefined;
  textDocuments.length = 0;
  watchers.length = 0;
  documentChanged.dispose();
}
