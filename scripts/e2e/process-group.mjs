// Stops a whole process group (code-server and Chromium each start several processes) and
// waits until it is gone, so nothing of a run outlives it.

function groupIsAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    // EPERM means the group exists but is not ours to signal; count it as alive.
    return error.code === 'EPERM';
  }
}

async function waitUntilGone(pgid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (groupIsAlive(pgid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** Sends SIGTERM to the group, then SIGKILL if it has not gone within `graceMs`. */
export async function stopProcessGroup(pgid, graceMs = 5_000) {
  if (!pgid || !groupIsAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    return;
  }
  if (await waitUntilGone(pgid, graceMs)) return;
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    return;
  }
  await waitUntilGone(pgid, graceMs);
}

/** Synchronous last resort for process exit handlers, where nothing can be awaited. */
export function killProcessGroupNow(pgid) {
  try {
    if (pgid) process.kill(-pgid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
