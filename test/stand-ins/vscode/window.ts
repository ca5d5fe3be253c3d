// The `window` namespace of the stand-in. Every prompt is recorded, and a test answers it by
// queuing a reply (a function of what was shown); an unanswered prompt is dismissed, as Escape would.
import type * as vscode from 'vscode';
import { StandInTextDocument, StandInTextEditor } from './documents';
import { openTextDocument } from './workspace';
import { CancellationTokenSource, EventEmitter } from './events';
import { Selection, Uri } from './text';
import { TabInputTextDiff } from './ui';

export type MessageLevel = 'error' | 'warning' | 'information';
export interface ShownMessage {
  level: MessageLevel;
  message: string;
  /** Button titles, in order. */
  items: string[];
  modal: boolean;
}
export interface ShownQuickPick {
  items: Array<string | vscode.QuickPickItem>;
  options: vscode.QuickPickOptions | undefined;
}
export interface ShownProgress {
  options: vscode.ProgressOptions;
  reports: Array<{ message?: string; increment?: number }>;
  cancel: () => void;
  done: boolean;
}

type Answer<T, R> = (shown: T) => R | undefined;

/** Stand-in only: everything shown, and the queued answers. */
export const shown = {
  messages: [] as ShownMessage[],
  quickPicks: [] as ShownQuickPick[],
  inputBoxes: [] as Array<vscode.InputBoxOptions | undefined>,
  progress: [] as ShownProgress[],
  documents: [] as Array<{ uri: Uri; options: unknown }>,
};
const answers = {
  message: [] as Array<Answer<ShownMessage, string>>,
  quickPick: [] as Array<Answer<ShownQuickPick, unknown>>,
  inputBox: [] as Array<Answer<vscode.InputBoxOptions | undefined, string>>,
};

/** Stand-in only: the next message with buttons is answered by `pick` (return a button title). */
export function answerMessage(pick: Answer<ShownMessage, string>): void {
  answers.message.push(pick);
}
/** Stand-in only: the next QuickPick is answered by `pick` (return one of the items shown). */
export function answerQuickPick<T = unknown>(pick: Answer<ShownQuickPick, T>): void {
  answers.quickPick.push(pick);
}
export function answerInputBox(pick: Answer<vscode.InputBoxOptions | undefined, string>): void {
  answers.inputBox.push(pick);
}

function showMessage(level: MessageLevel, message: string, rest: unknown[]): Promise<unknown> {
  const options = rest[0] !== null && typeof rest[0] === 'object' && !('title' in rest[0]) ? (rest.shift() as vscode.MessageOptions) : undefined;
  const items = rest.map((item) => (typeof item === 'string' ? item : (item as vscode.MessageItem).title));
  const entry: ShownMessage = { level, message, items, modal: options?.modal ?? false };
  shown.messages.push(entry);
  const answer = items.length > 0 ? answers.message.shift()?.(entry) : undefined;
  const index = answer === undefined ? -1 : items.indexOf(answer);
  return Promise.resolve(index < 0 ? undefined : rest[index]);
}

export const showErrorMessage = (message: string, ...rest: unknown[]) => showMessage('error', message, rest);
export const showWarningMessage = (message: string, ...rest: unknown[]) => showMessage('warning', message, rest);
export const showInformationMessage = (message: string, ...rest: unknown[]) => showMessage('information', message, rest);

export async function showQuickPick(
  items: ReadonlyArray<string | vscode.QuickPickItem> | Thenable<ReadonlyArray<string | vscode.QuickPickItem>>,
  options?: vscode.QuickPickOptions,
): Promise<unknown> {
  const entry: ShownQuickPick = { items: [...(await items)], options };
  shown.quickPicks.push(entry);
  const answer = answers.quickPick.shift()?.(entry);
  if (answer !== undefined && !entry.items.includes(answer as string | vscode.QuickPickItem)) {
    throw new Error('stand-in: the QuickPick answer must be one of the items shown');
  }
  return answer;
}

export async function showInputBox(options?: vscode.InputBoxOptions): Promise<string | undefined> {
  shown.inputBoxes.push(options);
  return answers.inputBox.shift()?.(options);
}

