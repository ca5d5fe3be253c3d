// Text documents and editors for the `vscode` stand-in: a document over a string with VS Code's
// position arithmetic, and an editor whose edit() applies several edits at once like the real one.
import type * as vscode from 'vscode';
import { writeFile } from 'node:fs/promises';
import { EndOfLine, Position, Range, Selection, TextEdit, Uri } from './text';
import { EventEmitter } from './events';

/** Fired for every change to a document's text, as workspace.onDidChangeTextDocument. */
export const documentChanged = new EventEmitter<vscode.TextDocumentChangeEvent>();

export class StandInTextDocument {
  version = 1;
  isDirty = false;
  isClosed = false;
  readonly isUntitled = false;
  readonly encoding = 'utf8';
  /** Stand-in only: how many times save() wrote the file. */
  saves = 0;
  constructor(
    readonly uri: Uri,
    private text: string,
    readonly languageId = 'markdown',
  ) {}
  get fileName(): string {
    return this.uri.fsPath;
  }
  get eol(): EndOfLine {
    return this.text.includes('\r\n') ? EndOfLine.CRLF : EndOfLine.LF;
  }
  private get lines(): string[] {
    return this.text.split(/\r?\n/);
  }
  get lineCount(): number {
    return this.lines.length;
  }
  lineAt(lineOrPosition: number | Position): vscode.TextLine {
    const line = typeof lineOrPosition === 'number' ? lineOrPosition : lineOrPosition.line;
    const text = this.lines[line];
    if (text === undefined) throw new Error('Illegal value for `line`');
    const range = new Range(line, 0, line, text.length);
    const firstNonWhitespaceCharacterIndex = /^\s*/.exec(text)![0].length;
    return {
      lineNumber: line,
      text,
      range,
      rangeIncludingLineBreak: line < this.lineCount - 1 ? new Range(line, 0, line + 1, 0) : range,
      firstNonWhitespaceCharacterIndex,
      isEmptyOrWhitespace: firstNonWhitespaceCharacterIndex === text.length,
    };
  }
  offsetAt(position: Position): number {
    const p = this.validatePosition(position);
    let offset = 0;
    const eolLength = this.eol === EndOfLine.CRLF ? 2 : 1;
    for (let i = 0; i < p.line; i++) offset += this.lines[i]!.length + eolLength;
    return offset + p.character;
  }
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const before = this.text.slice(0, clamped).split(/\r?\n/);
    return new Position(before.length - 1, before[before.length - 1]!.length);
  }
  getText(range?: Range): string {
    if (!range) return this.text;
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }
  getWordRangeAtPosition(position: Position, regex = /[\w-]+/g): Range | undefined {
    const line = this.lines[position.line];
    if (line === undefined) return undefined;
    const global = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`);
    for (const match of line.matchAll(global)) {
      const start = match.index;
      const end = start + match[0].length;
      if (start <= position.character && position.character <= end && match[0].length > 0) {
        return new Range(position.line, start, position.line, end);
      }
    }
    return undefined;
  }
  validateRange(range: Range): Range {
    return new Range(this.validatePosition(range.start), this.validatePosition(range.end));
  }
  validatePosition(position: Position): Position {
    const lines = this.lines;
    const line = Math.min(position.line, lines.length - 1);
    return new Position(line, Math.min(position.character, lines[line]!.length));
  }
  async save(): Promise<boolean> {
    if (this.uri.scheme !== 'file') return false;
    await writeFile(this.uri.fsPath, this.text);
    this.isDirty = false;
    this.saves++;
    return true;
  }
  /** Stand-in only: applies non-overlapping edits at once, as one change (like the real editor). */
  applyEdits(edits: readonly TextEdit[]): void {
    const ordered = edits
      .map((edit, order) => ({ edit, order, start: this.offsetAt(edit.range.start), end: this.offsetAt(edit.range.end) }))
      .sort((a, b) => b.start - a.start || b.order - a.order);
    for (let i = 1; i < ordered.length; i++) {
      if (ordered[i]!.end > ordered[i - 1]!.start) throw new Error('Overlapping ranges are not allowed!');
    }
    let text = this.text;
    for (const { edit, start, end } of ordered) text = text.slice(0, start) + edit.newText + text.slice(end);
    const contentChanges = ordered.map(({ edit, start, end }) => ({ range: edit.range, rangeOffset: start, rangeLength: end - start, text: edit.newText }));
    this.text = text;
    this.version++;
    this.isDirty = true;
    documentChanged.fire({ document: this, contentChanges, reason: undefined });
  }
}

interface EditorEdit {
  edit: TextEdit;
  kind: 'insert' | 'replace' | 'delete';
}

export class StandInTextEditor {
  selections: readonly Selection[];
  readonly visibleRanges: readonly Range[] = [];
  options: vscode.TextEditorOptions = {};
  readonly viewColumn = 1;
  /** Stand-in only: how many edit() calls were applied (one call is one undo step). */
  editCalls = 0;
  constructor(
    readonly document: StandInTextDocument,
    selections: readonly Selection[] = [new Selection(0, 0, 0, 0)],
  ) {
    this.selections = selections;
  }
  get selection(): Selection {
    return this.selections[0]!;
  }
  set selection(value: Selection) {
    this.selections = [value, ...this.selections.slice(1)];
  }
  /** Applies the builder's edits in one go; cursors at an insertion point move past the inserted text. */
  async edit(callback: (builder: vscode.TextEditorEdit) => void): Promise<boolean> {
    const collected: EditorEdit[] = [];
    callback({
      insert: (location, value) => collected.push({ edit: TextEdit.insert(location, value), kind: 'insert' }),
      replace: (location, value) => {
        const range = location instanceof Range ? location : new Range(location as Position, location as Position);
        collected.push({ edit: TextEdit.replace(range, value), kind: 'replace' });
      },
      delete: (location) => collected.push({ edit: TextEdit.delete(location), kind: 'delete' }),
      setEndOfLine: () => undefined,
    });
    const doc = this.document;
    const offsets = this.selections.map((s) => [doc.offsetAt(s.anchor), doc.offsetAt(s.active)] as const);
    const shifted = collected
      .map(({ edit, kind }) => ({ kind, start: doc.offsetAt(edit.range.start), end: doc.offsetAt(edit.range.end), length: edit.newText.length }))
      .sort((a, b) => a.start - b.start);
    doc.applyEdits(collected.map((c) => c.edit));
    const move = (offset: number): number => {
      let result = offset;
      for (const e of shifted) {
        if (offset > e.end || (offset === e.end && (e.kind === 'insert' || e.start !== e.end))) {
          result += e.length - (e.end - e.start);
        }
      }
      return result;
    };
    this.selections = offsets.map(([anchor, active]) => new Selection(doc.positionAt(move(anchor)), doc.positionAt(move(active))));
    this.editCalls++;
    return true;
  }
  insertSnippet(): Promise<boolean> {
    return Promise.reject(new Error('insertSnippet is not part of the stand-in'));
  }
  setDecorations(): void {}
  revealRange(): void {}
  show(): void {}
  hide(): void {}
}

/** A document on disk or in memory (`untitled:`), with the given text and language. */
export function textDocument(uriOrPath: Uri | string, text: string, languageId = 'markdown'): StandInTextDocument {
  const uri = typeof uriOrPath === 'string' ? Uri.file(uriOrPath) : uriOrPath;
  return new StandInTextDocument(uri, text, languageId);
}
