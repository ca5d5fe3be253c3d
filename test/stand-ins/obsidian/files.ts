// Vault entries (TAbstractFile, TFile, TFolder) and normalizePath, shaped like Obsidian's own.
import type { Vault } from './vault';

export abstract class TAbstractFile {
  vault: Vault;
  path: string;
  name: string;
  parent: TFolder | null = null;
  constructor(vault: Vault, path: string) {
    this.vault = vault;
    this.path = path;
    this.name = path.split('/').pop() ?? path;
  }
  /** Called by the vault when the entry moves. */
  setPath(path: string): void {
    this.path = path;
    this.name = path.split('/').pop() ?? path;
  }
}

export interface FileStats {
  ctime: number;
  mtime: number;
  size: number;
}

export class TFile extends TAbstractFile {
  stat: FileStats = { ctime: 0, mtime: 0, size: 0 };
  get basename(): string {
    const dot = this.name.lastIndexOf('.');
    return dot > 0 ? this.name.slice(0, dot) : this.name;
  }
  get extension(): string {
    const dot = this.name.lastIndexOf('.');
    return dot > 0 ? this.name.slice(dot + 1) : '';
  }
}

export class TFolder extends TAbstractFile {
  children: TAbstractFile[] = [];
  isRoot(): boolean {
    return this.path === '/';
  }
}

/** Obsidian's rules: one "/" between parts, none at either end, NFC, non-breaking spaces made plain. */
export function normalizePath(path: string): string {
  let normalized = path.replace(/([\\/])+/g, '/').replace(/(^\/+|\/+$)/g, '');
  if (normalized === '') normalized = '/';
  return normalized.replace(/\u00A0|\u202F/g, ' ').normalize('NFC');
}
