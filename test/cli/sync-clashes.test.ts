// The built CLI against names that clash the way synced vaults make them clash: a
// person's note whose name differs from a new note's only in case or Unicode form (one file on
// macOS, Windows, iOS and Android, two on this Linux disk), a dangling link at a new note's name,
// and sync conflict copies claiming one paper. Real files on disk, a local arXiv stand-in.
import { beforeEach, describe, expect, it } from 'vitest';
import { mkdir, readdir, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_FEED_PATH, asReplacement, feedDated, feedWith, readNote, runBuiltCli, sampleItem, useCliWorkspace } from './support';

const THURSDAY = 'Thu, 28 May 2026 00:00:00 -0400';
const PAPERS = 'arXiv/Papers';
const SPECULATIVE = '2605.21604';
const LIE_GROUPS = '2605.21412';

const cli = useCliWorkspace('pf-sync-');
beforeEach(async () => {
  await mkdir(join(cli.vault, PAPERS), { recursive: true });
  announce();
});

const daily = (...extra: string[]) => runBuiltCli(['daily', '--rss-base', cli.arxiv.url('/rss'), ...extra], cli.work);

/** The feed every following request gets (until the next call). */
function announce(body = feedDated(THURSDAY)): void {
  cli.arxiv.handle(DEFAULT_FEED_PATH, () => ({ body }));
}

/** The names in a folder that are one name on a case-insensitive, normalising file system. */
async function foldedTwins(folder: string): Promise<string[][]> {
  const byKey = new Map<string, string[]>();
  for (const name of await readdir(join(cli.vault, folder))) {
    const key = name.normalize('NFC').toLowerCase();
    byKey.set(key, [...(byKey.get(key) ?? []), name]);
  }
  return [...byKey.values()].filter((names) => names.length > 1);
}

describe('a new note never takes a name that is taken once case and Unicode form are folded', () => {
  it('steps around a person’s note that differs only in case', async () => {
    const mine = 'speculative decoding with adaptive draft lengths.md';
    await writeFile(join(cli.vault, PAPERS, mine), 'My own notes on drafting.\n');
    const result = await daily();
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('19 papers matched · 19 notes created · 0 updated · daily note arXiv/Daily/2026-05-28.md');
    expect(await readNote(cli.vault, `${PAPERS}/${mine}`)).toBe('My own notes on drafting.\n');
    expect(await readNote(cli.vault, `${PAPERS}/Speculative Decoding with Adaptive Draft Lengths (${SPECULATIVE}).md`)).toContain(`arxiv_id: '${SPECULATIVE}'`);
    expect(await foldedTwins(PAPERS)).toEqual([]);
  });

  it('steps around a person’s note whose name is the same title in NFD', async () => {
    const title = 'Café Decoding with Adaptive Draft Lengths';
    const item = sampleItem(SPECULATIVE).replace('<title>Speculative Decoding with Adaptive Draft Lengths</title>', `<title>${title}</title>`);
    announce(feedWith(THURSDAY, [item]));
    const mine = `${title.normalize('NFD')}.md`;
    await writeFile(join(cli.vault, PAPERS, mine), 'Written on a Mac.\n');
    const result = await daily();
    expect(result.code).toBe(0);
    expect(await readNote(cli.vault, `${PAPERS}/${mine}`)).toBe('Written on a Mac.\n');
    expect((await readdir(join(cli.vault, PAPERS))).sort()).toEqual([mine, `${title} (${SPECULATIVE}).md`].sort());
    expect(await foldedTwins(PAPERS)).toEqual([]);
  });

  it('updates the synced note at the new note’s name, found by folding, instead of writing a twin', async () => {
    // Device A wrote the note under a name this disk tells apart from the one B would choose.
    await daily();
    const original = `${PAPERS}/Speculative Decoding with Adaptive Draft Lengths.md`;
    const synced = `${PAPERS}/SPECULATIVE DECODING WITH ADAPTIVE DRAFT LENGTHS.md`;
    const text = await readNote(cli.vault, original);
    await rm(join(cli.vault, original));
    await writeFile(join(cli.vault, synced), text.replace('## Notes', '## Notes\n\nRead on the phone.'));
    announce(feedWith('Fri, 29 May 2026 00:00:00 -0400', [asReplacement(sampleItem(SPECULATIVE), 2, 'Revised: ')]));
    const result = await daily();
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('0 papers matched · 0 notes created · 1 updated · daily note arXiv/Daily/2026-05-29.md');
    const after = await readNote(cli.vault, synced);
    expect(after).toContain('\nversion: 2\n');
    expect(after).toContain('Read on the phone.');
    expect(await foldedTwins(PAPERS)).toEqual([]);
  });
});

