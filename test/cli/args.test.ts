// The command line parser: commands, both flag forms, repeatable flags, and one clear line for
// every mistake.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../core/node/cli/args';

const defaults = {
  vault: './vault',
  keywords: [],
  categories: [],
  sample: false,
  checkAll: false,
  checkUpdates: false,
  json: false,
  quiet: false,
  force: false,
};

describe('parseArgs', () => {
  it('reads daily with every kind of flag', () => {
    expect(
      parseArgs([
        'daily',
        '--vault',
        'My Vault',
        '--keyword',
        'flow matching',
        '--keyword=diffusion model',
        '--category',
        'cs.LG',
        '--sample',
        '--json',
        '--rss-base=http://127.0.0.1:9/rss',
      ]),
    ).toEqual({
      ...defaults,
      command: 'daily',
      vault: 'My Vault',
      keywords: ['flow matching', 'diffusion model'],
      categories: ['cs.LG'],
      sample: true,
      json: true,
      rssBase: 'http://127.0.0.1:9/rss',
    });
  });

  it('reads init with what it sets up; its vault is the current folder unless given', () => {
    expect(parseArgs(['init', 'github-actions'])).toEqual({ ...defaults, command: 'init', target: 'github-actions', vault: '.' });
    expect(parseArgs(['init', 'github-actions', '--vault', 'notes', '--force'])).toEqual({
      ...defaults,
      command: 'init',
      target: 'github-actions',
      vault: 'notes',
      force: true,
    });
  });

  it.each([
    [['init'], '"paper-feed init" needs what to set up: github-actions'],
    [['init', '--force'], '"paper-feed init" needs what to set up: github-actions'],
    [['init', 'gitlab'], '"paper-feed init" cannot set up "gitlab"; it sets up github-actions'],
    [['daily', '--force'], '--force only works with "paper-feed init"'],
  ])('refuses init mistakes: %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(expect.objectContaining({ kind: 'bad-config', message: `${message}; run "paper-feed help" to see the options.` }));
  });

  it('reads update, and daily with --check-updates and an API address', () => {
    expect(parseArgs(['update', '--vault', 'V', '--api-base', 'http://x/api'])).toEqual({
      ...defaults,
      command: 'update',
      vault: 'V',
      apiBase: 'http://x/api',
    });
    expect(parseArgs(['daily', '--check-updates'])).toEqual({ ...defaults, command: 'daily', checkUpdates: true });
    expect(() => parseArgs(['update', '--check-updates'])).toThrow('--check-updates only works with "paper-feed daily"');
  });

  it('reads range with its dates', () => {
    expect(parseArgs(['range', '--from', '2026-05-01', '--to=2026-05-29', '--quiet', '--check-all', '--api-base', 'http://x/api'])).toEqual({
      ...defaults,
      checkAll: true,
      command: 'range',
      from: '2026-05-01',
      to: '2026-05-29',
      quiet: true,
      apiBase: 'http://x/api',
    });
  });

  it('treats flags without a command as daily, and nothing at all as help', () => {
    expect(parseArgs(['--sample']).command).toBe('daily');
    expect(parseArgs([]).command).toBe('help');
    expect(parseArgs(['daily', '--help']).command).toBe('help');
    expect(parseArgs(['-v']).command).toBe('version');
  });

  const mistakes: Array<[string[], string]> = [
    [['dialy'], 'Unknown command "dialy"; the commands are daily, update, range, zotero, doctor, init and help'],
    [['daily', '--vualt', 'x'], 'Unknown option --vualt'],
    [['daily', '--vault'], '--vault needs a value (a folder)'],
    [['daily', '--vault', '--json'], '--vault needs a value (a folder)'],
    [['daily', '--keyword='], '--keyword needs a value (a phrase)'],
    [['daily', '--vault', 'a', '--vault', 'b'], '--vault is given twice'],
    [['daily', '--json=yes'], '--json takes no value'],
    [['daily', 'extra'], 'Unexpected argument "extra"'],
    [['daily', '--from', '2026-05-01'], '--from only works with "paper-feed range"'],
    [['zotero', '2401.01234'], '"paper-feed zotero" needs "add" and an arXiv id, as in "paper-feed zotero add 2401.01234"'],
    [['zotero', 'add'], '"paper-feed zotero" needs "add" and an arXiv id, as in "paper-feed zotero add 2401.01234"'],
    [['range', '--sample', '--from', 'a', '--to', 'b'], '--sample only works with "paper-feed daily/zotero"'],
    [['range', '--from', '2026-05-01'], '"paper-feed range" needs --from YYYY-MM-DD and --to YYYY-MM-DD'],
  ];
  for (const [argv, message] of mistakes) {
    it(`rejects ${argv.join(' ')}`, () => {
      expect(() => parseArgs(argv)).toThrow(expect.objectContaining({ kind: 'bad-config', message: `${message}; run "paper-feed help" to see the options.` }));
    });
  }
});
