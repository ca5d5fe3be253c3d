// Which .bib files a LaTeX document cites from: the ones its project's root file (and the files
// the root inputs) name with \bibliography or \addbibresource. The root is found as LaTeX Workshop
// finds it: a `% !TEX root` magic comment (followed from file to file), a subfiles main file, the
// document itself when it has a \documentclass, else a root file of the workspace that inputs it.
import * as vscode from 'vscode';
import { isRootFile, loadedPackages, magicRoot, namedBibliographies, subfilesRoot, texInputs, type TexInput } from './latex-source';
import { parentOf, resolvePath } from './paths';
import { currentText, exists as onDisk } from '../shared/text-files';

export interface LatexProject {
  /** The file LaTeX is run on. */
  root: vscode.Uri;
  /** The .bib files the project names, those that exist first: entries are added to the first. */
  bibFiles: vscode.Uri[];
  /** Packages the project loads (natbib, biblatex, …), which decide the citation commands offered. */
  packages: string[];
}

type DocumentLike = Pick<vscode.TextDocument, 'uri' | 'getText'>;

// A project inputs tens of files; the limits only stop a pathological workspace from stalling
// completion.
const MAX_PROJECT_FILES = 200;
const MAX_ROOT_CANDIDATES = 200;
const MAGIC_CHAIN = 10;

export async function latexProject(document: DocumentLike): Promise<LatexProject> {
  const root = await rootOf(document);
  const read = (uri: vscode.Uri) => (uri.toString() === document.uri.toString() ? Promise.resolve(document.getText()) : currentText(uri));
  const rootFolder = folderOf(root);
  const named: vscode.Uri[] = [];
  const packages: string[] = [];
  const seen = new Set<string>();
  const queue: vscode.Uri[] = [root];
  while (queue.length > 0 && seen.size < MAX_PROJECT_FILES) {
    const file = queue.shift()!;
    if (seen.has(file.toString())) continue;
    seen.add(file.toString());
    const text = await read(file);
    if (text === undefined) continue;
    packages.push(...loadedPackages(text));
    for (const bib of namedBibliographies(text)) {
      // BibTeX and biber run in the root's folder; LaTeX Workshop also looks beside the naming file.
      const candidates = [resolvePath(bib.path, rootFolder), resolvePath(bib.path, folderOf(file))].filter((u): u is vscode.Uri => u !== undefined);
      const found = (await firstExisting(candidates)) ?? candidates[0];
      if (found && /\.bib$/i.test(found.path)) named.push(found);
    }
    for (const input of texInputs(text)) {
      const found = await firstExisting(inputCandidates(input, rootFolder, folderOf(file)));
      if (found) queue.push(found);
    }
  }
  const unique = named.filter((u, i) => named.findIndex((v) => v.toString() === u.toString()) === i);
  const existing = await Promise.all(unique.map((u) => exists(u)));
  const bibFiles = [...unique.filter((_, i) => existing[i]), ...unique.filter((_, i) => !existing[i])];
  return { root, bibFiles, packages: [...new Set(packages)] };
}

/** The project's root file for `document`. */
async function rootOf(document: DocumentLike): Promise<vscode.Uri> {
  const text = document.getText();
  const fromMagic = await followMagic(document.uri, text);
  if (fromMagic) return fromMagic;
  const main = subfilesRoot(text);
  const fromSubfiles = main ? resolvePath(main, folderOf(document.uri)) : undefined;
  if (fromSubfiles && (await exists(fromSubfiles))) return fromSubfiles;
  if (isRootFile(text) || document.uri.scheme === 'untitled') return document.uri;
  return (await workspaceRootInputting(document.uri)) ?? document.uri;
}

/** Follows `% !TEX root` from file to file (a loop ends at the last new file); undefined without one, or when it names a missing file. */
async function followMagic(start: vscode.Uri, text: string): Promise<vscode.Uri | undefined> {
  let file = start;
  let content: string | undefined = text;
  const chain: string[] = [];
  for (let step = 0; step < MAGIC_CHAIN; step++) {
    const named = magicRoot(content);
    if (!named) break;
    const next = resolvePath(named, folderOf(file));
    if (!next || chain.includes(next.toString())) break;
    chain.push(next.toString());
    file = next;
    content = await currentText(file);
    if (content === undefined) return undefined;
  }
  return chain.length > 0 ? file : undefined;
}

/** A root file of the workspace whose inputs (followed to any depth) include `target`. */
async function workspaceRootInputting(target: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(target);
  if (!folder) return undefined;
  const candidates = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.{tex,ltx}'), '**/node_modules/**', MAX_ROOT_CANDIDATES);
  for (const candidate of candidates) {
    if (candidate.toString() === target.toString()) continue;
    const text = await currentText(candidate);
    if (text === undefined || !isRootFile(text)) continue;
    if (await inputs(candidate, text, target)) return candidate;
  }
  return undefined;
}

async function inputs(root: vscode.Uri, rootText: string, target: vscode.Uri): Promise<boolean> {
  const seen = new Set<string>([root.toString()]);
  const queue: Array<{ file: vscode.Uri; text: string }> = [{ file: root, text: rootText }];
  while (queue.length > 0 && seen.size < MAX_PROJECT_FILES) {
    const { file, text } = queue.shift()!;
    for (const input of texInputs(text)) {
      const candidates = inputCandidates(input, folderOf(root), folderOf(file));
      if (candidates.some((c) => c.toString() === target.toString())) return true;
      const found = await firstExisting(candidates);
      if (!found || seen.has(found.toString())) continue;
      seen.add(found.toString());
      const child = await currentText(found);
      if (child !== undefined) queue.push({ file: found, text: child });
    }
  }
  return false;
}

/** Where TeX looks for an input: relative to the root's folder (TeX's working folder), or for \subimport to the importing file's. */
function inputCandidates(input: TexInput, rootFolder: vscode.Uri, fileFolder: vscode.Uri): vscode.Uri[] {
  const base = input.folder === undefined ? rootFolder : resolvePath(input.folder, input.relativeToFile ? fileFolder : rootFolder);
  return input.candidates.map((name) => resolvePath(name, base)).filter((u): u is vscode.Uri => u !== undefined);
}

async function firstExisting(candidates: readonly vscode.Uri[]): Promise<vscode.Uri | undefined> {
  for (const candidate of candidates) if (await exists(candidate)) return candidate;
  return undefined;
}

/** Open documents count as existing (a new root may not be saved yet). */
async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()) || onDisk(uri);
}

function folderOf(uri: vscode.Uri): vscode.Uri {
  if (uri.scheme === 'untitled') return vscode.workspace.workspaceFolders?.[0]?.uri ?? uri;
  return parentOf(uri);
}
