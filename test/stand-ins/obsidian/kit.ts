// What the stand-in records for tests to read: notices shown, modals opened, URLs opened in the
// browser, the clipboard. Plugin code never sees this; it meets window, navigator and Notice.

export interface NoticeRecord {
  message: string;
  /** Every message this notice showed, first to last (progress notices change their text). */
  history: string[];
  duration: number | undefined;
  hidden: boolean;
}

export interface OpenModal {
  close(): void;
}

export const kit = {
  notices: [] as NoticeRecord[],
  modals: [] as OpenModal[],
  openedUrls: [] as string[],
  clipboard: '',
  apiVersion: '1.13.1',
  /** Forget what earlier tests recorded. */
  reset(): void {
    this.notices = [];
    this.modals = [];
    this.openedUrls = [];
    this.clipboard = '';
    this.apiVersion = '1.13.1';
  },
  /** The messages of every notice shown, in order (their latest text). */
  messages(): string[] {
    return this.notices.map((n) => n.message);
  },
};

/** Gives Node the browser globals Obsidian plugins use: window (timers, open) and the clipboard. */
export function installBrowserGlobals(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  if (g.window === undefined) g.window = globalThis;
  const win = g.window as Record<string, unknown>;
  win.open = (url: string) => {
    kit.openedUrls.push(url);
    return null;
  };
  const clipboard = {
    writeText: async (text: string) => {
      kit.clipboard = text;
    },
    readText: async () => kit.clipboard,
  };
  if (g.navigator === undefined) Object.defineProperty(g, 'navigator', { value: { clipboard }, configurable: true, writable: true });
  else Object.defineProperty(g.navigator as object, 'clipboard', { value: clipboard, configurable: true });
}
