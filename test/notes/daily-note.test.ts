import { describe, expect, it } from 'vitest';
import { dailyBlock, renderDailyNote, updateDailyNote, type DailyNoteInput } from '../../core/notes/daily-note';
import { readFrontmatter } from '../../core/notes/frontmatter';
import { BLOCK_END, BLOCK_START } from '../../core/notes/markers';
import { selectPapers } from '../../core/select/select';
import { DEFAULT_CONFIG } from '../../core/config';
import { makeAnnouncement, makePaper } from '../support/papers';

const both = makePaper({
  id: '2605.00003',
  title: 'Diffusion models are language models',
  authors: ['A One', 'B Two', 'C Three', 'D Four', 'E Five'],
  abstract: 'First $x$ paragraph.\n\nSecond # paragraph.',
  categories: ['cs.CL', 'cs.LG'],
});
const lm = makePaper({ id: '2605.00002', title: 'A language model', authors: ['Solo Author'] });
const repl = makePaper({ id: '2604.00009', version: 3, title: 'Old paper', announceType: 'replace' });
const announcement = makeAnnouncement([both, lm, repl]);
const config = {
  ...DEFAULT_CONFIG,
  groups: [
    { name: 'Diffusion', include: ['diffusion model'] },
    { name: 'LMs', include: ['language model'] },
    { name: 'Empty', include: ['nothing here'] },
  ],
};
const selection = selectPapers(announcement, config, new Map([['2604.00009', { path: 'Mine/Old.md', version: 2 }]]));
const input: DailyNoteInput = {
  announcement,
  selection,
  notePaths: new Map([
    ['2605.00003', 'arXiv/Papers/Diffusion models are language models.md'],
    ['2605.00002', 'arXiv/Papers/A language model.md'],
    ['2604.00009', 'Mine/Old.md'],
  ]),
};

describe('the daily note', () => {
  it('has exactly the contract’s frontmatter', () => {
    expect(readFrontmatter(renderDailyNote(input))).toEqual({
      date: '2026-05-29',
      announced: '2026-05-28T20:00:00-04:00',
      papers: 2,
      keywords: ['Diffusion', 'LMs'],
      matches: ['Diffusion: 1', 'LMs: 2'],
      tags: ['paper-feed/daily'],
    });
  });

  it('says which announcement it covers and counts in total and per group', () => {
    const lines = dailyBlock(input).split('\n');
    expect(lines[0]).toBe('Listing of Friday 29 May 2026, announced 20:00 ET on Thursday 28 May 2026 · cs.LG, cs.CL');
    expect(lines[2]).toBe('**2 papers matched** — Diffusion 1 · LMs 2 · Empty 0 · 1 updated');
  });

  it('shows a paper of two groups in full under the first and names it under the second', () => {
    const block = dailyBlock(input);
    const link = '[[arXiv/Papers/Diffusion models are language models|Diffusion models are language models]]';
    expect(block.split(`### ${link}`)).toHaveLength(2);
    expect(block).toContain(`## LMs (2)\n\n### [[arXiv/Papers/A language model|A language model]]`);
    expect(block).toContain(`Also in this group:\n- ${link} — shown under Diffusion`);
    expect(block).not.toContain('## Empty');
  });

  it('gives each paper a heading link, one line of facts and a folded abstract', () => {
    const block = dailyBlock(input);
    expect(block).toContain(
      [
        '### [[arXiv/Papers/Diffusion models are language models|Diffusion models are language models]]',
        'A One, B Two, C Three et al. · cs.CL, cs.LG · [arXiv:2605.00003](https://arxiv.org/abs/2605.00003) · [PDF](https://arxiv.org/pdf/2605.00003v1) · also in LMs',
        '',
        '> [!abstract]- Abstract',
        '> First $x$ paragraph.',
        '>',
        '> Second \\# paragraph.',
      ].join('\n'),
    );
  });

  it('lists new versions of papers with notes under Updated', () => {
    expect(dailyBlock(input)).toContain(
      '## Updated (1)\n\nNew versions of papers you have notes for:\n\n- [[Mine/Old|Old paper]] — v3 · [arXiv:2604.00009](https://arxiv.org/abs/2604.00009) · [PDF](https://arxiv.org/pdf/2604.00009v3)',
    );
  });

  it('links a note whose path cannot be a wikilink target the Markdown way', () => {
    const odd = { ...input, notePaths: new Map([...input.notePaths, ['2605.00002', 'Odd/#1 [draft].md']]) };
    expect(dailyBlock(odd)).toContain('### [A language model](<Odd/%231%20%5Bdraft%5D.md>)');
  });

  it('says so when nothing matched', () => {
    const empty = selectPapers(makeAnnouncement([makePaper({ title: 'Unrelated' })]), config, new Map());
    const block = dailyBlock({ announcement, selection: empty, notePaths: new Map() });
    expect(block.split('\n').slice(2)).toEqual([
      '**0 papers matched** — Diffusion 0 · LMs 0 · Empty 0',
      '',
      'No new papers matched your groups in this announcement.',
    ]);
  });

  it('rewrites only its block and keys on a rerun, keeping what the person added', () => {
    const text = renderDailyNote(input)
      .replace('tags:\n', 'mood: good\ntags:\n')
      .replace(BLOCK_START, `Morning plan.\n${BLOCK_START}`)
      .concat('\n## My reading\n- [ ] read the first one\n');
    expect(updateDailyNote(text, input)).toBe(text);
    const fewer = { ...input, selection: selectPapers(makeAnnouncement([lm]), config, new Map()) };
    const out = updateDailyNote(text, fewer);
    expect(readFrontmatter(out)).toMatchObject({ papers: 1, keywords: ['Diffusion', 'LMs'], mood: 'good' });
    expect(out).toContain(`Morning plan.\n${BLOCK_START}\n`);
    expect(out.endsWith(`${BLOCK_END}\n\n## My reading\n- [ ] read the first one\n`)).toBe(true);
    expect(out).not.toContain('Diffusion models are language models');
  });
});
