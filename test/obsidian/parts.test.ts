// The plugin's smaller parts on their own: the run queue, the requestUrl transport, the note index,
// reading a paper note back, the settings' text forms, the status bar and the fetch timing.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import moment from 'moment';
import { App, kit, TFile } from '../stand-ins/obsidian';
import { RunQueue } from '../../obsidian-plugin/run-queue';
import { requestUrlTransport } from '../../obsidian-plugin/http';
import { VaultNoteIndex } from '../../obsidian-plugin/vault-note-index';
import { paperNoteOf } from '../../obsidian-plugin/paper-note';
import { readSettings, rulesToText, textToCategories, textToRules } from '../../obsidian-plugin/settings';
import { statusText } from '../../obsidian-plugin/status-bar';
import { earliestFetch } from '../../obsidian-plugin/auto-fetch';
import { rangeProblem } from '../../obsidian-plugin/range-modal';
import { ObsidianStore } from '../../obsidian-plugin/vault-store';

afterEach(() => kit.reset());

describe('RunQueue', () => {
  it('runs one task at a time in order, and a second ask for the same run joins the first', async () => {
    const queue = new RunQueue();
    const log: string[] = [];
    let release!: () => void;
    const a = queue.run('today', async () => {
      log.push('today starts');
      await new Promise<void>((resolve) => (release = resolve));
      log.push('today ends');
      return 1;
    });
    const b = queue.run('range', async () => {
      log.push('range runs');
      return 2;
    });
    const again = queue.run('today', async () => 3);
    expect([a.started, b.started, again.started, queue.idle]).toEqual([true, true, false, false]);
    await Promise.resolve();
    release();
    expect(await Promise.all([a.result, b.result, again.result])).toEqual([1, 2, 1]);
    expect(log).toEqual(['today starts', 'today ends', 'range runs']);
    expect(queue.idle).toBe(true);
  });

  it('goes on after a failed run', async () => {
    const queue = new RunQueue();
    await expect(queue.run('a', () => Promise.reject(new Error('boom'))).result).rejects.toThrow('boom');
    expect(await queue.run('b', async () => 'next').result).toBe('next');
  });
});