describe('a dangling link at a new note’s name', () => {
  it('counts as taken: every note and the daily note are written, the link is left alone, every run', async () => {
    const link = join(cli.vault, PAPERS, 'Speculative Decoding with Adaptive Draft Lengths.md');
    await symlink(join(cli.work, 'nowhere.md'), link);
    for (const run of [1, 2]) {
      const result = await daily();
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout.split('\n')[0]).toBe(`19 papers matched · ${run === 1 ? 19 : 0} notes created · 0 updated · daily note arXiv/Daily/2026-05-28.md`);
    }
    expect(await readlink(link)).toBe(join(cli.work, 'nowhere.md'));
    expect(await readNote(cli.vault, `${PAPERS}/Speculative Decoding with Adaptive Draft Lengths (${SPECULATIVE}).md`)).toContain(`arxiv_id: '${SPECULATIVE}'`);
    expect(await readNote(cli.vault, 'arXiv/Daily/2026-05-28.md')).toContain(`Speculative Decoding with Adaptive Draft Lengths (${SPECULATIVE})`);
  });
});

describe('sync conflict copies', () => {
  it('keeps the original up to date, never the copy, says so once, and `doctor` lists them', async () => {
    await daily();
    const original = `${PAPERS}/Score-Based Generative Modeling on Compact Lie Groups.md`;
    // Sorts before the original by path, as the copy that used to be updated did.
    const copy = `${PAPERS}/Score-Based Generative Modeling on Compact Lie Groups (conflicted copy 2026-05-29).md`;
    const copyText = (await readNote(cli.vault, original)).replace('## Notes', '## Notes\n\nEdited on the laptop.');
    await writeFile(join(cli.vault, copy), copyText);

    announce(feedWith('Fri, 29 May 2026 00:00:00 -0400', [asReplacement(sampleItem(LIE_GROUPS), 2, 'Revised: ')]));
    const result = await daily();
    expect(result.code).toBe(0);
    const sentence = `2 notes claim arXiv:${LIE_GROUPS}: ${original} and ${copy}; Paper Feed keeps ${original} up to date. Merge or delete ${copy}.`;
    expect(result.stdout.split('\n').filter((line) => line.includes('notes claim'))).toEqual([`  ${sentence}`]);
    expect(await readNote(cli.vault, original)).toContain('\nversion: 2\n');
    expect(await readNote(cli.vault, copy)).toBe(copyText);

    const doctor = await runBuiltCli(['doctor'], cli.work);
    expect(doctor).toEqual({ code: 0, stdout: `${sentence}\n`, stderr: '' });
  });

  it('`doctor` keeps the note the daily note links to when neither name marks a copy', async () => {
    await daily();
    const original = `${PAPERS}/Speculative Decoding with Adaptive Draft Lengths.md`;
    const copy = 'Aaa/Speculative Decoding with Adaptive Draft Lengths.md';
    await mkdir(join(cli.vault, 'Aaa'));
    await writeFile(join(cli.vault, copy), await readNote(cli.vault, original));
    const doctor = await runBuiltCli(['doctor'], cli.work);
    expect(doctor).toEqual({
      code: 0,
      stdout: `2 notes claim arXiv:${SPECULATIVE}: ${original} and ${copy}; Paper Feed keeps ${original} up to date. Merge or delete ${copy}.\n`,
      stderr: '',
    });
  });

  it('`doctor` says so when every paper has one note', async () => {
    await daily();
    expect(await runBuiltCli(['doctor'], cli.work)).toEqual({
      code: 0,
      stdout: 'No duplicate paper notes or digests: every paper and every announcement has one note.\n',
      stderr: '',
    });
  });
});
