// The digest link in today's daily note, read through whichever daily-note plugin is on (the core
// Daily Notes plugin, Periodic Notes, or only their settings files), created the way that plugin
// would when it is missing, and never added twice.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import moment from 'moment';
import { kit, type App } from '../stand-ins/obsidian';
import { dailyNoteSettings, insertUnderHeading, linkFromDailyNote } from '../../obsidian-plugin/daily-notes';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import { CONFIG_DIR, fixture, loadPlugin, newApp, settle, storeSettings } from './support/harness';

const NOW = new Date('2026-05-29T13:00:00Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
  kit.reset();
});

function withCoreDailyNotes(app: App, options: Record<string, unknown>, enabled = true): void {
  app.internalPlugins.plugins['daily-notes'] = { enabled, instance: { options } };
}

async function digest(app: App) {
  return app.vault.seed('arXiv/Daily/2026-05-29.md', '---\ndate: 2026-05-29\ntags:\n  - paper-feed/daily\n---\nDigest\n');
}

describe('daily-note settings', () => {
  it('reads the core Daily Notes plugin, with its default format when none is set', async () => {
    const app = newApp();
    withCoreDailyNotes(app, { folder: ' Journal ', template: '' });
    expect(await dailyNoteSettings(app as never)).toEqual({ folder: 'Journal', format: 'YYYY-MM-DD', template: '' });
  });

  it('prefers Periodic Notes when its daily notes are on, in both its setting shapes', async () => {
    const app = newApp();
    withCoreDailyNotes(app, { folder: 'Core' });
    app.plugins.enabledPlugins.add('periodic-notes');
    app.plugins.plugins['periodic-notes'] = { settings: { daily: { enabled: true, folder: 'Periodic', format: 'YYYY/MM-DD', template: 'T/day' } } };
    expect(await dailyNoteSettings(app as never)).toEqual({ folder: 'Periodic', format: 'YYYY/MM-DD', template: 'T/day' });
    app.plugins.plugins['periodic-notes'] = {
      settings: {
        activeCalendarSet: 'main',
        calendarSets: [{ id: 'main', day: { enabled: true, folder: 'Sets', format: 'DD.MM.YYYY', templatePath: 'T/set' } }],
      },
    };
    expect(await dailyNoteSettings(app as never)).toEqual({ folder: 'Sets', format: 'DD.MM.YYYY', template: 'T/set' });
  });

  it('falls back to the plugin’s own settings files when the internals are not there', async () => {
    const app = newApp();
    await app.vault.adapter.write(`${CONFIG_DIR}/core-plugins.json`, JSON.stringify({ 'daily-notes': true, 'file-explorer': true }));
    await app.vault.adapter.write(`${CONFIG_DIR}/daily-notes.json`, JSON.stringify({ folder: 'Days', format: 'YYYY-MM-DD' }));
    expect(await dailyNoteSettings(app as never)).toEqual({ folder: 'Days', format: 'YYYY-MM-DD', template: '' });
  });

  it('reports no daily notes when the plugin is off or its internals throw', async () => {
    const app = newApp();
    withCoreDailyNotes(app, { folder: 'Journal' }, false);
    expect(await dailyNoteSettings(app as never)).toBeNull();
    app.internalPlugins.getPluginById = () => {
      throw new Error('changed in a new version');
    };
    expect(await dailyNoteSettings(app as never)).toBeNull();
  });
});

describe('linking the digest', () => {
  it('creates a missing daily note from the template in a dated subfolder, then adds the link under the heading once', async () => {
    const app = newApp();
    withCoreDailyNotes(app, { folder: 'Journal', format: 'YYYY/MM/YYYY-MM-DD', template: 'Templates/Day' });
    await app.vault.seed('Templates/Day.md', '# {{date:dddd D MMMM}} ({{title}})\n\n## Papers\n\n## Log\n- \n');
    const file = await digest(app);

    expect(await linkFromDailyNote(app as never, file as never, 'Papers', NOW)).toBe('linked');
    // The second time the journal note is not touched at all: no process(), no write, no new mtime.
    const process = vi.spyOn(app.vault, 'process');
    const writes = app.vault.writes;
    expect(await linkFromDailyNote(app as never, file as never, 'Papers', NOW)).toBe('already-linked');
    expect([process.mock.calls.length, app.vault.writes]).toEqual([0, writes]);

    const path = `Journal/${moment(NOW).format('YYYY/MM/YYYY-MM-DD')}.md`;
    expect(app.vault.text(path)).toBe(
      `# ${moment(NOW).format('dddd D MMMM')} (${moment(NOW).format('YYYY/MM/YYYY-MM-DD')})\n\n## Papers\n\n- [[arXiv/Daily/2026-05-29|arXiv 2026-05-29]]\n\n## Log\n- \n`,
    );
  });

  it('adds the heading at the end of an existing note that has none, keeping what is there', async () => {
    const app = newApp();
    withCoreDailyNotes(app, { folder: '' });
    await app.vault.seed(`${moment(NOW).format('YYYY-MM-DD')}.md`, 'Met Ada about the critic bound.\n');
    const file = await digest(app);
    await linkFromDailyNote(app as never, file as never, 'Papers', NOW);
    // A person's own daily note shares the digest's name, so the link spells out the path.
    expect(app.vault.text(`${moment(NOW).format('YYYY-MM-DD')}.md`)).toBe(
      'Met Ada about the critic bound.\n\n## Papers\n\n- [[arXiv/Daily/2026-05-29|arXiv 2026-05-29]]\n',
    );
  });

  it('inserts at the end of the named section, before the next heading of the same level', () => {
    expect(insertUnderHeading('# Day\n## Papers\n- old\n\n## Log\ntext', 'papers', '- new')).toBe('# Day\n## Papers\n- old\n- new\n\n## Log\ntext');
    expect(insertUnderHeading('## Papers\n### Sub\nx\n# Next', 'Papers', '- new')).toBe('## Papers\n### Sub\nx\n- new\n# Next');
  });

  it('is added after a fetch when the setting is on, and not when it is off', async () => {
    const server: ArxivStandIn = await startArxivServer();
    try {
      server.reply('/rss/cs.LG+cs.CL+cs.AI+cs.CV+stat.ML', { body: fixture('rss-2026-05-29.xml') });
      for (const linkFromDailyNote of [true, false]) {
        const app = newApp();
        withCoreDailyNotes(app, { folder: 'Journal', format: 'YYYY-MM-DD' });
        await storeSettings(app, { rssBase: server.url('/rss'), linkFromDailyNote, dailyNoteHeading: 'Reading' });
        const plugin = await loadPlugin(app);
        await plugin.fetcher.fetchToday('command');
        await settle(app, plugin);
        const note = app.vault.text(`Journal/${moment(NOW).format('YYYY-MM-DD')}.md`);
        if (linkFromDailyNote) expect(note).toBe('## Reading\n\n- [[arXiv/Daily/2026-05-29|arXiv 2026-05-29]]\n');
        else expect(note).toBeUndefined();
      }
    } finally {
      await server.close();
    }
  });
});
