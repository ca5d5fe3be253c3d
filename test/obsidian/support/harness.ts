// Loads the real Paper Feed plugin into the obsidian stand-in: an App with an in-memory vault whose
// config folder is deliberately not ".obsidian", settings pointing at a local arXiv stand-in, and
// helpers to run commands and wait for runs to finish.
import { afterEach, beforeEach, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { App, kit, Vault, type PluginManifest } from '../../stand-ins/obsidian';
import PaperFeedPlugin from '../../../obsidian-plugin/main';
import { createArxivClient, type ArxivClient } from '../../../core/arxiv/polite';
import { requestUrlTransport } from '../../../obsidian-plugin/http';
import { clock } from '../../../obsidian-plugin/notices';
import { startArxivServer, type ArxivStandIn } from '../../support/arxiv-server';

/**
 * The plugin with an arXiv client whose waits (3 s pacing, retry backoff) return at once; its
 * requests still go over real HTTP through requestUrl, and "now" is the (possibly faked) Date.
 */
export class TestPaperFeedPlugin extends PaperFeedPlugin {
  protected override arxivClient(): ArxivClient {
    return createArxivClient({
      transport: requestUrlTransport,
      formatTime: clock,
      clock: { now: () => Date.now(), sleep: async () => undefined },
    });
  }
}

export const CONFIG_DIR = 'vault-config';
export const MANIFEST = JSON.parse(readFileSync(new URL('../../../obsidian-plugin/manifest.json', import.meta.url), 'utf8')) as PluginManifest;
export const FIXTURES = new URL('../../fixtures/obsidian/', import.meta.url);

export function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

export function newApp(name = 'Research'): App {
  return new App({ vault: new Vault({ name, configDir: CONFIG_DIR }) });
}

/** Writes data.json the way an earlier session of the plugin would have. */
export async function storeSettings(app: App, data: Record<string, unknown>): Promise<void> {
  await app.vault.adapter.write(`${CONFIG_DIR}/plugins/${MANIFEST.id}/data.json`, JSON.stringify(data));
}

export async function storedSettings(app: App): Promise<Record<string, unknown>> {
  return JSON.parse(await app.vault.adapter.read(`${CONFIG_DIR}/plugins/${MANIFEST.id}/data.json`)) as Record<string, unknown>;
}

/** Loads the plugin as Obsidian does (awaiting onload); the layout is made ready unless asked not to. */
export async function loadPlugin(app: App, options: { layoutReady?: boolean } = {}): Promise<PaperFeedPlugin> {
  const plugin = new TestPaperFeedPlugin(app as never, { ...MANIFEST });
  await (plugin as unknown as { loadAsync(): Promise<void> }).loadAsync();
  if (options.layoutReady !== false) app.workspace.markLayoutReady();
  return plugin;
}

/** Runs a palette command; false when the palette would not list it. */
export function runCommand(app: App, id: string): boolean {
  return app.commands.executeCommandById(`${MANIFEST.id}:${id}`);
}

/** Waits until no run is queued or running and the metadata cache has caught up. */
export async function settle(app: App, plugin: PaperFeedPlugin): Promise<void> {
  for (let i = 0; i < 2000 && plugin.fetcher.busy; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  if (plugin.fetcher.busy) throw new Error('The run did not finish.');
  // Translation goes on after a fetch; settled means that has ended too.
  await plugin.fetcher.translated();
  await plugin.autoFetch.settled();
  await app.metadataCache.settled();
}

/** Notice messages shown so far. */
export function notices(): string[] {
  return kit.messages();
}

/** The feed the default categories ask for. */
export const FEED_PATH = '/rss/cs.LG+cs.CL+cs.AI+cs.CV+stat.ML';

export interface PluginTestOptions {
  /** Date (and only Date, unless `fake` says more) is faked, and set to this when given. */
  at?: Date;
  /** The timers faked besides Date. */
  fake?: Array<'setInterval' | 'clearInterval'>;
  /** A recorded listing in test/fixtures/obsidian/ that FEED_PATH serves from the start. */
  feed?: string;
}

/**
 * Registers the hooks the plugin tests share: per test a new arXiv stand-in and a faked Date;
 * afterwards the stand-in closed, real timers back and the obsidian stand-in's state reset.
 * Hooks the file registers after this one run after its beforeEach and before its afterEach.
 */
export function usePluginTest(options: PluginTestOptions = {}): { readonly arxiv: ArxivStandIn } {
  let arxiv: ArxivStandIn | undefined;
  beforeEach(async () => {
    arxiv = await startArxivServer();
    vi.useFakeTimers({ toFake: ['Date', ...(options.fake ?? [])] });
    if (options.at) vi.setSystemTime(options.at);
    if (options.feed) arxiv.reply(FEED_PATH, { body: fixture(options.feed) });
  });
  afterEach(async () => {
    await arxiv?.close();
    arxiv = undefined;
    vi.useRealTimers();
    kit.reset();
  });
  return {
    get arxiv() {
      if (!arxiv) throw new Error('The arXiv stand-in exists only inside a test');
      return arxiv;
    },
  };
}
