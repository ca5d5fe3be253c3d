// The daily note's "Trends" — matches per group today, over the last 7 and
// 30 announcements (arXiv's calendar: no Friday or Saturday evenings), and what is new lately —
// read from the tallies earlier daily notes record, asked for date by date.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type PaperFeedConfig } from '../../core/config';
import { readFrontmatter } from '../../core/notes/frontmatter';
import { readTally } from '../../core/notes/digest-tally';
import type { DigestTally } from '../../core/vault/store';
import { buildVaultIndex } from '../../core/notes/index-of-texts';
import { planNoteWrites } from '../../core/notes/plan';
import { trendsLines, trendsOf } from '../../core/notes/trends';
import { writeAnnouncement } from '../../core/notes/write';
import { selectPapers } from '../../core/select/select';
import { MemoryStore } from '../../core/notes/memory-store';
import { makeAnnouncement, makePaper } from '../support/papers';

const tally = (groups: Record<string, number>, authors: string[] = []): DigestTally => ({ groups: new Map(Object.entries(groups)), authors });
const GROUPS = ['Language models', 'Diffusion', 'A | B'];

/** Listing dates before Friday 2026-05-29, latest first: Thu 28, Wed 27, Tue 26, Mon 25, Fri 22, … */
const BEFORE = ['2026-05-28', '2026-05-27', '2026-05-26', '2026-05-25', '2026-05-22', '2026-05-21', '2026-05-20', '2026-05-19'];

describe('trends', () => {
  it('are left out when no earlier announcement has a digest', () => {
    expect(trendsOf('2026-05-29', tally({ 'Language models': 3 }), GROUPS, new Map())).toBeUndefined();
    // A tally on a Sunday (no listing that day) is not an announcement's.
    expect(trendsOf('2026-05-29', tally({}), GROUPS, new Map([['2026-05-24', tally({ Diffusion: 1 })]]))).toBeUndefined();
    expect(trendsOf('2026-05-29', tally({}), GROUPS, undefined)).toBeUndefined();
  });

  it('count today, the last 7 and the last 30 announcements on arXiv’s calendar', () => {
    const earlier = new Map<string, DigestTally>([
      [BEFORE[0]!, tally({ 'Language models': 2 })],
      [BEFORE[5]!, tally({ 'Language models': 1, Diffusion: 4 })], // the 7th announcement back, today's counted
      [BEFORE[6]!, tally({ Diffusion: 10 })], // the 8th: only in the last 30
      ['2026-05-23', tally({ Diffusion: 100 })], // a Saturday: no listing, not counted
      ['2026-04-10', tally({ Diffusion: 1000 })], // more than 30 announcements back
    ]);
    const view = trendsOf('2026-05-29', tally({ 'Language models': 5, 'A | B': 1 }), GROUPS, earlier)!;
    expect(view.rows).toEqual([
      { group: 'Language models', today: 5, short: 8, long: 8 },
      { group: 'Diffusion', today: 0, short: 4, long: 14 },
      { group: 'A | B', today: 1, short: 1, long: 1 },
    ]);
    expect(trendsLines(view)).toEqual([
      '## Trends',
      '',
      '| Group | Today | Last 7 | Last 30 |',
      '| --- | ---: | ---: | ---: |',
      '| Language models | 5 | 8 | 8 |',
      '| Diffusion | 0 | 4 | 14 |',
      '| A \\| B | 1 | 1 | 1 |',
      '',
      "Matches over the announcements with a digest in this vault: 3 of the last 7, 4 of the last 30, today's included.",
      '',
      '**New this week:** Language models, A \\| B: matches in the last 7 announcements, none in the 1 before.',
    ]);
  });

  it('name a followed author new only when earlier digests had none of their papers', () => {
    const earlier = new Map<string, DigestTally>([
      [BEFORE[1]!, tally({ People: 1 }, ['Chelsea Finn'])],
      [BEFORE[7]!, tally({ People: 1 }, ['Sergey Levine'])],
    ]);
    const view = trendsOf('2026-05-29', tally({ People: 2 }, ['Sergey Levine', 'Yann LeCun']), ['People'], earlier)!;
    expect([view.newGroups, view.newAuthors]).toEqual([[], ['Yann LeCun', 'Chelsea Finn']]);
    expect(trendsLines(view).at(-1)).toBe(
      '**New this week:** Yann LeCun (followed), Chelsea Finn (followed): matches in the last 7 announcements, none in the 1 before.',
    );
  });

  it('say nothing is new when there is nothing before the last 7 to compare with', () => {
    const view = trendsOf('2026-05-29', tally({ Diffusion: 1 }), GROUPS, new Map([[BEFORE[0]!, tally({})]]))!;
    expect(view.newGroups).toEqual([]);
    expect(trendsLines(view).some((line) => line.startsWith('**New'))).toBe(false);
  });

  it('read back the tally a daily note records, and ignore what is not one', () => {
    expect(readTally(['Language models: 12', 'Odd: name: 3', 'no count'], ['Ada Lovelace', 7])).toEqual(
      tally({ 'Language models': 12, 'Odd: name': 3 }, ['Ada Lovelace']),
    );
    expect(readTally(undefined, ['Ada Lovelace'])).toBeUndefined();
  });
});

