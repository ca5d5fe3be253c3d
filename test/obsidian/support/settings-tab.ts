// Paper Feed's settings tab in a test: loaded with the plugin (Obsidian 1.13+ reads its rows for
// settings search then), and its rows found and read like a person would.
import { FakeElement, settingsIn, type App, type PluginSettingTab, type Setting } from '../../stand-ins/obsidian';
import type PaperFeedPlugin from '../../../obsidian-plugin/main';
import type { PaperFeedSettingTab } from '../../../obsidian-plugin/settings-tab';
import { loadPlugin, newApp, storeSettings } from './harness';

/** The plugin's tab, with the stand-in's aids (open, the rows settings search reads). */
export type TabUnderTest = PaperFeedSettingTab & PluginSettingTab;

/** A plugin loaded on these stored settings, and its settings tab (not yet opened). */
export async function loadSettingsTab(settings: Record<string, unknown>): Promise<{ app: App; plugin: PaperFeedPlugin; tab: TabUnderTest }> {
  const app = newApp();
  await storeSettings(app, settings);
  const plugin = await loadPlugin(app);
  return { app, plugin, tab: app.settingTabs[0]! as TabUnderTest };
}

export function setting(tab: { containerEl: HTMLElement }, name: string, nth = 0): Setting {
  const found = settingsIn(tab.containerEl).filter((s) => s.nameEl.textContent === name);
  if (!found[nth]) throw new Error(`No setting named "${name}" (#${nth}).`);
  return found[nth];
}

export function control<T>(s: Setting, type: abstract new (...args: never[]) => T): T {
  const found = s.components.find((c) => c instanceof type);
  if (!found) throw new Error(`"${s.nameEl.textContent}" has no ${type.name}.`);
  return found as T;
}

/** The problem shown on a row: Obsidian's own error line (1.13+) or ours under the description. */
export function errorOf(s: Setting): string | null {
  return s.errorEl?.textContent ?? (s.infoEl as unknown as FakeElement).find('paper-feed-error')?.textContent ?? null;
}
