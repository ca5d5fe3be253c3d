// The runs every host shares (core/runs/): the same situation through the CLI, the Obsidian plugin
// and, for the single fetch, the VS Code extension gives the same outcome and the same sentence.
// Each case is one the hosts used to disagree on.
import { readdir } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { commands } from 'vscode';
import { kit, type Modal, settingsIn, TextComponent, type ButtonComponent } from '../stand-ins/obsidian';
import { standIn } from '../stand-ins/vscode';
import { runCliIn } from '../cli/in-process';
import { loadPlugin, newApp, notices, runCommand, settle, storeSettings } from '../obsidian/support/harness';
import { startExtension } from '../vscode/support/extension-harness';
import { createFakeClock } from '../support/fake-clock';
import { BAD_ITEMS, rssFeed } from '../support/fault-feeds';
import { useHosts } from './hosts';

const CATEGORIES = ['cs.LG', 'cs.CL', 'cs.AI', 'cs.CV', 'stat.ML'];
const FEED_PATH = `/rss/${CATEGORIES.join('+')}`;
/** Monday noon in New York: the latest listing is Monday's (2026-06-01), announced Sunday evening. */
const MONDAY_NOON = '2026-06-01T12:00:00-04:00';

const hosts = useHosts();

function cli(argv: string[], now: string) {
  return runCliIn(hosts.work, [...argv, '--vault', 'v'], { clock: createFakeClock(), now });
}

/** The Obsidian plugin on an empty vault, pointed at the stand-in, at `now`. */
async function obsidianAt(now: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(now));
  const app = newApp();
  await storeSettings(app, { rssBase: hosts.server.url('/rss'), apiBase: hosts.server.url('/api/query'), linkFromDailyNote: false });
  return { app, plugin: await loadPlugin(app) };
}

describe('a range that ends after the latest listing', () => {
  const message = 'The end date 2026-06-02 is after the latest arXiv listing (2026-06-01); pick an earlier end date.';

  it('is refused before anything is asked of arXiv, in the CLI and in Obsidian', async () => {
    expect(await cli(['range', '--from', '2026-05-29', '--to', '2026-06-02'], MONDAY_NOON)).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });

    const { app, plugin } = await obsidianAt(MONDAY_NOON);
    // The person's way in: the modal says it under the dates and stays open.
    runCommand(app, 'fetch-range');
    const modal = kit.modals[0] as Modal;
    const [from, to] = settingsIn(modal.contentEl).filter((s) => s.components[0] instanceof TextComponent);
    await (from!.components[0] as TextComponent).simulate('2026-05-29');
    await (to!.components[0] as TextComponent).simulate('2026-06-02');
    await (settingsIn(modal.contentEl).at(-1)!.components[0] as ButtonComponent).simulateClick();
    expect(modal.contentEl.textContent).toContain(message);
    expect(kit.modals).toEqual([modal]);
    // The run itself refuses it too, with the same sentence.
    await plugin.fetcher.fetchRange('2026-05-29', '2026-06-02');
    await settle(app, plugin);
    expect(notices().at(-1)).toBe(message);

    expect(hosts.server.requests).toEqual([]);
    expect(Object.keys(app.vault.snapshot()).filter((path) => path.startsWith('arXiv/'))).toEqual([]);
  });
});

describe('a feed whose every item is unreadable', () => {
  const unreadable = rssFeed([BAD_ITEMS.missingId, BAD_ITEMS.badDate, BAD_ITEMS.emptyTitle]);
  const THURSDAY_MORNING = '2026-05-28T09:00:00-04:00';
  const message = "None of the 3 items in arXiv's feed could be read (first: item 1, no arXiv identifier in guid, description or link); try again later.";

  it('fails with bad-feed in every host instead of reporting an empty day', async () => {
    hosts.server.handle(FEED_PATH, () => ({ body: unreadable }));
    // The CLI adds its offline hint to the same sentence.
    expect(await cli(['daily', '--rss-base', hosts.server.url('/rss')], THURSDAY_MORNING)).toEqual({
      code: 1,
      stdout: '',
      stderr: `${message.slice(0, -1)}, or run with --sample to try Paper Feed offline.\n`,
    });
    await expect(readdir(hosts.work)).resolves.toEqual([]);

    const { app, plugin } = await obsidianAt(THURSDAY_MORNING);
    const outcome = await plugin.fetcher.fetchToday('command');
    await settle(app, plugin);
    expect(outcome.kind).toBe('failed');
    expect(notices().at(-1)).toBe(message);
    expect(Object.keys(app.vault.snapshot()).filter((path) => path.startsWith('arXiv/'))).toEqual([]);

    vi.useRealTimers();
    hosts.vscode = await startExtension({
      settings: { 'paperFeed.rssBase': hosts.server.url('/rss'), 'paperFeed.categories': CATEGORIES, 'paperFeed.fetchOnOpen': false },
    });
    expect(await commands.executeCommand('paperFeed.refresh')).toEqual({ status: 'failed', message });
    expect(standIn.shown.messages.map((m) => [m.level, m.message])).toEqual([['error', message]]);
  });
});

describe('a range of weekends and holidays only', () => {
  const message = 'arXiv has no listings from 2026-05-30 to 2026-05-31 (weekends and holidays only); nothing was written.';

  it('writes nothing and says why, as a finished run rather than a failure, in the CLI and in Obsidian', async () => {
    expect(await cli(['range', '--from', '2026-05-30', '--to', '2026-05-31'], MONDAY_NOON)).toEqual({ code: 0, stdout: `${message}\n`, stderr: '' });
    await expect(readdir(hosts.work)).resolves.toEqual([]);

    const { app, plugin } = await obsidianAt(MONDAY_NOON);
    await plugin.fetcher.fetchRange('2026-05-30', '2026-05-31');
    await settle(app, plugin);
    expect(notices()).toEqual([message]);
    expect(hosts.server.requests).toEqual([]);
    expect(Object.keys(app.vault.snapshot()).filter((path) => path.startsWith('arXiv/'))).toEqual([]);
  });
});