export async function withProgress<R>(
  options: vscode.ProgressOptions,
  task: (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => Thenable<R>,
): Promise<R> {
  const source = new CancellationTokenSource();
  const entry: ShownProgress = { options, reports: [], cancel: () => source.cancel(), done: false };
  shown.progress.push(entry);
  try {
    return await task({ report: (value) => entry.reports.push(value) }, source.token);
  } finally {
    entry.done = true;
  }
}

// ---- tree views ---------------------------------------------------------------------------------

export class StandInTreeView<T> {
  badge: vscode.ViewBadge | undefined;
  message: string | undefined;
  title: string | undefined;
  description: string | undefined;
  selection: readonly T[] = [];
  visible = false;
  disposed = false;
  private readonly visibility = new EventEmitter<vscode.TreeViewVisibilityChangeEvent>();
  readonly onDidChangeVisibility = this.visibility.event;
  readonly onDidExpandElement = new EventEmitter<vscode.TreeViewExpansionEvent<T>>().event;
  readonly onDidCollapseElement = new EventEmitter<vscode.TreeViewExpansionEvent<T>>().event;
  readonly onDidChangeSelection = new EventEmitter<vscode.TreeViewSelectionChangeEvent<T>>().event;
  readonly onDidChangeCheckboxState = new EventEmitter<vscode.TreeCheckboxChangeEvent<T>>().event;
  constructor(
    readonly id: string,
    readonly options: vscode.TreeViewOptions<T>,
  ) {}
  /** Stand-in only: the person opens or hides the view. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.visibility.fire({ visible });
  }
  reveal(): Promise<void> {
    return Promise.resolve();
  }
  dispose(): void {
    this.disposed = true;
  }
}

export const treeViews = new Map<string, StandInTreeView<unknown>>();

export function createTreeView<T>(viewId: string, options: vscode.TreeViewOptions<T>): StandInTreeView<T> {
  const view = new StandInTreeView(viewId, options);
  treeViews.set(viewId, view);
  return view;
}

// ---- editors ------------------------------------------------------------------------------------

export let activeTextEditor: StandInTextEditor | undefined;
export let visibleTextEditors: StandInTextEditor[] = [];
const activeEditorChanged = new EventEmitter<StandInTextEditor | undefined>();
export const onDidChangeActiveTextEditor = activeEditorChanged.event;

/** Stand-in only: makes `editor` the active one (or none). */
export function setActiveTextEditor(editor: StandInTextEditor | undefined): void {
  activeTextEditor = editor;
  visibleTextEditors = editor ? [editor] : [];
  activeEditorChanged.fire(editor);
}

export async function showTextDocument(target: StandInTextDocument | Uri, options?: unknown): Promise<StandInTextEditor> {
  const doc = target instanceof Uri ? await openTextDocument(target) : target;
  shown.documents.push({ uri: doc.uri, options });
  const editor = new StandInTextEditor(doc, [new Selection(0, 0, 0, 0)]);
  setActiveTextEditor(editor);
  return editor;
}

// ---- tabs ---------------------------------------------------------------------------------------

export interface StandInTab {
  label: string;
  input: unknown;
}

/** One tab group; `vscode.diff` adds a tab to it and close() removes tabs, as in VS Code. */
const group = { tabs: [] as StandInTab[], isActive: true, viewColumn: 1 };
export const tabGroups = {
  all: [group],
  activeTabGroup: group,
  async close(tabs: StandInTab | readonly StandInTab[]): Promise<boolean> {
    const closing = new Set(Array.isArray(tabs) ? tabs : [tabs]);
    group.tabs = group.tabs.filter((tab) => !closing.has(tab));
    return true;
  },
};

/** Stand-in only: what `vscode.diff` does to the tabs. */
export function openDiffTab(original: Uri, modified: Uri, label: string): void {
  group.tabs.push({ label, input: new TabInputTextDiff(original, modified) });
}

/** Stand-in only: forgets what was shown, the queued answers, tree views and editors. */
export function resetWindow(): void {
  shown.messages.length = 0;
  shown.quickPicks.length = 0;
  shown.inputBoxes.length = 0;
  shown.progress.length = 0;
  shown.documents.length = 0;
  answers.message.length = 0;
  answers.quickPick.length = 0;
  answers.inputBox.length = 0;
  treeViews.clear();
  group.tabs = [];
  statusBarMessages.length = 0;
  activeTextEditor = undefined;
  visibleTextEditors = [];
}

/** Stand-in only: status bar messages, newest last. */
export const statusBarMessages: string[] = [];

export function setStatusBarMessage(text: string): { dispose(): void } {
  statusBarMessages.push(text);
  return { dispose: () => undefined };
}
