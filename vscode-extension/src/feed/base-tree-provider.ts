// What every tree view shares, kept once (as Foam's base-tree-provider does): the change event
// and refresh(), so a tree provider holds only its data.
import * as vscode from 'vscode';

export abstract class BaseTreeProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  /** Asks VS Code to read `element`'s subtree again (the whole tree when omitted). */
  refresh(element?: T): void {
    this.changed.fire(element);
  }

  abstract getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem>;
  abstract getChildren(element?: T): vscode.ProviderResult<T[]>;

  dispose(): void {
    this.changed.dispose();
  }
}
