// A faithful in-memory stand-in for the `obsidian` module (vitest aliases `obsidian` here). It
// follows obsidian.d.ts names and signatures and the app's behaviour; the parts live in ./obsidian/.
// Test-only aids (the kit, settingsIn, seed/snapshot, markLayoutReady…) are marked as such.
import moment from 'moment';
import { kit, installBrowserGlobals } from './obsidian/kit';
import { requireVersion } from './obsidian/components';

installBrowserGlobals();

export { App, Plugin, SecretStorage } from './obsidian/app';
export type { Command, PluginManifest } from './obsidian/app';
export { Component, Events } from './obsidian/events';
export type { EventRef } from './obsidian/events';
export { TAbstractFile, TFile, TFolder, normalizePath } from './obsidian/files';
export { Vault, DataAdapter } from './obsidian/vault';
export { MetadataCache, FileManager } from './obsidian/metadata';
export type { CachedMetadata } from './obsidian/metadata';
export { Workspace, WorkspaceLeaf, MarkdownView, Editor } from './obsidian/workspace';
export { Notice, Modal, SuggestModal, SettingTab, PluginSettingTab, settingSearch } from './obsidian/ui';
export {
  Setting,
  BaseComponent,
  TextComponent,
  TextAreaComponent,
  ToggleComponent,
  DropdownComponent,
  ButtonComponent,
  ExtraButtonComponent,
  SecretComponent,
  settingsIn,
} from './obsidian/components';
export { requestUrl, requestLog } from './obsidian/network';
export { parseYaml, stringifyYaml, getFrontMatterInfo } from './obsidian/yaml';
export { FakeElement } from './obsidian/dom';
export { kit };
export { moment };

export const Platform = {
  isDesktop: true,
  isMobile: false,
  isDesktopApp: true,
  isMobileApp: false,
  isIosApp: false,
  isAndroidApp: false,
  isPhone: false,
  isTablet: false,
  isMacOS: false,
  isWin: false,
  isLinux: true,
  isSafari: false,
  resourcePathPrefix: 'app://stand-in/',
};

export const apiVersion = kit.apiVersion;

export function requireApiVersion(version: string): boolean {
  return requireVersion(version);
}

export function setIcon(parent: HTMLElement, iconId: string): void {
  parent.setAttr('data-icon', iconId);
}

export function setTooltip(el: HTMLElement, tooltip: string): void {
  el.setAttr('aria-label', tooltip);
}
