// What an extension hands VS Code to show, in the `vscode` stand-in: tree items, completion
// items, hovers, Markdown strings and the enums that go with them.
import type * as vscode from 'vscode';
import { Range, SnippetString, TextEdit, Uri } from './text';

export class ThemeIcon {
  static readonly File = new ThemeIcon('file');
  static readonly Folder = new ThemeIcon('folder');
  constructor(
    readonly id: string,
    readonly color?: unknown,
  ) {}
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class MarkdownString {
  isTrusted?: boolean | { enabledCommands: readonly string[] };
  supportThemeIcons?: boolean;
  supportHtml?: boolean;
  baseUri?: Uri;
  constructor(
    public value = '',
    supportThemeIcons = false,
  ) {
    this.supportThemeIcons = supportThemeIcons;
  }
  /** Escapes like VS Code's `appendText`: syntax marks, runs of blanks as &nbsp;, `>`, and paragraphs per newline. */
  appendText(value: string): this {
    this.value += value
      .replace(/[\\`*_{}[\]()#+\-!~]/g, '\\$&')
      .replace(/([ \t]+)/g, (blanks: string) => '&nbsp;'.repeat(blanks.length))
      .replace(/>/gm, '\\>')
      .replace(/\n/g, '\n\n');
    return this;
  }
  appendMarkdown(value: string): this {
    this.value += value;
    return this;
  }
  appendCodeblock(code: string, language = ''): this {
    this.value += `\n\`\`\`${language}\n${code}\n\`\`\`\n`;
    return this;
  }
}

export enum TreeItemCollapsibleState {
  None = 0,
  Collapsed = 1,
  Expanded = 2,
}

export class TreeItem {
  label?: string | vscode.TreeItemLabel;
  resourceUri?: Uri;
  id?: string;
  iconPath?: unknown;
  description?: string | boolean;
  tooltip?: string | MarkdownString;
  command?: vscode.Command;
  contextValue?: string;
  accessibilityInformation?: vscode.AccessibilityInformation;
  constructor(
    labelOrUri: string | vscode.TreeItemLabel | Uri,
    public collapsibleState: TreeItemCollapsibleState = TreeItemCollapsibleState.None,
  ) {
    if (labelOrUri instanceof Uri) this.resourceUri = labelOrUri;
    else this.label = labelOrUri;
  }
}

export enum CompletionItemKind {
  Text = 0,
  Method = 1,
  Function = 2,
  Constructor = 3,
  Field = 4,
  Variable = 5,
  Class = 6,
  Interface = 7,
  Module = 8,
  Property = 9,
  Unit = 10,
  Value = 11,
  Enum = 12,
  Keyword = 13,
  Snippet = 14,
  Color = 15,
  File = 16,
  Reference = 17,
  Folder = 18,
  EnumMember = 19,
  Constant = 20,
  Struct = 21,
  Event = 22,
  Operator = 23,
  TypeParameter = 24,
  User = 25,
  Issue = 26,
}

export enum CompletionTriggerKind {
  Invoke = 0,
  TriggerCharacter = 1,
  TriggerForIncompleteCompletions = 2,
}

export class CompletionItem {
  kind?: CompletionItemKind;
  detail?: string;
  documentation?: string | MarkdownString;
  sortText?: string;
  filterText?: string;
  insertText?: string | SnippetString;
  range?: Range | { inserting: Range; replacing: Range };
  command?: vscode.Command;
  additionalTextEdits?: TextEdit[];
  constructor(
    public label: string | vscode.CompletionItemLabel,
    kind?: CompletionItemKind,
  ) {
    this.kind = kind;
  }
}

export class CompletionList<T extends CompletionItem = CompletionItem> {
  constructor(
    public items: T[] = [],
    public isIncomplete = false,
  ) {}
}

export class Hover {
  contents: Array<MarkdownString | string | { language: string; value: string }>;
  constructor(
    contents: MarkdownString | string | Array<MarkdownString | string>,
    public range?: Range,
  ) {
    this.contents = Array.isArray(contents) ? contents : [contents];
  }
}

export enum ProgressLocation {
  SourceControl = 1,
  Window = 10,
  Notification = 15,
}

export enum ViewColumn {
  Active = -1,
  Beside = -2,
  One = 1,
  Two = 2,
  Three = 3,
}

export enum QuickPickItemKind {
  Separator = -1,
  Default = 0,
}

/** A diff editor's tab input (`vscode.diff` opens one). */
export class TabInputTextDiff {
  constructor(
    readonly original: Uri,
    readonly modified: Uri,
  ) {}
}
