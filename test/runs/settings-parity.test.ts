// One settings check for every host: the same wrong setting through the CLI, the Obsidian plugin
// and the VS Code extension stops the fetch with the same sentence, naming the setting and what
// to write; only "Fix it in …" names each host's own place for it. Nothing reaches arXiv.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from 'vscode';
import { runCliIn } from '../cli/in-process';
import { loadPlugin, newApp, notices, settle, storeSettings } from '../obsidian/support/harness';
import { startExtension } from '../vscode/support/extension-harness';
import { createFakeClock } from '../support/fake-clock';
import { useHosts } from './hosts';

interface Case {
  name: string;
  /** The setting's key and its wrong value; `config` keys live in the config in each host. */
  key: 'rssBase' | 'apiBase' | 'citationFormat';
  value: unknown;
  sentence: string;
}

const CASES: Case[] = [
  {
    name: 'a feed address without http://',
    key: 'rssBase',
    value: 'rss.arxiv.org/rss',
    sentence: `rssBase: "rss.arxiv.org/rss" is not a web address; write one starting with http:// or https://, such as https://rss.arxiv.org/rss, or leave it empty for arXiv's own.`,
  },
  {
    name: 'a feed address on FTP',
    key: 'rssBase',
    value: 'ftp://mirror.example.org/rss',
    sentence: `rssBase: "ftp://mirror.example.org/rss" is not a web address; write one starting with http:// or https://, such as https://rss.arxiv.org/rss, or leave it empty for arXiv's own.`,
  },
  {
    name: 'an API address that is not a URL',
    key: 'apiBase',
    value: 'export arxiv',
    sentence: `apiBase: "export arxiv" is not a web address; write one starting with http:// or https://, such as https://export.arxiv.org/api/query, or leave it empty for arXiv's own.`,
  },
  {
    name: 'a citation format no host has',
    key: 'citationFormat',
    value: 'apa',
    sentence: 'citationFormat: "apa" is not one of "pandoc", "wikilink", "markdown", "arxiv".',
  },
];

const hosts = useHosts();

/** The CLI: the addresses are options, the citation format is in the config file. */
async function cliMessage(c: Case): Promise<string> {
  const addresses: Record<string, string> = { '--rss-base': hosts.server.url('/rss'), '--api-base': hosts.server.url('/api/query') };
  if (c.key === 'citationFormat') await writeFile(join(hosts.work, 'paper-feed.config.json'), JSON.stringify({ citationFormat: c.value }));
  else addresses[c.key === 'rssBase' ? '--rss-base' : '--api-base'] = c.value as string;
  const argv = ['daily', '--vault', 'v', ...Object.entries(addresses).flat()];
  const result = await runCliIn(hosts.work, argv, { clock: createFakeClock() });
  expect(result.code).toBe(2);
  return result.stderr.trimEnd();
}

async function obsidianMessage(c: Case): Promise<string> {
  const app = newApp();
  const stored = c.key === 'citationFormat' ? { config: { citationFormat: c.value } } : { [c.key]: c.value };
  await storeSettings(app, { rssBase: hosts.server.url('/rss'), apiBase: hosts.server.url('/api/query'), linkFromDailyNote: false, ...stored });
  const plugin = await loadPlugin(app);
  const outcome = await plugin.fetcher.fetchToday('command');
  await settle(app, plugin);
  expect(outcome.kind).toBe('failed');
  return notices().at(-1)!;
}

async function vscodeMessage(c: Case): Promise<string> {
  hosts.vscode = await startExtension({
    settings: {
      'paperFeed.rssBase': hosts.server.url('/rss'),
      'paperFeed.apiBase': hosts.server.url('/api/query'),
      'paperFeed.fetchOnOpen': false,
      [`paperFeed.${c.key}`]: c.value,
    },
  });
  const outcome = await commands.executeCommand<{ status: string; message: string }>('paperFeed.refresh');
  expect(outcome.status).toBe('failed');
  return outcome.message;
}

describe('the same wrong setting in every host', () => {
  it.each(CASES)('$name: one sentence, each host naming where to fix it', async (c) => {
    const configFile = join(hosts.work, 'paper-feed.config.json');
    const cliPlace = c.key === 'citationFormat' ? configFile : `the ${c.key === 'rssBase' ? '--rss-base' : '--api-base'} option`;
    expect(await cliMessage(c)).toBe(`${c.sentence} Fix it in ${cliPlace}.`);
    expect(await obsidianMessage(c)).toBe(`${c.sentence} Fix it in the Paper Feed settings.`);
    expect(await vscodeMessage(c)).toBe(`${c.sentence} Fix it in the Paper Feed settings (paperFeed.*).`);
    expect(hosts.server.requests).toEqual([]);
  });
});
