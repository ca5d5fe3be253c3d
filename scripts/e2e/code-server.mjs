// Installs the packaged extension into a run's private code-server profile and starts
// code-server in its own process group, offline, until /healthz answers.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { runCommand } from './run-command.mjs';

function profileFlags(folders) {
  return ['--extensions-dir', folders.extensionsDir, '--user-data-dir', folders.userDataDir];
}

/** `code-server --install-extension file.vsix` into the run's extensions folder. */
export async function installExtension({ tools, folders, env, vsixPath }) {
  await runCommand(tools.nodeBinary, [tools.codeServerEntry, ...profileFlags(folders), '--install-extension', vsixPath], {
    env,
    quiet: true,
  });
}

/** A port nobody listens on now; code-server is then started on it. */
async function freeLoopbackPort() {
  const probe = createServer();
  await new Promise((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitForHealthz(url, child, logPath, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with code ${child.exitCode} before it was ready; see ${logPath}.`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs / 1000} s; see ${logPath}.`);
}

/**
 * Starts code-server on the run's workspace, detached (setsid: its own process group, whose id
 * is its pid). Returns at once with the group id, so the caller can register it for teardown
 * before waiting on `ready`, which resolves once /healthz answers.
 */
export async function launchCodeServer({ tools, folders, env, timeoutMs = 60_000 }) {
  const port = await freeLoopbackPort();
  const logPath = path.join(folders.runDir, 'code-server.log');
  const log = createWriteStream(logPath);
  const args = [
    tools.codeServerEntry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    ...profileFlags(folders),
    folders.workspaceDir,
  ];
  const child = spawn(tools.nodeBinary, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  return { url, pgid: child.pid, logPath, ready: waitForHealthz(url, child, logPath, timeoutMs) };
}
