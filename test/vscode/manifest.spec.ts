// The manifest (vscode-extension/package.json) against the code: every command it mentions is
// contributed, every contributed command is registered by activate(), the settings share the
// core's defaults, and the extension source stays free of Node built-ins (it also runs on the web).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { standIn } from '../stand-ins/vscode';
import { DEFAULT_CONFIG } from '../../core/config';
import { DEFAULT_ENRICH_SETTINGS } from '../../core/enrich/settings';
import { startExtension, type Started } from './support/extension-harness';

const EXTENSION_DIR = new URL('../../vscode-extension/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const contributed: string[] = contributes.commands.map((c: { command: string }) => c.command);

/** Every command id the manifest refers to outside `contributes.commands`. */
function referencedCommands(): string[] {
  const fromMenus = Object.values(contributes.menus as Record<string, Array<{ command?: string; submenu?: string }>>)
    .flat()
    .flatMap((entry) => (entry.command ? [entry.command] : []));
  const fromKeys = ((contributes.keybindings ?? []) as Array<{ command: string }>).map((k) => k.command.replace(/^-/, ''));
  const fromWelcome = (contributes.viewsWelcome as Array<{ contents: string }>).flatMap((w) =>
    [...w.contents.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]!),
  );
  const fromViews = Object.values(contributes.views as Record<string, Array<{ id: string }>>)
    .flat()
    .map((v) => v.id);
  expect(fromViews).toEqual(['paperFeed.feed']);
  return [...new Set([...fromMenus, ...fromKeys, ...fromWelcome])];
}

let started: Started | undefined;
afterEach(async () => {
  await started?.stop();
  started = undefined;
});

