// Cancelling a fetch in Obsidian: the command "Cancel the running fetch" and a click on the
// status bar stop a run that waits on arXiv (a stand-in that never answers) at once, with one
// notice and the vault exactly as it was; cancelled while writing, it stops between two notes and
// every note written is whole; with nothing running, the command says so.
import { describe, expect, it, vi } from 'vitest';
import { FakeElement, kit, type App } from '../stand-ins/obsidian';
import type PaperFeedPlugin from '../../obsidian-plugin/main';
import { FEED_PATH, fixture, loadPlugin, newApp, notices, runCommand, settle, storeSettings, usePluginTest } from './support/harness';

const FRIDAY_MORNING = new Date('2026-05-29T13:00:00Z');
/** A note of the person's that must come through every cancel unchanged. */
const OWN_NOTE = 'Reading list.md';

const host = usePluginTest({ at: FRIDAY_MORNING });

async function pluginWithNote(): Promise<{ app: App; plugin: PaperFeedPlugin }> {
  const app = newApp();
  await storeSettings(app, { rssBase: host.arxiv.url('/rss'), apiBase: host.arxiv.url('/api/query'), linkFromDailyNote: false });
  await app.vault.create(OWN_NOTE, '# To read\n\n- [[Attention Is All You Need]]\n');
  const plugin = await loadPlugin(app);
  return { app, plugin };
}

function statusBar(app: App): FakeElement {
  return app.statusBarEl.children[0]!;
}

/** Waits until the stand-in has received `count` requests (the run is now waiting on arXiv). */
async function requestsArrived(count: number): Promise<void> {
  await vi.waitFor(() => expect(host.arxiv.requests).toHaveLength(count));
}

describe('Cancel the running fetch', () => {
  it('stops a fetch of today’s papers that waits on arXiv, says so once and changes nothing', async () => {
    host.arxiv.reply(FEED_PATH, { hang: true });
    const { app, plugin } = await pluginWithNote();
    const before = app.vault.snapshot();
    const writes = app.vault.writes;

    expect(runCommand(app, 'fetch-today')).toBe(true);
    await requestsArrived(1);
    expect(statusBar(app).textContent).toBe('Papers: fetching…');
    expect(statusBar(app).getAttr('aria-label')).toBe('Paper Feed is fetching papers; click to cancel.');
    expect(statusBar(app).hasClass('mod-clickable')).toBe(true);

    expect(runCommand(app, 'cancel-fetch')).toBe(true);
    // settle() gives up after 10 s; the polite client's own timeout is far longer, so finishing
    // here means the cancel ended the run, not the timeout.
    await settle(app, plugin);

    expect(notices()).toEqual(["Paper Feed: fetching today's papers from arXiv…", 'Fetch cancelled.']);
    expect(kit.notices[0]!.hidden).toBe(true);
    expect(app.vault.snapshot()).toEqual(before);
    expect(app.vault.writes).toBe(writes);
    expect(plugin.device.lastRun).toBeNull();
    expect(plugin.fetcher.retryAt).toBeNull();
    expect(statusBar(app).textContent).toBe('Papers: not fetched yet');
    expect(statusBar(app).hasClass('mod-clickable')).toBe(false);
    expect(host.arxiv.requests).toHaveLength(1);

    // Nothing is left stuck: the next fetch runs and writes the digest.
    host.arxiv.reply(FEED_PATH, { body: fixture('rss-2026-05-29.xml') });
    runCommand(app, 'fetch-today');
    await settle(app, plugin);
    expect(notices().at(-1)).toBe('Paper Feed: 5 papers for 2026-05-29 · 5 new notes · 0 updated');
    expect(app.vault.text(OWN_NOTE)).toBe(before[OWN_NOTE]);
  });

  it('stops a date-range fetch when the status bar item is clicked, with the vault as it was', async () => {
    host.arxiv.handle('/api/query', () => ({ hang: true }));
    const { app, plugin } = await pluginWithNote();
    const before = app.vault.snapshot();

    const run = plugin.fetcher.fetchRange('2026-05-28', '2026-05-29');
    await requestsArrived(1);
    statusBar(app).click();
    await run;
    await settle(app, plugin);

    expect(kit.notices[0]!.history).toEqual(['Paper Feed: fetching 2026-05-28 to 2026-05-29 from arXiv…', 'Paper Feed: fetching 2026-05-28 (1 of 2)…']);
    expect(kit.notices[0]!.hidden).toBe(true);
    expect(notices().slice(1)).toEqual(['Fetch cancelled.']);
    expect(app.vault.snapshot()).toEqual(before);
    expect(host.arxiv.requests.map((r) => r.path)).toEqual(['/api/query']);
    // A click with nothing running does nothing at all.
    statusBar(app).click();
    expect(notices()).toHaveLength(2);
  });

  it('stops between two notes once writing has begun: each note written is whole, and the next run writes the rest', async () => {
    host.arxiv.reply(FEED_PATH, { body: fixture('rss-2026-05-29.xml') });
    const { app, plugin } = await pluginWithNote();
    const create = app.vault.create.bind(app.vault);
    let created = 0;
    // The person presses Cancel just as the second paper note lands.
    app.vault.create = async (path, data, options) => {
      const file = await create(path, data, options);
      created += 1;
      if (created === 2) runCommand(app, 'cancel-fetch');
      return file;
    };

    runCommand(app, 'fetch-today');
    await settle(app, plugin);

    const papers = Object.keys(app.vault.snapshot()).filter((path) => path.startsWith('arXiv/Papers/'));
    expect(papers).toHaveLength(2);
    const written = Object.fromEntries(papers.map((path) => [path, app.vault.text(path)]));
    expect(Object.keys(app.vault.snapshot()).filter((path) => path.startsWith('arXiv/Daily/'))).toEqual([]);
    expect(notices().at(-1)).toBe('Fetch cancelled after 2 of 6 notes; each is written whole. Fetch again to write the rest.');
    expect(plugin.device.lastRun).toBeNull();

    runCommand(app, 'fetch-today');
    await settle(app, plugin);
    expect(notices().at(-1)).toBe('Paper Feed: 5 papers for 2026-05-29 · 3 new notes · 0 updated');
    expect(Object.keys(app.vault.snapshot()).filter((path) => path.startsWith('arXiv/'))).toHaveLength(6);
    // The notes written before the cancel were whole: the full run found nothing to change in them.
    for (const path of papers) expect(app.vault.text(path)).toBe(written[path]);
  });

  it('says there is nothing to cancel when no fetch runs, and touches nothing', async () => {
    const { app, plugin } = await pluginWithNote();
    const before = app.vault.snapshot();
    expect(runCommand(app, 'cancel-fetch')).toBe(true);
    expect(notices()).toEqual(['Paper Feed is not fetching anything, so there is nothing to cancel.']);
    expect(app.vault.snapshot()).toEqual(before);
    expect(plugin.fetcher.busy).toBe(false);
    expect(host.arxiv.requests).toHaveLength(0);
  });
});
