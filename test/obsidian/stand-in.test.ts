// The obsidian stand-in behaves like the app where Paper Feed depends on it; if it did not, the
// plugin tests would prove nothing.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App, kit, Notice, normalizePath, Plugin, requestUrl, TFile, Vault, getFrontMatterInfo } from '../stand-ins/obsidian';

afterEach(() => kit.reset());

describe('obsidian stand-in', () => {
  it('refuses to create a note at a taken path with the app’s own words', async () => {
    const app = new App();
    await app.vault.create('Note.md', 'one');
    await expect(app.vault.create('Note.md', 'two')).rejects.toThrow('File already exists.');
    expect(app.vault.text('Note.md')).toBe('one');
  });

  it('fires vault events after the operation has resolved, as the app’s file watcher does', async () => {
    const app = new App();
    const seen: string[] = [];
    app.vault.on('create', (f: TFile) => seen.push(`create ${f.path}`));
    app.vault.on('modify', (f: TFile) => seen.push(`modify ${f.path}`));
    const file = await app.vault.create('a.md', 'one');
    seen.push('create resolved');
    await app.vault.modify(file, 'two');
    seen.push('modify resolved');
    expect(seen).toEqual(['create resolved', 'modify resolved']);
    await app.vault.eventsFired();
    expect(seen).toEqual(['create resolved', 'modify resolved', 'create a.md', 'modify a.md']);
  });

  it('lags the metadata cache by lagMs on the current timers, then fires changed, then resolved', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const app = new App();
      app.metadataCache.lagMs = 8000;
      const seen: string[] = [];
      app.metadataCache.on('changed', (f: TFile) => seen.push(`changed ${f.path}`));
      app.metadataCache.on('resolved', () => seen.push('resolved'));
      const file = await app.vault.create('a.md', '---\narxiv_id: "2605.30001"\n---\n');
      await app.vault.eventsFired();
      await vi.advanceTimersByTimeAsync(7999);
      expect([seen, app.metadataCache.getFileCache(file)]).toEqual([[], null]);
      await vi.advanceTimersByTimeAsync(1);
      expect(seen).toEqual(['changed a.md', 'resolved']);
      expect(app.metadataCache.getFileCache(file)?.frontmatter).toEqual({ arxiv_id: '2605.30001' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('fires create, modify, rename and delete, and moves a note’s cache on rename without a changed event', async () => {
    const app = new App();
    const seen: string[] = [];
    app.vault.on('create', (f: TFile) => seen.push(`create ${f.path}`));
    app.vault.on('modify', (f: TFile) => seen.push(`modify ${f.path}`));
    app.vault.on('rename', (f: TFile, old: string) => seen.push(`rename ${old} -> ${f.path}`));
    app.vault.on('delete', (f: TFile) => seen.push(`delete ${f.path}`));
    app.metadataCache.on('changed', (f: TFile) => seen.push(`changed ${f.path}`));
    const file = await app.vault.create('a.md', '---\narxiv_id: "2605.30001"\n---\nbody');
    expect(app.metadataCache.getFileCache(file)).toBeNull();
    await app.metadataCache.settled();
    expect(app.metadataCache.getFileCache(file)?.frontmatter).toEqual({ arxiv_id: '2605.30001' });
    await app.vault.modify(file, 'plain');
    await app.metadataCache.settled();
    await app.vault.createFolder('Moved');
    await app.vault.rename(file, 'Moved/b.md');
    await app.vault.eventsFired();
    expect(app.metadataCache.getCache('Moved/b.md')).toEqual({});
    await app.vault.delete(file);
    await app.vault.eventsFired();
    expect(seen).toEqual(['create a.md', 'changed a.md', 'modify a.md', 'changed a.md', 'create Moved', 'rename a.md -> Moved/b.md', 'delete Moved/b.md']);
  });

  it('round-trips frontmatter through processFrontMatter, keeping the body and dates as text', async () => {
    const app = new App();
    const file = await app.vault.create('p.md', '---\ntitle: "A: b"\ndate: 2026-05-29\ntags:\n  - paper\n---\n# Body\n');
    await app.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => {
      expect(fm).toEqual({ title: 'A: b', date: '2026-05-29', tags: ['paper'] });
      fm.tags = ['paper', 'read'];
    });
    expect(app.vault.text('p.md')).toBe("---\ntitle: 'A: b'\ndate: 2026-05-29\ntags:\n  - paper\n  - read\n---\n# Body\n");
    const info = getFrontMatterInfo(app.vault.text('p.md')!);
    expect(info.exists).toBe(true);
    expect(app.vault.text('p.md')!.slice(info.contentStart)).toBe('# Body\n');
  });

  it('applies process to the latest text and writes nothing when the text is unchanged', async () => {
    const app = new App();
    const file = await app.vault.create('n.md', 'a');
    const writes = app.vault.writes;
    await app.vault.process(file, (t) => t);
    expect(app.vault.writes).toBe(writes);
    await app.vault.modify(file, 'a b');
    expect(await app.vault.process(file, (t) => `${t} c`)).toBe('a b c');
  });

  it('insists on normalised paths and existing folders, like a careful reading of the app', async () => {
    const app = new App();
    await expect(app.vault.create('/x//y.md', '')).rejects.toThrow('normalizePath');
    await expect(app.vault.create('missing/y.md', '')).rejects.toThrow('does not exist');
    expect(normalizePath('/a//b\\c/')).toBe('a/b/c');
  });

  it('performs real HTTP in requestUrl, throwing on 4xx unless throw is false', async () => {
    const server = createServer((req, res) => {
      res.writeHead(req.url === '/ok' ? 200 : 429, { 'Retry-After': '7' });
      res.end(req.url === '/ok' ? 'fine' : 'Rate exceeded.');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await requestUrl(`${base}/ok`)).text).toBe('fine');
      await expect(requestUrl(`${base}/busy`)).rejects.toMatchObject({ status: 429 });
      const answer = await requestUrl({ url: `${base}/busy`, throw: false });
      expect([answer.status, answer.text, answer.headers['retry-after']]).toEqual([429, 'Rate exceeded.', '7']);
    } finally {
      server.close();
    }
  });

  it('records notices, keeps plugin data in the config folder and undoes registrations on unload', async () => {
    const app = new App({ vault: new Vault({ configDir: 'cfg' }) });
    class Probe extends Plugin {}
    const plugin = new Probe(app, { id: 'probe', name: 'Probe', version: '1', minAppVersion: '1', description: '', author: '' });
    await plugin.loadAsync();
    await plugin.saveData({ a: 1 });
    expect(await app.vault.adapter.read('cfg/plugins/probe/data.json')).toContain('"a": 1');
    plugin.registerEvent(app.vault.on('create', () => undefined));
    plugin.addCommand({ id: 'x', name: 'X', callback: () => undefined });
    expect(app.vault.listenerCount('create')).toBe(2);
    plugin.unload();
    expect(app.vault.listenerCount('create')).toBe(1);
    expect(app.commands.listCommands()).toEqual([]);
    new Notice('Hello').setMessage('Hello again');
    expect(kit.notices).toEqual([{ message: 'Hello again', history: ['Hello', 'Hello again'], duration: undefined, hidden: false }]);
  });
});
