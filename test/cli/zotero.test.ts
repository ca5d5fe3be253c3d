// The built CLI with the running Zotero, against a Zotero stand-in on 127.0.0.1 that
// answers from the recorded samples: the library feeds Top picks, a new paper note takes the key
// Zotero has, `paper-feed zotero add` saves once, and every failure is one line.
import { afterEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readFrontmatter } from '../../core/notes/frontmatter';
import { KEPT_PAPERS } from '../notes/kept-notes';
import { startZoteroStandIn, type ZoteroStandIn, type ZoteroStandInOptions } from '../support/zotero-stand-in';
import { readNote, runBuiltCli, useCliWorkspace } from './support';

const cli = useCliWorkspace('pf-zotero-', { arxiv: false });
let zotero: ZoteroStandIn | undefined;
afterEach(async () => {
  await zotero?.close();
  zotero = undefined;
});

/** A Zotero holding the recorded items plus the kept papers, with `options`; the config points at it. */
async function zoteroWithLibrary(options: ZoteroStandInOptions = {}, port?: number): Promise<ZoteroStandIn> {
  zotero = await startZoteroStandIn(options);
  for (const paper of KEPT_PAPERS) {
    zotero.add({ itemType: 'preprint', title: paper.title, abstractNote: paper.abstract, archiveID: `arXiv:${paper.id}`, DOI: `10.48550/arXiv.${paper.id}` });
  }
  // A paper of tonight's announcement the person already has, with Zotero 8's own citation key.
  zotero.add({
    itemType: 'preprint',
    title: 'Score-Based Generative Modeling on Compact Lie Groups',
    archiveID: 'arXiv:2605.21412',
    citationKey: 'Lefevre2026Lie',
  });
  await writeFile(join(cli.work, 'paper-feed.config.json'), JSON.stringify({ library: { source: 'zotero', zoteroPort: port ?? zotero.port } }));
  return zotero;
}

describe('paper-feed daily with the library in Zotero', () => {
  it('ranks by the Zotero library, gives a new note the key Zotero has, and reads only changes next time', async () => {
    const z = await zoteroWithLibrary();
    const first = await runBuiltCli(['daily', '--sample', '--vault', cli.vault], cli.work);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    // 6 recorded items with an abstract, and the 6 kept papers; the Lie-groups item has no abstract.
    expect(first.stdout).toContain('  top picks: 10 by your library of 12 papers');
    // Each paper in the daily note can be saved to Zotero from a link the Obsidian plugin answers.
    const daily = await readNote(cli.vault, 'arXiv/Daily/2026-05-29.md');
    expect(daily).toContain(
      '[arXiv:2605.21407](https://arxiv.org/abs/2605.21407) · [PDF](https://arxiv.org/pdf/2605.21407v1) · [Save to Zotero](obsidian://paper-feed?zotero=2605.21407)\n',
    );
    expect(daily.match(/\[Save to Zotero\]\(obsidian:\/\/paper-feed\?zotero=\d{4}\.\d{5}\)/g)).toHaveLength(18);
    // The paper Zotero has already links to its item instead.
    const lie = z.items.find((item) => item.data.archiveID === 'arXiv:2605.21412')!;
    expect(daily).toContain(
      `[arXiv:2605.21412](https://arxiv.org/abs/2605.21412) · [PDF](https://arxiv.org/pdf/2605.21412v1) · [In Zotero](zotero://select/library/items/${lie.key})\n`,
    );
    const note = await readNote(cli.vault, 'arXiv/Papers/Score-Based Generative Modeling on Compact Lie Groups.md');
    expect(readFrontmatter(note).citekey).toBe('Lefevre2026Lie');
    const cached = JSON.parse(await readFile(join(cli.vault, '.paper-feed', 'zotero-library.json'), 'utf8')) as { version: number; entries: unknown[] };
    expect([cached.version, cached.entries.length]).toEqual([z.libraryVersion, 14]);

    z.requests.length = 0;
    const second = await runBuiltCli(['daily', '--sample', '--vault', cli.vault], cli.work);
    expect(second.code).toBe(0);
    expect(z.requests.map((r) => [r.path, r.headers['if-modified-since-version']])).toEqual([['/api/users/0/items/top', String(z.libraryVersion)]]);
  });

  it('says once that the local API is off, and still writes the notes', async () => {
    await zoteroWithLibrary({ localApi: false });
    const result = await runBuiltCli(['daily', '--sample', '--vault', cli.vault], cli.work);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((line) => line.includes('Zotero'))).toEqual([
      '  skipped 1 item: Zotero (Zotero\'s local API is off; in Zotero turn on Settings → Advanced → "Allow other applications on this computer to communicate with Zotero", then try again (Top picks used the library as Zotero last gave it))',
    ]);
  });
});