describe('requestUrl transport', () => {
  it('answers every status with lower-case headers, and stops waiting when aborted', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2000);
      res.writeHead(503, { 'Retry-After': '30', 'X-Mixed-Case': 'yes' });
      res.end('busy');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const answer = await requestUrlTransport({ url: `${base}/busy`, headers: { 'User-Agent': 'test' } });
      expect(answer).toMatchObject({ status: 503, body: 'busy', headers: { 'retry-after': '30', 'x-mixed-case': 'yes' } });
      const controller = new AbortController();
      const slow = requestUrlTransport({ url: `${base}/slow`, signal: controller.signal });
      controller.abort(new Error('stop'));
      await expect(slow).rejects.toThrow('stop');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('VaultNoteIndex', () => {
  const paper = (id: string, extra = '') => `---\narxiv_id: ${id}\nversion: 2\ncitekey: k${extra}\n---\nText`;

  it('is built from the metadata cache and follows changes, renames and deletions', async () => {
    const app = new App();
    await app.vault.seed('a.md', paper("'2605.30001'"));
    await app.vault.seed('d.md', '---\ndate: 2026-05-29\ntags: [paper-feed/daily]\n---\n');
    await app.vault.seed('other.md', '---\ndate: 2026-05-29\n---\n');
    await app.metadataCache.settled();
    const index = new VaultNoteIndex(app as never);
    index.listeners(); // attaches the events that keep it current
    const before = await index.snapshot();
    expect({ papers: new Map(before.papers), dailies: new Map(before.dailies) }).toEqual({
      papers: new Map([['2605.30001', { path: 'a.md', version: 2, citekey: 'k' }]]),
      dailies: new Map([['2026-05-29', 'd.md']]),
    });
    expect([before.hasCitekey('K'), before.hasCitekey('k2'), before.hasPath('A.md'), before.hasPath('D.MD'), before.hasPath('other.md')]).toEqual([
      true,
      false,
      true,
      true,
      false,
    ]);

    await app.vault.createFolder('F');
    await app.vault.rename(app.vault.getFileByPath('a.md')!, 'F/renamed.md');
    await app.vault.eventsFired();
    await app.vault.modify(app.vault.getFileByPath('other.md')!, paper('2605.10000'));
    await app.metadataCache.settled();
    await app.vault.delete(app.vault.getFileByPath('d.md')!);
    await app.vault.eventsFired();
    const after = await index.snapshot();
    expect([...after.papers.entries()]).toEqual([
      ['2605.30001', { path: 'F/renamed.md', version: 2, citekey: 'k' }],
      // Unquoted, YAML read it as the number 2605.1; the index restores the id.
      ['2605.10000', { path: 'other.md', version: 2, citekey: 'k' }],
    ]);
    expect(after.dailies.size).toBe(0);
  });

  it('picks the original when a sync conflict copy, made earlier, claims the same id', async () => {
    const app = new App();
    await app.vault.seed('a (conflicted copy 2026-06-01).md', paper("'2605.30001'"));
    await app.vault.seed('a.md', paper("'2605.30001'"));
    await app.metadataCache.settled();
    expect((await new VaultNoteIndex(app as never).snapshot()).papers.get('2605.30001')?.path).toBe('a.md');
  });

  it('of two notes with plain names and one id, picks the older, whatever their names sort as', async () => {
    const app = new App();
    const older = await app.vault.seed('b.md', paper("'2605.30001'"));
    const newer = await app.vault.seed('a.md', paper("'2605.30001'"));
    newer.stat.ctime = older.stat.ctime + 1000;
    await app.metadataCache.settled();
    expect((await new VaultNoteIndex(app as never).snapshot()).papers.get('2605.30001')?.path).toBe('b.md');
  });

  it('knows a note the store just wrote before the metadata cache does', async () => {
    const app = new App();
    app.metadataCache.hold();
    const index = new VaultNoteIndex(app as never);
    const store = new ObsidianStore(app as never, index);
    await store.create('Deep/Folder/p.md', paper("'2605.30002'"));
    expect((await index.snapshot()).papers.get('2605.30002')?.path).toBe('Deep/Folder/p.md');
    await expect(store.create('Deep/Folder/p.md', 'again')).rejects.toThrow('File already exists.');
    expect(await store.process('Deep/Folder/p.md', (t) => t)).toBe(paper("'2605.30002'"));
    await expect(store.process('gone.md', (t) => t)).rejects.toThrow('The note "gone.md" disappeared while Paper Feed was updating it; run the fetch again.');
    app.metadataCache.release();
  });
});

describe('reading a paper note back', () => {
  it('turns the note contract’s frontmatter into a Paper, with safe links only', () => {
    const app = new App();
    const file = new TFile(app.vault, 'Papers/My name for it.md');
    const note = paperNoteOf(file as never, {
      title: 'A: title',
      authors: ['Mira Feng', 'Tomas Ortega'],
      arxiv_id: 2605.3,
      version: 3,
      primary_category: 'cs.CL',
      categories: ['cs.CL', 'cs.LG'],
      published: '2026-05-20',
      url: 'https://evil.example/abs',
      doi: '10.1/x',
      citekey: 'feng2026title',
    });
    expect(note?.paper).toEqual({
      id: '2605.30000',
      version: 3,
      title: 'A: title',
      authors: [
        { name: 'Mira Feng', affiliations: [] },
        { name: 'Tomas Ortega', affiliations: [] },
      ],
      abstract: '',
      categories: ['cs.CL', 'cs.LG'],
      primaryCategory: 'cs.CL',
      absUrl: 'https://arxiv.org/abs/2605.30000',
      pdfUrl: 'https://arxiv.org/pdf/2605.30000v3',
      published: '2026-05-20',
      doi: '10.1/x',
    });
    expect(note?.citekey).toBe('feng2026title');
    expect(paperNoteOf(file as never, { title: 'No id' })).toBeNull();
  });
});

describe('settings text forms', () => {
  it('round-trips rules, scoped rules and regexes through one line each', () => {
    const rules = ['diffusion model', { match: '/LLMs?/i', in: ['title' as const] }, { match: 'Yann LeCun', in: ['authors' as const, 'comment' as const] }];
    const text = rulesToText(rules);
    expect(text).toBe('diffusion model\ntitle: /LLMs?/i\nauthors, comment: Yann LeCun');
    expect(textToRules(`${text}\n\n  Re: Attention  \n`)).toEqual([...rules, 'Re: Attention']);
    expect(textToCategories(' cs.LG,stat.ML  cs ')).toEqual(['cs.LG', 'stat.ML', 'cs']);
  });

  it('reads stored settings, keeping good values and defaulting bad ones; a wrong arXiv address is a problem, not a silent default', () => {
    const { settings, problem } = readSettings({
      fetchAfter: '25:00',
      linkFromDailyNote: false,
      dailyNoteHeading: '  Reading ',
      rssBase: 'file:///etc',
      config: { categories: ['math.CA'] },
    });
    expect(problem?.message).toBe(
      `rssBase: "file:///etc" is not a web address; write one starting with http:// or https://, such as https://rss.arxiv.org/rss, or leave it empty for arXiv's own. Fix it in the Paper Feed settings.`,
    );
    expect(settings).toMatchObject({ fetchAfter: '', linkFromDailyNote: false, dailyNoteHeading: 'Reading', rssBase: 'https://rss.arxiv.org/rss' });
    expect(settings.config.categories).toEqual(['math.CA']);
    expect(readSettings(null).settings.config.groups).toHaveLength(3);
  });
});

describe('status and timing', () => {
  it('shows the last run as "Papers: N · HH:MM", with the weekday when it was not today', () => {
    const at = new Date('2026-05-29T00:05:00Z').getTime();
    expect(statusText(null, new Date(at))).toBe('Papers: not fetched yet');
    expect(statusText({ announcement: '2026-05-29', at, matched: 66 }, new Date(at + 60_000))).toBe(`Papers: 66 · ${moment(at).format('HH:mm')}`);
    expect(statusText({ announcement: '2026-05-29', at, matched: 66 }, new Date(at + 3 * 86_400_000))).toBe(`Papers: 66 · ${moment(at).format('ddd HH:mm')}`);
  });

  it('fetches half an hour after the announcement, or at the next local "fetch after" time', () => {
    const announced = Date.parse('2026-05-29T00:00:00Z');
    expect(earliestFetch(announced, '')).toBe(announced + 30 * 60_000);
    const before = moment(announced).subtract(2, 'hours');
    expect(earliestFetch(announced, before.format('HH:mm'))).toBe(before.clone().add(1, 'day').startOf('minute').valueOf());
  });

  it('checks a date range before fetching it', () => {
    const now = new Date('2026-06-01T12:00:00-04:00');
    expect(rangeProblem('2026-05-28', '2026-05-29', now)).toBeNull();
    expect(rangeProblem('2026-02-30', '2026-03-01', now)).toBe('The start date "2026-02-30" is not a date; write it as YYYY-MM-DD, e.g. 2026-05-29.');
    expect(rangeProblem('2026-01-01', '2026-06-01', now)).toBe('That is 152 days; fetch at most 92 days at a time so arXiv is not flooded.');
  });
});
