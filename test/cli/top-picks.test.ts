// End to end: the built CLI writes the bundled sample into a vault where the person
// has kept six paper notes; the daily note opens with Top picks, each with its reason.
import { beforeEach, describe, expect, it } from 'vitest';
import { mkdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readFrontmatter } from '../../core/notes/frontmatter';
import { keptNotes } from '../notes/kept-notes';
import { noteTimes, readNote, runBuiltCli, useCliWorkspace } from './support';

const DAILY = 'arXiv/Daily/2026-05-29.md';
const cli = useCliWorkspace('pf-picks-', { arxiv: false });
beforeEach(async () => {
  const anHourAgo = new Date(Date.now() - 3_600_000);
  for (const [path, text] of Object.entries(keptNotes())) {
    await mkdir(dirname(join(cli.vault, path)), { recursive: true });
    await writeFile(join(cli.vault, path), text);
    await utimes(join(cli.vault, path), anHourAgo, anHourAgo);
  }
});

const daily = () => runBuiltCli(['daily', '--sample', '--vault', cli.vault], cli.work);

/** The lines of the "## Top picks" section, heading included. */
function topPicks(note: string): string[] {
  const lines = note.split('\n');
  const start = lines.indexOf('## Top picks');
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines.slice(start, end).filter((line) => line !== '');
}

describe('paper-feed daily with a library', () => {
  it('opens the daily note with ten top picks, each with its score and reason', async () => {
    const result = await daily();
    expect(result).toEqual({
      code: 0,
      stdout:
        '19 papers matched · 21 notes created · 0 updated · daily note arXiv/Daily/2026-05-29.md\n' +
        '  by group: Language models 10 · Reinforcement learning 6 · Diffusion 6\n' +
        '  top picks: 10 by your library of 6 papers · 2 beyond your groups\n',
      stderr: '',
    });
    const note = await readNote(cli.vault, DAILY);
    const body = note.slice(note.indexOf('%% paper-feed:start %%'));
    // The first section, under the two lines that say which announcement it is.
    expect(body.split('\n').slice(1, 6)).toEqual([
      'Listing of Friday 29 May 2026, announced 20:00 ET on Thursday 28 May 2026 · cs.LG, cs.CL, cs.AI, cs.CV, stat.ML',
      '',
      '**19 papers matched** — Language models 10 · Reinforcement learning 6 · Diffusion 6',
      '',
      '## Top picks',
    ]);
    expect(topPicks(note)[1]).toBe('Ranked against the 6 papers in your library (scores from 0 to 1):');
    const picks = topPicks(note).slice(2);
    expect(picks).toHaveLength(10);
    expect(picks[0]).toBe(
      '- [[arXiv/Papers/Reward Model Overoptimization in RLHF Is Predictable from Early Checkpoints|Reward Model Overoptimization in RLHF Is Predictable from Early Checkpoints]] · 0.33 — close to [[Reading/Reward hacking|Reward hacking]]; shares *reward model overoptimization*',
    );
    for (const line of picks) expect(line).toMatch(/^- \[\[arXiv\/Papers\/[^\]]+\]\] · 0\.\d\d — close to \[\[Reading\/[^\]]+\]\].*; shares \*.+\*$/);
    // Every pick links to a note that exists, also the two no group matched.
    for (const line of picks) {
      const target = /^- \[\[([^|\]]+)/.exec(line)![1]!;
      const paperNote = await readFile(join(cli.vault, `${target}.md`), 'utf8');
      expect(readFrontmatter(paperNote).score).toBeGreaterThan(0);
    }
  });

  it('writes nothing on a second run of the same announcement', async () => {
    await daily();
    const before = await noteTimes(cli.vault);
    const again = await daily();
    expect(again.stdout.split('\n')[0]).toBe('19 papers matched · 0 notes created · 0 updated · daily note arXiv/Daily/2026-05-29.md');
    expect(await noteTimes(cli.vault)).toEqual(before);
  });

  it('says in the daily note that Top picks need five library papers when there are fewer', async () => {
    await rm(join(cli.vault, 'Reading', 'Conformal GNN.md'));
    await rm(join(cli.vault, 'Reading', 'Reward hacking.md'));
    const result = await daily();
    expect(result.stdout).not.toContain('top picks');
    expect(topPicks(await readNote(cli.vault, DAILY))).toEqual([
      '## Top picks',
      'Top picks start when your library has 5 papers (it has 4): keep the paper notes you have read, or name a .bib or CSL-JSON file in the settings. Until then papers are listed in keyword order.',
    ]);
  });

  it('sees a rating given in place to an old note at the weekly check, or at once with --check-all', async () => {
    // An old note the person had not kept: last changed two months ago, like its folder.
    const old = join(cli.vault, 'Reading', 'Conformal GNN.md');
    await rm(join(cli.vault, 'Reading', 'Reward hacking.md'));
    const plain = (await readFile(old, 'utf8')).replace('Read it twice; the key idea is in section 3.\n', '');
    await writeFile(old, plain);
    const twoMonthsAgo = new Date(Date.now() - 60 * 24 * 3_600_000);
    for (const path of [old, join(cli.vault, 'Reading'), cli.vault]) await utimes(path, twoMonthsAgo, twoMonthsAgo);
    await daily();
    expect(topPicks(await readNote(cli.vault, DAILY))[1]).toContain('(it has 4)');

    // Rated in place (as Obsidian saves): the file changes, its folder does not.
    await writeFile(old, plain.replace('\ntags:\n', '\nrating: 5\ntags:\n'));
    await daily();
    expect(topPicks(await readNote(cli.vault, DAILY))[1]).toContain('(it has 4)');
    const checked = await runBuiltCli(['daily', '--sample', '--check-all', '--vault', cli.vault], cli.work);
    expect(checked.code).toBe(0);
    expect(topPicks(await readNote(cli.vault, DAILY))[1]).toBe('Ranked against the 5 papers in your library (scores from 0 to 1):');
  });
});
