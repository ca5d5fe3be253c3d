// A folder setting that leaves the vault (`../../etc`, an absolute path, a drive) is refused with a
// line naming the setting, in the core, in the CLI's config file and in the Obsidian settings,
// before anything is fetched or written. A folder that is accepted always stays inside.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { validateConfig } from '../../core/config-validate';
import { isPaperFeedError } from '../../core/errors';
import { kit } from '../stand-ins/obsidian';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import { differences, ensureBuiltCli, runCli, snapshot } from './cli-host';
import { nameProblem } from './checks';
import { HOSTILE_PIECES, PROPERTY_RUNS } from './hostile';
import { loadPlugin, newApp, settle } from './obsidian-host';

const ESCAPES: Array<[string, string]> = [
  ['../../etc', '"../../etc" climbs out of the vault with ".."; use a folder inside the vault.'],
  ['arXiv/../../..', '"arXiv/../../.." climbs out of the vault with ".."; use a folder inside the vault.'],
  ['..\\..\\Windows', '"..\\\\..\\\\Windows" climbs out of the vault with ".."; use a folder inside the vault.'],
  ['/etc', '"/etc" is an absolute path; use a folder inside the vault, such as "arXiv/Daily".'],
  ['\\\\server\\share', '"\\\\\\\\server\\\\share" is an absolute path; use a folder inside the vault, such as "arXiv/Daily".'],
  ['C:\\Users\\me', '"C:\\\\Users\\\\me" is a drive path; use a folder inside the vault, such as "arXiv/Daily".'],
];

function problemOf(config: unknown, source?: string): string {
  try {
    validateConfig(config, source);
  } catch (error) {
    if (isPaperFeedError(error) && error.kind === 'bad-config') return error.message;
    throw error;
  }
  return 'accepted';
}

describe('folders outside the vault', () => {
  it.each(ESCAPES)('the core refuses %s, naming the setting', (folder, problem) => {
    expect(problemOf({ folders: { papers: folder } })).toBe(`folders.papers: ${problem}`);
    expect(problemOf({ folders: { daily: folder } }, 'paper-feed.json')).toBe(`folders.daily: ${problem} Fix it in paper-feed.json.`);
  });

  it(`accepts only folders that stay inside the vault under portable names (${PROPERTY_RUNS} runs)`, () => {
    const segment = fc.oneof(fc.constantFrom(...HOSTILE_PIECES, 'arXiv', 'Papers', '論文', '.', '..', ''), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), fc.constantFrom('/', '\\'), (parts, separator) => {
        const folder = parts.join(separator);
        let accepted: string;
        try {
          accepted = validateConfig({ folders: { papers: folder } }).folders.papers;
        } catch (error) {
          expect(isPaperFeedError(error) && error.kind === 'bad-config').toBe(true);
          // One line: nothing in it that breaks or reorders a line.
          expect((error as Error).message).toMatch(/^folders\.papers: [^\n\r\u0085\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+\.$/);
          return;
        }
        if (accepted === '') return;
        expect(posix.isAbsolute(accepted) || /^[A-Za-z]:/.test(accepted) || accepted.includes('\\')).toBe(false);
        expect(posix.normalize(`${accepted}/note.md`)).toBe(`${accepted}/note.md`);
        for (const part of accepted.split('/')) expect({ part, problem: nameProblem(`${part}.md`) }).toEqual({ part, problem: null });
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});

describe('the CLI with a config file whose folder leaves the vault', () => {
  let server: ArxivStandIn;
  let work: string;
  beforeAll(async () => {
    ensureBuiltCli();
    server = await startArxivServer({ maxRequests: 20, lifetimeMs: 600_000 });
    work = await mkdtemp(join(tmpdir(), 'pf-folders-'));
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await rm(work, { recursive: true, force: true });
  });

  it.each([
    ['daily', '../../etc'],
    ['papers', '/tmp/paper-feed-escape'],
  ])('refuses folders.%s = %s before asking arXiv, and writes nothing anywhere', async (key, folder) => {
    const home = join(work, key, 'deep', 'er');
    const vault = join(home, 'vault');
    await mkdir(vault, { recursive: true });
    await writeFile(join(home, 'paper-feed.json'), JSON.stringify({ folders: { [key]: folder } }));
    const before = await snapshot(join(work, key));
    const result = await runCli(['daily', '--vault', vault, '--config', 'paper-feed.json', '--rss-base', server.url('/rss')], home);
    const problem = folder.startsWith('/')
      ? `"${folder}" is an absolute path; use a folder inside the vault, such as "arXiv/Daily".`
      : `"${folder}" climbs out of the vault with ".."; use a folder inside the vault.`;
    expect(result).toEqual({ code: 2, signal: null, stdout: '', stderr: `folders.${key}: ${problem} Fix it in ${join(home, 'paper-feed.json')}.\n` });
    expect(server.count()).toBe(0);
    expect(differences(before, await snapshot(join(work, key)))).toEqual([]);
    expect(existsSync('/tmp/paper-feed-escape')).toBe(false);
  });
});

describe('the Obsidian plugin with a saved folder that leaves the vault', () => {
  it('says so once at load, refuses to fetch with the same line, and writes nothing', async () => {
    kit.reset();
    const server = await startArxivServer({ maxRequests: 20, lifetimeMs: 300_000 });
    try {
      const app = newApp();
      const plugin = await loadPlugin(app, { rssBase: server.url('/rss'), config: { folders: { papers: '../../etc' } } });
      const problem = 'folders.papers: "../../etc" climbs out of the vault with ".."; use a folder inside the vault. Fix it in the Paper Feed settings.';
      expect(kit.messages()).toEqual([`${problem} Paper Feed will not fetch until it is fixed.`]);
      await plugin.fetcher.fetchToday('command');
      await settle(app, plugin);
      expect(kit.messages()).toEqual([`${problem} Paper Feed will not fetch until it is fixed.`, problem]);
      expect(server.count()).toBe(0);
      expect(app.vault.snapshot()).toEqual({});
    } finally {
      await server.close();
      kit.reset();
    }
  });
});
