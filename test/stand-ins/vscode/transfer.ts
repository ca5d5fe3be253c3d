// Drag, drop and paste in the `vscode` stand-in: data transfers and the edits providers return.
import { SnippetString, WorkspaceEdit } from './text';

export class DocumentDropOrPasteEditKind {
  static readonly Empty = new DocumentDropOrPasteEditKind('');
  static readonly Text = new DocumentDropOrPasteEditKind('text');
  static readonly TextUpdateImports = new DocumentDropOrPasteEditKind('text.updateImports');
  private constructor(readonly value: string) {}
  append(...parts: string[]): DocumentDropOrPasteEditKind {
    return new DocumentDropOrPasteEditKind([this.value, ...parts].filter(Boolean).join('.'));
  }
  intersects(other: DocumentDropOrPasteEditKind): boolean {
    return this.contains(other) || other.contains(this);
  }
  contains(other: DocumentDropOrPasteEditKind): boolean {
    return this.value === '' || this.value === other.value || other.value.startsWith(`${this.value}.`);
  }
}

export class DocumentDropEdit {
  title?: string;
  kind?: DocumentDropOrPasteEditKind;
  yieldTo?: readonly DocumentDropOrPasteEditKind[];
  additionalEdit?: WorkspaceEdit;
  constructor(
    public insertText: string | SnippetString,
    title?: string,
    kind?: DocumentDropOrPasteEditKind,
  ) {
    this.title = title;
    this.kind = kind;
  }
}

export enum DocumentPasteTriggerKind {
  Automatic = 0,
  PasteAs = 1,
}

export class DocumentPasteEdit {
  additionalEdit?: WorkspaceEdit;
  yieldTo?: readonly DocumentDropOrPasteEditKind[];
  constructor(
    public insertText: string | SnippetString,
    public title: string,
    public kind: DocumentDropOrPasteEditKind,
  ) {}
}

export class DataTransferItem {
  constructor(readonly value: unknown) {}
  asString(): Promise<string> {
    return Promise.resolve(typeof this.value === 'string' ? this.value : JSON.stringify(this.value));
  }
  asFile(): undefined {
    return undefined;
  }
}

export class DataTransfer {
  private readonly items = new Map<string, DataTransferItem>();
  get(mimeType: string): DataTransferItem | undefined {
    return this.items.get(mimeType.toLowerCase());
  }
  set(mimeType: string, value: DataTransferItem): void {
    this.items.set(mimeType.toLowerCase(), value);
  }
  forEach(callback: (item: DataTransferItem, mimeType: string, dataTransfer: DataTransfer) => void): void {
    for (const [mime, item] of this.items) callback(item, mime, this);
  }
  [Symbol.iterator](): IterableIterator<[string, DataTransferItem]> {
    return this.items.entries();
  }
}
