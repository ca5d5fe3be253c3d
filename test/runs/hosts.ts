// What the tests that run every host share: one arXiv stand-in on 127.0.0.1, a scratch folder
// for the CLI's vault, and the hosts torn down after each test (fake Date, Obsidian's kit, VS Code).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { kit } from '../stand-ins/obsidian';
import type { Started } from '../vscode/support/extension-harness';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';

export interface Hosts {
  server: ArxivStandIn;
  /** The CLI's working folder. */
  work: string;
  /** The VS Code extension, when the test started it. */
  vscode?: Started;
}

/** Sets up and tears down around each test of the file; read the fields inside a test. */
export function useHosts(): Hosts {
  const hosts = {} as Hosts;
  beforeEach(async () => {
    hosts.server = await startArxivServer();
    hosts.work = await mkdtemp(join(tmpdir(), 'pf-hosts-'));
  });
  afterEach(async () => {
    vi.useRealTimers();
    kit.reset();
    await hosts.vscode?.stop();
    delete hosts.vscode;
    await hosts.server.close();
    await rm(hosts.work, { recursive: true, force: true });
  });
  return hosts;
}
