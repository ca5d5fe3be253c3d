import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../core/config-validate';
import { DEFAULT_CONFIG } from '../../core/config';
import { PaperFeedError } from '../../core/errors';

function problem(input: unknown, source?: string): string {
  try {
    validateConfig(input, source);
  } catch (e) {
    expect(e).toBeInstanceOf(PaperFeedError);
    expect((e as PaperFeedError).kind).toBe('bad-config');
    return (e as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

describe('validateConfig', () => {
  it('fills what the config leaves out from the defaults, without sharing their objects', () => {
    const config = validateConfig({ categories: ['cs.RO'] });
    expect(config).toEqual({ ...DEFAULT_CONFIG, categories: ['cs.RO'] });
    config.groups.push({ name: 'x', include: ['y'] });
    expect(DEFAULT_CONFIG.groups).toHaveLength(3);
    expect(validateConfig(undefined)).toEqual(DEFAULT_CONFIG);
  });

  it('accepts every category form arXiv uses', () => {
    const categories = ['cs', 'cs.LG', 'math-ph', 'hep-th', 'physics.optics', 'q-bio.NC', 'cond-mat.stat-mech', 'astro-ph.CO'];
    expect(validateConfig({ categories }).categories).toEqual(categories);
  });

  it('names the key and what is wrong, in one line', () => {
    expect(
      problem({
        groups: [
          { name: 'a', include: ['x'] },
          { name: 'b', include: ['/foo(/'] },
        ],
      }),
    ).toBe('groups[1].include[0]: "/foo(/" is not a valid regular expression (Unterminated group).');
    expect(problem({ categories: ['cs.LG', 'cs LG'] })).toBe(
      'categories[1]: "cs LG" is not an arXiv category; write an archive ("cs", "math-ph") or archive.CLASS ("cs.LG", "q-bio.NC").',
    );
    expect(problem({ categories: [] })).toBe('categories: is empty; list at least one arXiv category such as "cs.LG".');
    expect(problem({ trackUpdates: 'yes' })).toBe('trackUpdates: must be true or false.');
    expect(problem({ paperNoteName: 'slug' })).toBe('paperNoteName: "slug" is not one of "title", "id", "id-title".');
    expect(problem({ announceTypes: ['new', 'old'] })).toBe(
      'announceTypes[1]: "old" is not an announce type; use "new", "cross", "replace" or "replace-cross".',
    );
  });

  it('says where to fix it when it knows the file', () => {
    expect(problem({ citationFormat: 'apa' }, 'paper-feed.json')).toBe(
      'citationFormat: "apa" is not one of "pandoc", "wikilink", "markdown", "arxiv". Fix it in paper-feed.json.',
    );
  });

  it('suggests the key a typo meant', () => {
    expect(problem({ categroies: ['cs.LG'] })).toBe('config: "categroies" is not a setting; did you mean "categories"?');
    expect(problem({ groups: [{ name: 'a', inclde: ['x'] }] })).toBe('groups[0]: "inclde" is not a setting; did you mean "include"?');
  });

  it('checks groups: names, rules, fields, authors', () => {
    expect(problem({ groups: [{ name: ' ', include: ['x'] }] })).toBe('groups[0].name: must be a non-empty name.');
    expect(
      problem({
        groups: [
          { name: 'A', include: ['x'] },
          { name: 'a', include: ['y'] },
        ],
      }),
    ).toBe('groups[1].name: "a" is also the name of groups[0]; give each group its own name.');
    expect(problem({ groups: [{ name: 'A', include: [''] }] })).toBe('groups[0].include[0]: is empty; write a phrase or "/regex/flags".');
    expect(problem({ groups: [{ name: 'A', include: ['--'] }] })).toBe('groups[0].include[0]: "--" has no letters or digits to look for.');
    expect(problem({ groups: [{ name: 'A', include: [{ match: 'x', in: ['body'] }] }] })).toBe(
      'groups[0].include[0].in[0]: "body" is not a field; use "title", "abstract", "authors" or "comment".',
    );
    expect(problem({ groups: [{ name: 'A', include: [], exclude: ['x'] }] })).toBe(
      'groups[0]: group "A" has no include rules, authors or categories, so it can never match; add one of them.',
    );
    expect(problem({ groups: [{ name: 'A', include: [], authors: [3] }] })).toBe('groups[0].authors[0]: 3 is not an author name.');
  });

  it('keeps folders inside the vault', () => {
    const folderProblem = (daily: string) => problem({ folders: { daily } });
    expect(folderProblem('../Elsewhere')).toBe('folders.daily: "../Elsewhere" climbs out of the vault with ".."; use a folder inside the vault.');
    expect(folderProblem('/home/me/notes')).toBe('folders.daily: "/home/me/notes" is an absolute path; use a folder inside the vault, such as "arXiv/Daily".');
    expect(folderProblem('C:\\notes')).toBe('folders.daily: "C:\\\\notes" is a drive path; use a folder inside the vault, such as "arXiv/Daily".');
    expect(folderProblem('arXiv/.hidden')).toBe('folders.daily: "arXiv/.hidden" has a folder ".hidden" starting with a dot, which Obsidian hides.');
    expect(folderProblem('arXiv: Daily')).toMatch(/^folders\.daily: "arXiv: Daily" has a folder name "arXiv: Daily" that is not valid/);
    expect(validateConfig({ folders: { daily: 'Research\\arXiv//Daily/' } }).folders).toEqual({ daily: 'Research/arXiv/Daily', papers: 'arXiv/Papers' });
    expect(validateConfig({ folders: { papers: '' } }).folders.papers).toBe('');
  });

  it('rejects a config that is not an object', () => {
    expect(problem([1, 2])).toBe('config: must be a JSON object with keys such as "categories" and "groups".');
  });
});
