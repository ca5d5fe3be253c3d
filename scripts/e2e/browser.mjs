// Starts Debian's Chromium headless as a Playwright browser server the suite connects to, with
// the flags that keep it off the network and inside the run folder.
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--disable-quic',
];

/** Returns the endpoint to connect to, and the process group id to stop at teardown. */
export async function launchBrowserServer(env) {
  const server = await chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    env,
  });
  // Playwright starts the browser detached, so its pid leads its own process group.
  return { wsEndpoint: server.wsEndpoint(), pgid: server.process().pid, close: () => server.close() };
}
