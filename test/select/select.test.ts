import { describe, expect, it } from 'vitest';
import { selectPapers } from '../../core/select/select';
import { DEFAULT_CONFIG, type KeywordGroup, type PaperFeedConfig } from '../../core/config';
import type { IndexedPaperNote } from '../../core/vault/store';
import { isPaperFeedError } from '../../core/errors';
import { makeAnnouncement, makePaper } from '../support/papers';

const none = new Map<string, IndexedPaperNote>();
const config = (groups: KeywordGroup[], more: Partial<PaperFeedConfig> = {}): PaperFeedConfig => ({ ...DEFAULT_CONFIG, groups, ...more });
const ids = (papers: Array<{ id: string }>) => papers.map((p) => p.id);

describe('selectPapers', () => {
  const a = makePaper({ id: '2605.00001', title: 'Diffusion models for proteins' });
  const b = makePaper({ id: '2605.00002', title: 'A language model for proteins' });
  const c = makePaper({ id: '2605.00003', title: 'Diffusion models are language models' });
  const d = makePaper({ id: '2605.00004', title: 'Nothing relevant' });
  const groups: KeywordGroup[] = [
    { name: 'Diffusion', include: ['diffusion model'] },
    { name: 'LMs', include: ['language model'] },
  ];

  it('keeps arXiv order within each group and lists a paper in every group it matches, once overall', () => {
    const s = selectPapers(makeAnnouncement([c, d, a, b]), config(groups), none);
    expect(s.groups.map((g) => [g.name, ids(g.papers)])).toEqual([
      ['Diffusion', ['2605.00003', '2605.00001']],
      ['LMs', ['2605.00003', '2605.00002']],
    ]);
    expect(ids(s.matched)).toEqual(['2605.00003', '2605.00001', '2605.00002']);
    expect(s.groupsOf.get('2605.00003')).toEqual(['Diffusion', 'LMs']);
    expect(s.groupsOf.has('2605.00004')).toBe(false);
  });

  it('drops a paper a group excludes, only from that group', () => {
    const s = selectPapers(makeAnnouncement([a, b, c]), config([{ name: 'Diffusion', include: ['diffusion'], exclude: ['language model'] }, groups[1]!]), none);
    expect(ids(s.groups[0]!.papers)).toEqual(['2605.00001']);
    expect(ids(s.groups[1]!.papers)).toEqual(['2605.00002', '2605.00003']);
  });

  it('limits a group to categories or whole archives, looking at every category of a paper', () => {
    const lg = makePaper({ id: '2605.00010', title: 'diffusion', categories: ['stat.ML', 'cs.LG'] });
    const ph = makePaper({ id: '2605.00011', title: 'diffusion', categories: ['math-ph'] });
    const ma = makePaper({ id: '2605.00012', title: 'diffusion', categories: ['math.PR'] });
    const run = (categories: string[]) =>
      ids(selectPapers(makeAnnouncement([lg, ph, ma]), config([{ name: 'g', include: ['diffusion'], categories }]), none).matched);
    expect(run(['cs.LG'])).toEqual(['2605.00010']);
    expect(run(['cs'])).toEqual(['2605.00010']);
    expect(run(['math'])).toEqual(['2605.00012']);
    expect(run(['math-ph'])).toEqual(['2605.00011']);
  });

  it('treats a group with only categories as following the whole category', () => {
    const s = selectPapers(
      makeAnnouncement([a, makePaper({ id: '2605.00020', categories: ['cs.RO'] })]),
      config([{ name: 'Robots', include: [], categories: ['cs.RO'] }]),
      none,
    );
    expect(ids(s.matched)).toEqual(['2605.00020']);
  });

  it('follows authors however their names are written', () => {
    const paper = makePaper({ id: '2605.00030', title: 'Unrelated', authors: ['Jürgen Schmidhuber', 'Rémy Martin'] });
    const follow = (authors: string[]) => selectPapers(makeAnnouncement([paper]), config([{ name: 'People', include: [], authors }]), none).matched.length;
    expect(follow(['Juergen X'])).toBe(0);
    expect(follow(['Jurgen Schmidhuber'])).toBe(1);
    expect(follow(['Schmidhuber, Jürgen'])).toBe(1);
    expect(follow(['J. Schmidhuber'])).toBe(1);
    expect(follow(['Remy Martin'])).toBe(1);
    expect(follow(['Paul Martin'])).toBe(0);
  });

  it('counts new submissions and cross-lists by default, not replacements', () => {
    const cross = makePaper({ id: '2605.00041', title: 'diffusion model', announceType: 'cross' });
    const repl = makePaper({ id: '2605.00042', title: 'diffusion model', announceType: 'replace', version: 2 });
    const api = makePaper({ id: '2605.00043', title: 'diffusion model' });
    delete (api as { announceType?: string }).announceType;
    const s = selectPapers(makeAnnouncement([cross, repl, api]), config(groups), none);
    expect(ids(s.matched)).toEqual(['2605.00041', '2605.00043']);
    expect(s.updated).toEqual([]);
    const all = selectPapers(makeAnnouncement([cross, repl]), config(groups, { announceTypes: ['replace'] }), none);
    expect(ids(all.matched)).toEqual(['2605.00042']);
  });

  it('lists replacements of papers that have notes as updated, when tracking updates', () => {
    const known = new Map([['2605.00052', { path: 'x.md', version: 1 }]]);
    const mine = makePaper({ id: '2605.00052', title: 'Unrelated', announceType: 'replace', version: 2 });
    const other = makePaper({ id: '2605.00053', title: 'Unrelated', announceType: 'replace-cross', version: 2 });
    const s = selectPapers(makeAnnouncement([mine, other]), config(groups), known);
    expect(ids(s.updated)).toEqual(['2605.00052']);
    expect(selectPapers(makeAnnouncement([mine]), config(groups, { trackUpdates: false }), known).updated).toEqual([]);
  });

  it('reports an invalid regular expression as bad-config naming the group and the rule', () => {
    try {
      selectPapers(makeAnnouncement([a]), config([groups[0]!, { name: 'Broken', include: ['ok', '/foo(/'] }]), none);
      expect.unreachable();
    } catch (e) {
      expect(isPaperFeedError(e) && e.kind).toBe('bad-config');
      expect((e as Error).message).toBe('groups[1].include[1] (group "Broken"): "/foo(/" is not a valid regular expression (Unterminated group).');
    }
  });

  it('recompiles when the same config object is edited in place', () => {
    const cfg = config([{ name: 'g', include: ['diffusion model'] }]);
    expect(selectPapers(makeAnnouncement([a, b]), cfg, none).matched.length).toBe(1);
    cfg.groups[0]!.include = ['language model', 'diffusion model'];
    expect(selectPapers(makeAnnouncement([a, b]), cfg, none).matched.length).toBe(2);
  });
});