describe('paper-feed zotero add', () => {
  it('saves a paper, then says it is already in Zotero', async () => {
    const z = await zoteroWithLibrary();
    const first = await runBuiltCli(['zotero', 'add', '2605.21407', '--sample'], cli.work);
    const key = z.items.at(-1)!.key;
    expect(first).toEqual({
      code: 0,
      stdout: `Saved to Zotero: Calibrated Abstention for Large Language Models under Distribution Shift.\n  open it: zotero://select/library/items/${key}\n`,
      stderr: '',
    });
    const again = await runBuiltCli(['zotero', 'add', 'arXiv:2605.21407', '--sample'], cli.work);
    expect(again.stdout.split('\n')[0]).toBe('Already in Zotero: Calibrated Abstention for Large Language Models under Distribution Shift.');
    expect(z.requests.filter((r) => r.path === '/connector/saveItems')).toHaveLength(1);
    const known = await runBuiltCli(['zotero', 'add', '2605.21412', '--sample'], cli.work);
    expect(known.stdout.split('\n')[0]).toBe('Already in Zotero: Score-Based Generative Modeling on Compact Lie Groups (cite as Lefevre2026Lie).');
  });

  it("records the item as `zotero: KEY` in the vault's note for the paper, which later runs keep", async () => {
    const z = await zoteroWithLibrary();
    await runBuiltCli(['daily', '--sample', '--vault', cli.vault], cli.work);
    const path = 'arXiv/Papers/Calibrated Abstention for Large Language Models under Distribution Shift.md';
    const before = await readNote(cli.vault, path);
    const result = await runBuiltCli(['zotero', 'add', '2605.21407', '--sample', '--vault', cli.vault], cli.work);
    const key = z.items.at(-1)!.key;
    expect(result.stdout.split('\n').slice(1)).toEqual([`  open it: zotero://select/library/items/${key}`, `  recorded as zotero: ${key} in ${path}`, '']);
    const after = await readNote(cli.vault, path);
    expect(readFrontmatter(after).zotero).toBe(key);
    // One line added to the frontmatter, nothing else touched.
    expect(after.replace(`zotero: ${key}\n`, '')).toBe(before);
    await runBuiltCli(['daily', '--sample', '--vault', cli.vault], cli.work);
    expect(readFrontmatter(await readNote(cli.vault, path)).zotero).toBe(key);
  });

  it('gives one line and exit code 5 for each way Zotero can fail', async () => {
    const z = await zoteroWithLibrary({ localApi: false });
    const off = await runBuiltCli(['zotero', 'add', '2605.21407', '--sample'], cli.work);
    expect(off).toEqual({
      code: 5,
      stdout: '',
      stderr:
        'Zotero\'s local API is off; in Zotero turn on Settings → Advanced → "Allow other applications on this computer to communicate with Zotero", then try again.\n',
    });
    z.options.localApi = true;
    z.busyOnce();
    const busy = await runBuiltCli(['zotero', 'add', '2605.21407', '--sample'], cli.work);
    expect(busy).toEqual({
      code: 5,
      stdout: '',
      stderr: 'Zotero is still busy with an earlier save from Paper Feed (409 SESSION_EXISTS); wait a moment and try again.\n',
    });
    const port = z.port;
    await z.close();
    zotero = undefined;
    const down = await runBuiltCli(['zotero', 'add', '2605.21407', '--sample'], cli.work);
    expect(down).toEqual({ code: 5, stdout: '', stderr: `Zotero is not running (nothing answered on 127.0.0.1:${port}); start Zotero and try again.\n` });
    const wrong = await runBuiltCli(['zotero', 'add', 'not-an-id'], cli.work);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('"not-an-id" is not an arXiv identifier; use a form like 2401.01234, hep-th/9901001 or an arxiv.org/abs/ link.\n');
  });
});
