// The real Obsidian plugin class in the obsidian stand-in, for the reliability tests: its arXiv
// client talks real HTTP (requestUrl) to the stand-in server, with a recording clock so waits are
// instant but checkable, a short timeout and two attempts, like the CLI tests.
import { readFileSync } from 'node:fs';
import { App, kit, Vault, type PluginManifest } from '../stand-ins/obsidian';
import PaperFeedPlugin from '../../obsidian-plugin/main';
import { createArxivClient, type ArxivClient } from '../../core/arxiv/polite';
import { requestUrlTransport } from '../../obsidian-plugin/http';
import { clock as clockTime } from '../../obsidian-plugin/notices';
import { createFakeClock, type FakeClock } from '../support/fake-clock';
import { FAULT_ATTEMPTS } from '../support/fault-cases';

export const CONFIG_DIR = '.obsidian';
const MANIFEST = JSON.parse(readFileSync(new URL('../../obsidian-plugin/manifest.json', import.meta.url), 'utf8')) as PluginManifest;
/** The timeout the plugin's client gets here, so a hung arXiv fails in well under a second. */
export const PLUGIN_TIMEOUT_MS = 400;

export class ReliabilityPlugin extends PaperFeedPlugin {
  /** Read when the plugin loads (its client is made then). */
  timeoutMs = PLUGIN_TIMEOUT_MS;
  readonly waits: FakeClock = createFakeClock(Date.parse('2026-05-28T13:00:00Z'));
  protected override arxivClient(): ArxivClient {
    return createArxivClient({
      transport: requestUrlTransport,
      formatTime: clockTime,
      clock: this.waits,
      timeoutMs: this.timeoutMs,
      maxAttempts: FAULT_ATTEMPTS,
      random: () => 0.5,
    });
  }
}

export function newApp(): App {
  return new App({ vault: new Vault({ name: 'Reliability', configDir: CONFIG_DIR }) });
}

/** Loads the plugin as Obsidian does, with `data` as its saved settings. */
export async function loadPlugin(app: App, data: Record<string, unknown>, timeoutMs = PLUGIN_TIMEOUT_MS): Promise<ReliabilityPlugin> {
  await app.vault.adapter.write(`${CONFIG_DIR}/plugins/${MANIFEST.id}/data.json`, JSON.stringify(data));
  const plugin = new ReliabilityPlugin(app as never, { ...MANIFEST });
  plugin.timeoutMs = timeoutMs;
  await (plugin as unknown as { loadAsync(): Promise<void> }).loadAsync();
  app.workspace.markLayoutReady();
  return plugin;
}

/** Waits until no run is queued or running and the metadata cache has caught up. */
export async function settle(app: App, plugin: PaperFeedPlugin): Promise<void> {
  for (let i = 0; i < 4000 && plugin.fetcher.busy; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  if (plugin.fetcher.busy) throw new Error('The run did not finish.');
  await app.metadataCache.settled();
}

/** Notices shown since the last reset, with whether each was taken down. */
export function shownNotices(): Array<{ message: string; hidden: boolean }> {
  return kit.notices.map((n) => ({ message: n.message, hidden: n.hidden }));
}
