// Positions, ranges, URIs and text edits of the `vscode` stand-in, with VS Code's semantics
// (ranges are ordered, selections keep their anchor, Uri.toString encodes the path).
import { posix } from 'node:path';

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {
    if (line < 0 || character < 0) throw new Error('Illegal argument: line and character must be non-negative');
  }
  isBefore(other: Position): boolean {
    return this.compareTo(other) < 0;
  }
  isBeforeOrEqual(other: Position): boolean {
    return this.compareTo(other) <= 0;
  }
  isAfter(other: Position): boolean {
    return this.compareTo(other) > 0;
  }
  isAfterOrEqual(other: Position): boolean {
    return this.compareTo(other) >= 0;
  }
  isEqual(other: Position): boolean {
    return this.compareTo(other) === 0;
  }
  compareTo(other: Position): number {
    return this.line === other.line ? this.character - other.character : this.line - other.line;
  }
  translate(lineDeltaOrChange?: number | { lineDelta?: number; characterDelta?: number }, characterDelta = 0): Position {
    if (typeof lineDeltaOrChange === 'object') {
      return new Position(this.line + (lineDeltaOrChange.lineDelta ?? 0), this.character + (lineDeltaOrChange.characterDelta ?? 0));
    }
    return new Position(this.line + (lineDeltaOrChange ?? 0), this.character + characterDelta);
  }
  with(lineOrChange?: number | { line?: number; character?: number }, character?: number): Position {
    if (typeof lineOrChange === 'object') {
      return new Position(lineOrChange.line ?? this.line, lineOrChange.character ?? this.character);
    }
    return new Position(lineOrChange ?? this.line, character ?? this.character);
  }
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(start: Position, end: Position);
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number);
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    const p1 = typeof a === 'number' ? new Position(a, b as number) : a;
    const p2 = typeof a === 'number' ? new Position(c!, d!) : (b as Position);
    [this.start, this.end] = p1.isBeforeOrEqual(p2) ? [p1, p2] : [p2, p1];
  }
  get isEmpty(): boolean {
    return this.start.isEqual(this.end);
  }
  get isSingleLine(): boolean {
    return this.start.line === this.end.line;
  }
  contains(target: Position | Range): boolean {
    if (target instanceof Range) return this.contains(target.start) && this.contains(target.end);
    return target.isAfterOrEqual(this.start) && target.isBeforeOrEqual(this.end);
  }
  isEqual(other: Range): boolean {
    return this.start.isEqual(other.start) && this.end.isEqual(other.end);
  }
  intersection(other: Range): Range | undefined {
    const start = this.start.isAfter(other.start) ? this.start : other.start;
    const end = this.end.isBefore(other.end) ? this.end : other.end;
    return start.isAfter(end) ? undefined : new Range(start, end);
  }
  union(other: Range): Range {
    return new Range(this.start.isBefore(other.start) ? this.start : other.start, this.end.isAfter(other.end) ? this.end : other.end);
  }
  with(startOrChange?: Position | { start?: Position; end?: Position }, end?: Position): Range {
    if (startOrChange && !(startOrChange instanceof Position)) {
      return new Range(startOrChange.start ?? this.start, startOrChange.end ?? this.end);
    }
    return new Range(startOrChange ?? this.start, end ?? this.end);
  }
}

export class Selection extends Range {
  readonly anchor: Position;
  readonly active: Position;
  constructor(anchor: Position, active: Position);
  constructor(anchorLine: number, anchorCharacter: number, activeLine: number, activeCharacter: number);
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    const anchor = typeof a === 'number' ? new Position(a, b as number) : a;
    const active = typeof a === 'number' ? new Position(c!, d!) : (b as Position);
    super(anchor, active);
    this.anchor = anchor;
    this.active = active;
  }
  get isReversed(): boolean {
    return this.anchor.isAfter(this.active);
  }
}

/** A URI as VS Code models it; `toString()` percent-encodes the path like vscode-uri does for plain paths. */

