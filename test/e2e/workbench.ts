// The VS Code workbench as a person uses it, in Playwright terms: the activity bar, a tree view,
// context menus, the command palette and quick picks, the editor, notifications. Every step
// waits for what the person would see next; nothing sleeps.
import type { Locator, Page } from 'playwright-core';

export interface TreeRow {
  label: string;
  description: string;
  level: number;
}

export class Workbench {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('.monaco-workbench .part.activitybar').waitFor();
  }

  /** Clicks a view container's icon in the activity bar and waits for its side bar. */
  async openViewContainer(title: string): Promise<Locator> {
    await this.page.locator(`.part.activitybar .action-label[aria-label^="${title}"]`).click();
    const sidebar = this.page.locator('.part.sidebar');
    await sidebar.locator('.composite.title h2', { hasText: title }).waitFor();
    return sidebar;
  }

  /**
   * Drags the sash on the side bar's right edge until the side bar is `width` pixels wide (wide,
   * so long tree labels show whole; narrow, so the editor has room), then moves the mouse away
   * from any tooltip.
   */
  async resizeSideBar(width: number): Promise<void> {
    const edge = await this.page.locator('.part.sidebar').evaluate((sidebar) => {
      const right = sidebar.getBoundingClientRect().right;
      const sashes = [...document.querySelectorAll('.monaco-sash.vertical')].map((sash) => sash.getBoundingClientRect());
      const sash = sashes.find((box) => Math.abs(box.left + box.width / 2 - right) < 8);
      return sash && { x: sash.left + sash.width / 2, y: sash.top + sash.height / 2, left: sidebar.getBoundingClientRect().left };
    });
    if (!edge) throw new Error("Found no sash on the side bar's right edge to drag.");
    await this.page.mouse.move(edge.x, edge.y);
    await this.page.mouse.down();
    await this.page.mouse.move(edge.left + width, edge.y, { steps: 5 });
    await this.page.mouse.up();
    await this.page.waitForFunction((wanted) => Math.abs((document.querySelector('.part.sidebar')?.getBoundingClientRect().width ?? 0) - wanted) <= 4, width);
    await this.page.mouse.move(edge.left + width + 400, edge.y);
    await this.page.locator('.monaco-sash.hover, .monaco-sash.active').waitFor({ state: 'detached' });
  }

  /** The rows of the tree in a side bar, in display order (the list renders them in any DOM order). */
  async treeRows(sidebar: Locator): Promise<TreeRow[]> {
    const rows = await sidebar.locator('.monaco-list-row[role="treeitem"]').evaluateAll((elements) =>
      elements.map((row) => ({
        index: Number(row.getAttribute('data-index')),
        level: Number(row.getAttribute('aria-level')),
        label: row.querySelector('.label-name')?.textContent ?? '',
        description: row.querySelector('.label-description')?.textContent ?? '',
      })),
    );
    return rows.sort((a, b) => a.index - b.index).map(({ label, description, level }) => ({ label, description, level }));
  }

  treeRow(sidebar: Locator, label: string): Locator {
    return sidebar.locator('.monaco-list-row[role="treeitem"]').filter({ has: this.page.locator('.label-name', { hasText: label }) });
  }

  /** Right-clicks `target` and chooses `item` from the context menu. */
  async contextMenu(target: Locator, item: string): Promise<void> {
    await target.click({ button: 'right' });
    // A click that lands while the menu is still opening can be swallowed (seen in CI: the menu
    // stayed open with the item highlighted). Pointing at the item focuses it, as the keyboard
    // would; Enter runs it, and the menu closing is the sign that it did.
    // The menu can still move as it opens (it flips up when it does not fit below the row), so the
    // pointer may end up over a neighbour: Enter runs only once our item is the focused one.
    const menuItem = this.page.getByRole('menuitem', { name: item, exact: true });
    const focused = this.page.locator('.action-item.focused').getByRole('menuitem', { name: item, exact: true });
    for (let attempt = 1; ; attempt += 1) {
      await menuItem.hover();
      const isFocused = await focused.waitFor({ timeout: 2_000 }).then(
        () => true,
        () => false,
      );
      if (isFocused) break;
      if (attempt === 5) throw new Error(`The context menu item "${item}" did not take focus under the pointer.`);
      await this.page.mouse.move(0, 0);
    }
    await this.page.keyboard.press('Enter');
    await menuItem.waitFor({ state: 'hidden' });
  }

  /** Runs a command from the palette by its full title ("Category: Title"). */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.quickInput().locator('input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.quickPickRow(title).waitFor();
    await this.page.keyboard.press('Enter');
  }

  quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** A row of the open quick pick whose label is exactly `label`. */
  quickPickRow(label: string): Locator {
    return this.quickInput()
      .locator('.monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
  }

  /** The labels of the open quick pick's rows, in display order (a row's detail is not its label). */
  async quickPickLabels(): Promise<string[]> {
    const rows = await this.quickInput()
      .locator('.monaco-list-row')
      .evaluateAll((elements) =>
        elements.map((row) => ({ index: Number(row.getAttribute('data-index')), label: row.querySelector('.label-name')?.textContent ?? '' })),
      );
    return rows.sort((a, b) => a.index - b.index).map((row) => row.label);
  }

  async quickPickTitle(): Promise<string> {
    return (await this.quickInput().locator('.quick-input-title').textContent()) ?? '';
  }

  /** Opens a workspace file with Quick Open and waits until its editor has focus. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.quickInput().locator('input');
    await input.waitFor();
    await input.fill(name);
    await this.quickInput().locator('.monaco-list-row', { hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor();
    await this.focusEditor();
  }

  /** Gives the active editor keyboard focus. */
  async focusEditor(): Promise<void> {
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await this.page.locator('.editor-instance .monaco-editor.focused').waitFor();
  }

  /** Moves the cursor with "Go to Line/Column" and waits until the status bar shows it there. */
  async goTo(line: number, column: number): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    const input = this.quickInput().locator('input');
    await input.waitFor();
    // Go to Line is quick access with the ":" prefix, which the input already holds.
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('#status\\.editor\\.selection', { hasText: `Ln ${line}, Col ${column}` }).waitFor();
  }

  /** Clicks an action of the side bar's title bar (the view's title actions), by its tooltip. */
  async titleAction(sidebar: Locator, title: string): Promise<void> {
    await sidebar.locator(`.composite.title .action-label[aria-label="${title}"]`).click();
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /**
   * Waits until the active editor shows `text`. Edits made by an extension arrive asynchronously;
   * saving before they did would write the file without them. Wrapped lines are joined back.
   */
  async editorShows(text: string): Promise<void> {
    await this.page.waitForFunction((wanted) => {
      const lines = [...document.querySelectorAll<HTMLElement>('.editor-instance .view-lines .view-line')];
      lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
      return lines
        .map((line) => line.textContent ?? '')
        .join('')
        .replace(/\u00a0/g, ' ')
        .includes(wanted);
    }, text);
  }

  /**
   * Where a drop lands just before the last character of the editor line that ends with
   * `lineEnd` (Monaco puts the drop at the caret position nearest the pointer).
   */
  async pointBeforeLastCharacter(lineEnd: string): Promise<{ x: number; y: number }> {
    // The line may not show yet: typing reaches the screen a frame or more later, so wait for it.
    const found = await this.page
      .waitForFunction((wanted) => {
        const lines = [...document.querySelectorAll<HTMLElement>('.editor-instance .view-lines .view-line')];
        const line = lines.find((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').endsWith(wanted));
        if (!line) return undefined;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let last: Text | undefined;
        while (walker.nextNode()) if ((walker.currentNode as Text).length > 0) last = walker.currentNode as Text;
        if (!last) return undefined;
        const range = document.createRange();
        range.setStart(last, last.length - 1);
        range.setEnd(last, last.length);
        const box = range.getBoundingClientRect();
        return { x: box.left + 1, y: box.top + box.height / 2 };
      }, lineEnd)
      .catch(() => undefined);
    const point = await found?.jsonValue();
    if (!point) throw new Error(`The editor shows no line ending with "${lineEnd}".`);
    return point;
  }

  /** Drags `source` with the mouse, as a person would, and lets go at `point`. */
  async dragTo(source: Locator, point: { x: number; y: number }): Promise<void> {
    const box = await source.boundingBox();
    if (!box) throw new Error('The item to drag is not on screen.');
    await this.page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width / 3 + 30, box.y + box.height / 2, { steps: 3 });
    await this.page.mouse.move(point.x, point.y, { steps: 15 });
    await this.page.mouse.up();
  }

  /** Saves the active editor and waits until its tab no longer shows unsaved changes. */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
  }

  /** The suggestion widget's row for `label`, once the widget shows it. */
  suggestion(label: string): Locator {
    return this.page
      .locator('.suggest-widget.visible .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
  }

  /** Notification toasts currently shown. */
  toasts(): Locator {
    return this.page.locator('.notifications-toasts .notification-toast');
  }

  /** Waits until a toast has finished sliding in, so a screenshot shows it whole. */
  async toastSettled(toast: Locator): Promise<void> {
    await toast.and(this.page.locator('.notification-fade-in-done')).waitFor();
  }

  /** Error toasts: the ones whose icon is the error icon. */
  errorToasts(): Locator {
    return this.toasts().filter({ has: this.page.locator('.notification-list-item-icon.codicon-error') });
  }

  /** The modal dialog showing `message` (VS Code draws it in the page). */
  dialog(message: string | RegExp): Locator {
    return this.page.locator('.monaco-dialog-box', { hasText: message });
  }

  /** Clicks the button titled `button` in the dialog showing `message`, and waits until that dialog is gone. */
  async answerDialog(message: string | RegExp, button: string): Promise<void> {
    const dialog = this.dialog(message);
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
