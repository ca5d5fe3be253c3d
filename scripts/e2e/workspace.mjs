// Lays out one e2e run: its private folders (XDG, TMPDIR, code-server profile), the workspace a
// person writes in (copied from test/e2e/fixtures/workspace), and the user settings code-server reads.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Settings that keep code-server's first-run prompts, update checks and AI features away. */
const QUIET_WORKBENCH = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'git.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  'json.schemaDownload.enable': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.activity.showAccounts': false,
  // Other programs listening on this machine would otherwise be announced as forwarded ports.
  'remote.autoForwardPorts': false,
  // The suite saves on purpose and then reads the file from disk.
  'files.autoSave': 'off',
};

/** The extension's own settings: read the feed from the stand-in, with groups the fixture fills. */
export function paperFeedSettings(standInUrl) {
  return {
    'paperFeed.rssBase': `${standInUrl}/rss`,
    'paperFeed.apiBase': `${standInUrl}/api/query`,
    'paperFeed.categories': ['cs.CL', 'cs.LG'],
    'paperFeed.groups': [
      { name: 'Language models', include: ['language model'] },
      { name: 'Diffusion', include: ['diffusion model'] },
    ],
    'paperFeed.citationFormat': 'pandoc',
    'paperFeed.bibliography': 'refs.bib',
  };
}

/**
 * The run's TMPDIR. Chromium and code-server put Unix sockets there (Chromium's SingletonSocket,
 * VS Code's vscode-ipc-*.sock), and a socket path may not pass 107 bytes, so it must not sit under
 * the checkout, which CI may clone at any depth: a short folder of its own under the system's.
 */
export function shortTempFolder() {
  return mkdtempSync(path.join(tmpdir(), 'pf-e2e-'));
}

/** Creates a clean run folder and returns the paths inside it (TMPDIR is outside, see above). */
export function prepareRunFolder(runDir) {
  rmSync(runDir, { recursive: true, force: true });
  const tmpDir = shortTempFolder();
  const folders = {
    runDir,
    configHome: path.join(runDir, 'xdg', 'config'),
    dataHome: path.join(runDir, 'xdg', 'data'),
    cacheHome: path.join(runDir, 'xdg', 'cache'),
    tmpDir,
    userDataDir: path.join(runDir, 'user-data'),
    extensionsDir: path.join(runDir, 'extensions'),
    workspaceDir: path.join(runDir, 'workspace'),
  };
  for (const folder of Object.values(folders)) mkdirSync(folder, { recursive: true });
  return folders;
}

/** Environment that keeps every tool of the run inside the run folder. */
export function runEnvironment(folders) {
  return {
    ...process.env,
    HOME: process.env.HOME ?? folders.runDir,
    XDG_CONFIG_HOME: folders.configHome,
    // No extension gallery: code-server would otherwise query open-vsx.org, which is unreachable.
    EXTENSIONS_GALLERY: '{}',
    XDG_DATA_HOME: folders.dataHome,
    XDG_CACHE_HOME: folders.cacheHome,
    TMPDIR: folders.tmpDir,
  };
}

/** Copies the workspace fixture (a Markdown file citing refs.bib, which holds one entry). */
export function writeWorkspace(folders, fixtureWorkspace) {
  cpSync(fixtureWorkspace, folders.workspaceDir, { recursive: true });
}

export function writeUserSettings(folders, standInUrl) {
  const userDir = path.join(folders.userDataDir, 'User');
  mkdirSync(userDir, { recursive: true });
  const settings = { ...QUIET_WORKBENCH, ...paperFeedSettings(standInUrl) };
  writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
}
