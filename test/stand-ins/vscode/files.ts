// File-system values of the `vscode` stand-in: glob patterns, FileSystemError (with VS Code's
// `code` names) and file types, plus the remaining enums.
import { Uri } from './text';

export class RelativePattern {
  readonly baseUri: Uri;
  readonly base: string;
  constructor(
    base: Uri | string | { uri: Uri },
    readonly pattern: string,
  ) {
    this.baseUri = typeof base === 'string' ? Uri.file(base) : base instanceof Uri ? base : base.uri;
    this.base = this.baseUri.fsPath;
  }
}

export class FileSystemError extends Error {
  static FileNotFound(target?: string | Uri): FileSystemError {
    return new FileSystemError(target, 'FileNotFound');
  }
  static FileExists(target?: string | Uri): FileSystemError {
    return new FileSystemError(target, 'FileExists');
  }
  static FileNotADirectory(target?: string | Uri): FileSystemError {
    return new FileSystemError(target, 'FileNotADirectory');
  }
  static FileIsADirectory(target?: string | Uri): FileSystemError {
    return new FileSystemError(target, 'FileIsADirectory');
  }
  static NoPermissions(target?: string | Uri): FileSystemError {
    return new FileSystemError(target, 'NoPermissions');
  }
  static Unavailable(target?: string | Uri): FileSystemError {
    return new FileSystemError(target, 'Unavailable');
  }
  constructor(
    target: string | Uri | undefined,
    readonly code = 'Unknown',
  ) {
    super(`${target instanceof Uri ? target.toString(true) : (target ?? '')} (${code})`);
    this.name = `${code} (FileSystemError)`;
  }
}

export enum FileType {
  Unknown = 0,
  File = 1,
  Directory = 2,
  SymbolicLink = 64,
}

export enum FilePermission {
  Readonly = 1,
}

export enum ConfigurationTarget {
  Global = 1,
  Workspace = 2,
  WorkspaceFolder = 3,
}

export enum ExtensionMode {
  Production = 1,
  Development = 2,
  Test = 3,
}