export class Uri {
  static parse(value: string): Uri {
    const match = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(value);
    if (!match) throw new Error(`[UriError]: Scheme is missing: ${value}`);
    return new Uri(match[1]!, match[2] ?? '', decodeURIComponent(match[3] ?? ''), match[4] ?? '', match[5] ?? '');
  }
  static file(path: string): Uri {
    return new Uri('file', '', path.startsWith('/') ? path : `/${path}`, '', '');
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    return base.with({ path: posix.join(base.path || '/', ...segments) });
  }
  static from(components: { scheme: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
    return new Uri(components.scheme, components.authority ?? '', components.path ?? '', components.query ?? '', components.fragment ?? '');
  }
  private constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
    readonly query: string,
    readonly fragment: string,
  ) {}
  get fsPath(): string {
    return this.path;
  }
  with(change: { scheme?: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
    return new Uri(
      change.scheme ?? this.scheme,
      change.authority ?? this.authority,
      change.path ?? this.path,
      change.query ?? this.query,
      change.fragment ?? this.fragment,
    );
  }
  toString(skipEncoding = false): string {
    const path = skipEncoding ? this.path : this.path.split('/').map(encodeURIComponent).join('/');
    const authority = this.authority || this.scheme === 'file' ? `//${this.authority}` : '';
    return `${this.scheme}:${authority}${path}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
  }
  toJSON(): unknown {
    return { scheme: this.scheme, authority: this.authority, path: this.path, query: this.query, fragment: this.fragment };
  }
}

export class SnippetString {
  constructor(public value = '') {}
  appendText(text: string): this {
    this.value += text.replace(/[$}\\]/g, '\\$&');
    return this;
  }
}

export class TextEdit {
  static replace(range: Range, newText: string): TextEdit {
    return new TextEdit(range, newText);
  }
  static insert(position: Position, newText: string): TextEdit {
    return new TextEdit(new Range(position, position), newText);
  }
  static delete(range: Range): TextEdit {
    return new TextEdit(range, '');
  }
  constructor(
    public range: Range,
    public newText: string,
  ) {}
}

interface FileOperation {
  kind: 'create';
  uri: Uri;
  contents?: Uint8Array;
  overwrite?: boolean;
  ignoreIfExists?: boolean;
}

export class WorkspaceEdit {
  /** Stand-in only: the text edits per URI, in the order they were added. */
  readonly textEdits = new Map<string, { uri: Uri; edits: TextEdit[] }>();
  /** Stand-in only: file creations, in order. */
  readonly fileOperations: FileOperation[] = [];
  get size(): number {
    return this.textEdits.size + this.fileOperations.length;
  }
  private entry(uri: Uri): TextEdit[] {
    const key = uri.toString();
    if (!this.textEdits.has(key)) this.textEdits.set(key, { uri, edits: [] });
    return this.textEdits.get(key)!.edits;
  }
  replace(uri: Uri, range: Range, newText: string): void {
    this.entry(uri).push(new TextEdit(range, newText));
  }
  insert(uri: Uri, position: Position, newText: string): void {
    this.entry(uri).push(TextEdit.insert(position, newText));
  }
  delete(uri: Uri, range: Range): void {
    this.entry(uri).push(TextEdit.delete(range));
  }
  has(uri: Uri): boolean {
    return this.textEdits.has(uri.toString());
  }
  set(uri: Uri, edits: readonly TextEdit[]): void {
    this.textEdits.set(uri.toString(), { uri, edits: [...edits] });
  }
  get(uri: Uri): TextEdit[] {
    return [...(this.textEdits.get(uri.toString())?.edits ?? [])];
  }
  createFile(uri: Uri, options: { overwrite?: boolean; ignoreIfExists?: boolean; contents?: Uint8Array } = {}): void {
    this.fileOperations.push({ kind: 'create', uri, ...options });
  }
}

export enum EndOfLine {
  LF = 1,
  CRLF = 2,
}
