// Shared by the CLI tests: the built CLI (rebuilt when older than its sources), a way to run it
// as a child process, the folders a test runs it in, and the feeds the local arXiv stand-in serves.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import { runProcess, type ProcessResult } from '../support/process';
import { SAMPLE_ANNOUNCEMENT_XML } from '../../core/node/sample/announcement';

export const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
export const CLI = join(REPO, 'dist', 'cli', 'paper-feed.js');
/** The feed path for the default categories. */
export const DEFAULT_FEED_PATH = '/rss/cs.LG+cs.CL+cs.AI+cs.CV+stat.ML';

function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Builds dist/cli/paper-feed.js with the project's own build when it is missing or stale. */
export function ensureBuiltCli(): void {
  const sources = Math.max(newest(join(REPO, 'core')), newest(join(REPO, 'esbuild.config.mjs')));
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= sources) return;
  const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: REPO, encoding: 'utf8' });
  if (!existsSync(CLI) || statSync(CLI).mtimeMs < sources) {
    throw new Error(`The CLI could not be built:\n${build.stderr}`);
  }
}

/** What the CLI tests of one file share; read it inside a test (each test gets new folders). */
export interface CliWorkspace {
  /** The arXiv stand-in, one for the whole file. */
  readonly arxiv: ArxivStandIn;
  /** A new folder per test, the CLI's working folder; removed after the test. */
  readonly work: string;
  /** `vault` inside `work` (not created: the CLI makes it). */
  readonly vault: string;
}

/**
 * Registers the hooks every CLI test file repeated: the CLI built (unless `build` is false, for
 * tests that run it in-process), an arXiv stand-in for the file (unless `arxiv` is false), and a
 * fresh work folder per test. Hooks the file registers after this one run after it.
 */
export function useCliWorkspace(prefix: string, options: { build?: boolean; arxiv?: boolean } = {}): CliWorkspace {
  let arxiv: ArxivStandIn | undefined;
  let work: string | undefined;
  beforeAll(async () => {
    if (options.build !== false) ensureBuiltCli();
    if (options.arxiv !== false) arxiv = await startArxivServer();
  }, 120_000);
  afterAll(async () => {
    await arxiv?.close();
  });
  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} exists only inside a test`);
    return value;
  };
  return {
    get arxiv() {
      return started(arxiv, 'The arXiv stand-in');
    },
    get work() {
      return started(work, 'The work folder');
    },
    get vault() {
      return join(started(work, 'The work folder'), 'vault');
    },
  };
}

export type CliResult = ProcessResult;

/** Runs the built CLI in `cwd` with a clean environment (no PAPER_FEED_* from the caller). */
export function runBuiltCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PAPER_FEED_')));
  return runProcess(process.execPath, [CLI, ...args], { cwd, env: { ...inherited, ...env } });
}

/** The bundled sample, re-dated: a feed the tests can tell apart from `--sample`. */
export function feedDated(rfc822: string, xml = SAMPLE_ANNOUNCEMENT_XML): string {
  return xml.replaceAll('Fri, 29 May 2026 00:00:00 -0400', rfc822);
}

/** A feed with no items, as arXiv serves on days without an announcement. */
export function emptyFeed(rfc822: string): string {
  const head = SAMPLE_ANNOUNCEMENT_XML.slice(0, SAMPLE_ANNOUNCEMENT_XML.indexOf('    <item>'));
  return feedDated(rfc822, `${head}  </channel>\n</rss>\n`);
}

/** One item of the sample feed, by arXiv id, as XML. */
export function sampleItem(id: string): string {
  const start = SAMPLE_ANNOUNCEMENT_XML.indexOf(`<link>https://arxiv.org/abs/${id}</link>`);
  const open = SAMPLE_ANNOUNCEMENT_XML.lastIndexOf('    <item>', start);
  const close = SAMPLE_ANNOUNCEMENT_XML.indexOf('</item>', start) + '</item>'.length;
  if (start < 0) throw new Error(`no item ${id} in the sample`);
  return SAMPLE_ANNOUNCEMENT_XML.slice(open, close);
}

/** The item re-announced as a replacement: version `version`, its abstract starting with `prefix`. */
export function asReplacement(item: string, version: number, prefix: string): string {
  return item
    .replace(/v1 Announce Type: new \nAbstract: /, `v${version} Announce Type: replace \nAbstract: ${prefix}`)
    .replace(/(oai:arXiv\.org:[\d.]+)v1/, `$1v${version}`)
    .replace('<arxiv:announce_type>new</arxiv:announce_type>', '<arxiv:announce_type>replace</arxiv:announce_type>');
}

/** A feed dated `rfc822` holding just `items`. */
export function feedWith(rfc822: string, items: string[]): string {
  const empty = emptyFeed(rfc822);
  const end = empty.indexOf('  </channel>');
  return `${empty.slice(0, end)}${items.join('\n')}\n${empty.slice(end)}`;
}

/** Every Markdown note under `dir` (relative path → mtime). */
export async function noteTimes(dir: string): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.md')) {
      const full = join(entry.parentPath, entry.name);
      times[full.slice(dir.length + 1)] = (await stat(full)).mtimeMs;
    }
  }
  return times;
}

export async function readNote(vault: string, path: string): Promise<string> {
  return readFile(join(vault, path), 'utf8');
}