describe('manifest', () => {
  it('contributes every command that a menu, keybinding or welcome view refers to', () => {
    const missing = referencedCommands().filter((id) => !contributed.includes(id));
    expect(missing).toEqual([]);
    expect(referencedCommands()).toEqual(expect.arrayContaining(['paperFeed.refresh', 'paperFeed.openSettings', 'paperFeed.insertCitation']));
  });

  it('has every contributed command registered by activate(), and no other public command', async () => {
    started = await startExtension();
    const registered = standIn.registeredCommands();
    expect(contributed.filter((id) => !registered.includes(id))).toEqual([]);
    expect(registered.filter((id) => !contributed.includes(id))).toEqual(['paperFeed.internal.addToBibliography']);
  });

  it('pushes every registration into context.subscriptions, so deactivation leaves nothing behind', async () => {
    started = await startExtension();
    expect(standIn.registeredCommands()).not.toEqual([]);
    standIn.disposeContext(started.context);
    expect(standIn.registeredCommands()).toEqual([]);
    expect(Object.values(standIn.providers).flat()).toEqual([]);
    expect(standIn.watchers).toEqual([]);
    expect(standIn.treeViews.get('paperFeed.feed')!.disposed).toBe(true);
  });

  it('gives each command a title and the "Paper Feed" category, and hides tree-only ones from the palette', () => {
    for (const command of contributes.commands) {
      expect(command.title, command.command).toMatch(/\S/);
      expect(command.category, command.command).toBe('Paper Feed');
    }
    const hidden = (contributes.menus.commandPalette as Array<{ command: string; when: string }>).filter((e) => e.when === 'false').map((e) => e.command);
    expect(hidden.sort()).toEqual([
      'paperFeed.copyBibtex',
      'paperFeed.copyCitation',
      'paperFeed.openNote',
      'paperFeed.openOnArxiv',
      'paperFeed.openPdf',
      'paperFeed.saveToZotero',
    ]);
  });

  it('offers the paper actions on paper items and the view actions in the title bar', () => {
    const itemMenu = (contributes.menus['view/item/context'] as Array<{ command: string; when: string; group: string }>).filter(
      (e) => !e.group.startsWith('inline'),
    );
    expect(itemMenu.map((e) => e.command)).toEqual([
      'paperFeed.insertCitation',
      'paperFeed.copyCitation',
      'paperFeed.copyBibtex',
      'paperFeed.openOnArxiv',
      'paperFeed.openPdf',
      'paperFeed.openNote',
      'paperFeed.saveToZotero',
    ]);
    // Zotero runs on the person's computer, which VS Code for the web cannot reach.
    for (const entry of itemMenu)
      expect(entry.when).toBe(
        `view == paperFeed.feed && viewItem == paper${entry.command === 'paperFeed.saveToZotero' ? ' && paperFeed.zoteroAvailable' : ''}`,
      );
    const title = (contributes.menus['view/title'] as Array<{ command: string }>).map((e) => e.command);
    expect(title).toEqual([
      'paperFeed.refresh',
      'paperFeed.filter',
      'paperFeed.clearFilter',
      'paperFeed.search',
      'paperFeed.openSettings',
      'paperFeed.checkForUpdates',
    ]);
  });

  it('declares no activation event that its contributions already imply, and both bundles', () => {
    // Language providers (completion, hover, drop, paste) need their languages named.
    expect(manifest.activationEvents).toEqual([
      'onLanguage:markdown',
      'onLanguage:quarto',
      'onLanguage:rmd',
      'onLanguage:latex',
      'onLanguage:tex',
      'onLanguage:doctex',
    ]);
    expect(manifest.main).toBe('./extension.js');
    expect(manifest.browser).toBe('./web/extension.js');
    expect(manifest.engines.vscode).toBe('^1.100.0');
    const container = contributes.viewsContainers.activitybar[0];
    expect(container).toMatchObject({ id: 'paperFeed', title: 'Paper Feed' });
    expect(existsSync(join(EXTENSION_DIR, container.icon))).toBe(true);
    expect(existsSync(join(EXTENSION_DIR, 'README.md'))).toBe(true);
    expect(existsSync(join(EXTENSION_DIR, 'LICENSE'))).toBe(true);
  });

  it('uses only context keys in "when" clauses that VS Code or the extension sets', async () => {
    started = await startExtension();
    const set = new Set(standIn.builtInCalls.filter((c) => c.command === 'setContext').map((c) => c.args[0]));
    const whens = [
      ...Object.values(contributes.menus as Record<string, Array<{ when?: string }>>).flat(),
      ...(contributes.viewsWelcome as Array<{ when?: string }>),
    ].flatMap((e) => (e.when ? [e.when] : []));
    const ownKeys = [...new Set(whens.flatMap((w) => [...w.matchAll(/paperFeed\.\w+/g)].map((m) => m[0])))].filter((k) => k !== 'paperFeed.feed');
    expect(ownKeys.sort()).toEqual(['paperFeed.filtered', 'paperFeed.noCategories', 'paperFeed.zoteroAvailable']);
    for (const key of ownKeys) expect(set.has(key), key).toBe(true);
  });

  it('defaults the shared settings to the core defaults the Obsidian plugin and the CLI use', () => {
    const defaults = (key: string) => contributes.configuration.properties[`paperFeed.${key}`].default;
    expect(defaults('categories')).toEqual(DEFAULT_CONFIG.categories);
    expect(defaults('groups')).toEqual(DEFAULT_CONFIG.groups);
    expect(defaults('announceTypes')).toEqual(DEFAULT_CONFIG.announceTypes);
    expect(defaults('trackUpdates')).toBe(DEFAULT_CONFIG.trackUpdates);
    expect(defaults('folders.daily')).toBe(DEFAULT_CONFIG.folders.daily);
    expect(defaults('folders.papers')).toBe(DEFAULT_CONFIG.folders.papers);
    expect(defaults('paperNoteName')).toBe(DEFAULT_CONFIG.paperNoteName);
    expect(defaults('citationFormat')).toBe(DEFAULT_CONFIG.citationFormat);
    expect(defaults('topPicks')).toBe(DEFAULT_CONFIG.topPicks);
    expect(defaults('orderGroupsByRelevance')).toBe(DEFAULT_CONFIG.orderGroupsByRelevance);
    expect(defaults('library.keepKeys')).toEqual(DEFAULT_CONFIG.library.keepKeys);
    expect(defaults('library.file')).toBe('');
    expect(Object.keys(contributes.configuration.properties).sort()).toEqual([
      'paperFeed.announceTypes',
      'paperFeed.apiBase',
      'paperFeed.bibliography',
      'paperFeed.categories',
      'paperFeed.citationFormat',
      'paperFeed.enrich.baseUrl',
      'paperFeed.enrich.budget',
      'paperFeed.enrich.concurrency',
      'paperFeed.enrich.enabled',
      'paperFeed.enrich.model',
      'paperFeed.enrich.produce.abstract',
      'paperFeed.enrich.produce.title',
      'paperFeed.enrich.produce.tldr',
      'paperFeed.enrich.targetLanguage',
      'paperFeed.enrich.timeBudgetMs',
      'paperFeed.enrich.timeoutMs',
      'paperFeed.enrich.tldrLanguage',
      'paperFeed.fetchOnOpen',
      'paperFeed.folders.daily',
      'paperFeed.folders.papers',
      'paperFeed.groups',
      'paperFeed.historyCount',
      'paperFeed.latexCitationCommand',
      'paperFeed.library.file',
      'paperFeed.library.halfLifeDays',
      'paperFeed.library.keepKeys',
      'paperFeed.library.source',
      'paperFeed.library.zoteroPort',
      'paperFeed.orderGroupsByRelevance',
      'paperFeed.paperNoteName',
      'paperFeed.rssBase',
      'paperFeed.topPicks',
      'paperFeed.trackUpdates',
      'paperFeed.vaultFolder',
    ]);
  });

  it('defaults translation to the core’s settings (off), and has no setting for the API key', () => {
    const defaults = (key: string) => contributes.configuration.properties[`paperFeed.enrich.${key}`].default;
    const d = DEFAULT_ENRICH_SETTINGS;
    expect([defaults('enabled'), defaults('baseUrl'), defaults('model'), defaults('targetLanguage')]).toEqual([false, d.baseUrl, d.model, d.targetLanguage]);
    expect([defaults('produce.title'), defaults('produce.abstract'), defaults('produce.tldr')]).toEqual([d.produce.title, d.produce.abstract, d.produce.tldr]);
    expect([defaults('tldrLanguage'), defaults('budget'), defaults('concurrency')]).toEqual([d.tldrLanguage, d.budget, d.concurrency]);
    expect([defaults('timeoutMs'), defaults('timeBudgetMs')]).toEqual([d.timeoutMs, d.timeBudgetMs]);
    // keepKeys names frontmatter keys that keep a note for Top picks, not a credential.
    expect(Object.keys(contributes.configuration.properties).filter((k) => /key|secret|token/i.test(k) && k !== 'paperFeed.library.keepKeys')).toEqual([]);
  });
});

describe('extension source', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
    });

  it('imports only vscode, its own modules and host-free core modules (no Node built-ins: it runs on the web)', () => {
    // A module with a `.web.ts` twin is desktop-only: the web bundle is built from the twin
    // (esbuild.config.mjs), and bundle.spec.ts checks that the built web bundle needs nothing but vscode.
    const all = files(join(EXTENSION_DIR, 'src'));
    const desktopOnly = all.filter((file) => all.includes(file.replace(/\.ts$/, '.web.ts')));
    expect(desktopOnly.map((file) => file.slice(EXTENSION_DIR.length))).toEqual(['src/shared/local-disk.ts']);
    const offenders = all
      .filter((file) => !desktopOnly.includes(file))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)]
          .map((m) => m[1] ?? m[2] ?? m[3]!)
          .filter((spec) => !(spec === 'vscode' || (spec.startsWith('.') && !spec.includes('/core/node/'))))
          .map((spec) => `${file.slice(EXTENSION_DIR.length)} imports ${spec}`),
      );
    expect(offenders).toEqual([]);
  });
});