describe('the daily note’s trends in a vault', () => {
  const config: PaperFeedConfig = {
    ...DEFAULT_CONFIG,
    groups: [
      { name: 'Language models', include: ['language model'] },
      { name: 'People', include: [], authors: ['Chelsea Finn'] },
    ],
  };
  const day = (date: string, announcedAt: string, papers: Array<{ id: string; title: string; authors?: string[] }>) =>
    makeAnnouncement(
      papers.map((p) => makePaper(p)),
      { date, announcedAt },
    );
  const thursday = day('2026-05-28', '2026-05-27T20:00:00-04:00', [
    { id: '2605.20001', title: 'A language model of cats' },
    { id: '2605.20002', title: 'Another language model' },
  ]);
  const friday = day('2026-05-29', '2026-05-28T20:00:00-04:00', [
    { id: '2605.30001', title: 'A language model of dogs' },
    { id: '2605.30002', title: 'Robots', authors: ['C. Finn'] },
  ]);

  it('record what matched, and show the trends from the earlier digest; a second run writes nothing', async () => {
    const store = new MemoryStore();
    await writeAnnouncement(thursday, config, store);
    const first = store.files.get('arXiv/Daily/2026-05-28.md')!;
    expect(readFrontmatter(first)).toMatchObject({ matches: ['Language models: 2'], followed_authors: [] });
    expect(first).not.toContain('## Trends');

    await writeAnnouncement(friday, config, store);
    const second = store.files.get('arXiv/Daily/2026-05-29.md')!;
    expect(readFrontmatter(second)).toMatchObject({ matches: ['Language models: 1', 'People: 1'], followed_authors: ['Chelsea Finn'] });
    const block = second.slice(second.indexOf('## Trends'), second.indexOf('\n## Language models'));
    expect(block).toBe(
      [
        '## Trends',
        '',
        '| Group | Today | Last 7 | Last 30 |',
        '| --- | ---: | ---: | ---: |',
        '| Language models | 1 | 3 | 3 |',
        '| People | 1 | 1 | 1 |',
        '',
        "Matches over the announcements with a digest in this vault: 2 of the last 7, 2 of the last 30, today's included.",
        '',
      ].join('\n'),
    );
    // Right after the count, before the papers.
    expect(second.indexOf('**2 papers matched**')).toBeLessThan(second.indexOf('## Trends'));

    const writes = store.writes;
    const files = new Map(store.files);
    await writeAnnouncement(friday, config, store);
    await writeAnnouncement(thursday, config, store);
    expect(store.writes).toBe(writes);
    expect(store.files).toEqual(files);
  });

  it('are read from the index one date at a time, never by walking it or opening earlier digests', async () => {
    const store = new MemoryStore();
    await writeAnnouncement(thursday, config, store);
    const full = buildVaultIndex(store.files);
    const walked = () => {
      throw new Error('the planner walked the tallies');
    };
    const asked: string[] = [];
    const tallies = {
      get: (date: string) => (asked.push(date), full.tallies!.get(date)),
      has: (date: string) => full.tallies!.has(date),
      get size(): number {
        return walked();
      },
      forEach: walked,
      entries: walked,
      keys: walked,
      values: walked,
      [Symbol.iterator]: walked,
    } as never;
    const index = { ...full, tallies };
    const plan = planNoteWrites({ announcement: friday, config, selection: selectPapers(friday, config, index.papers), index, existing: new Map() });
    expect(plan.at(-1)!.content).toContain('| Language models | 1 | 3 | 3 |');
    expect(asked).toHaveLength(29);
    expect(asked.slice(0, 3)).toEqual(['2026-05-28', '2026-05-27', '2026-05-26']);
  });
});
