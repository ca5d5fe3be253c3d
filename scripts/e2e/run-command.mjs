// Runs a setup command with its output streamed, and fails with one sentence when it fails.
// Used by the e2e setup steps (apt-get, npm) so each step reads as one call.
import { spawn } from 'node:child_process';

/**
 * Runs `command args` and resolves when it exits 0. Output goes to this process's stdout and
 * stderr (so a slow install shows progress), or is collected and shown only on failure when
 * `quiet` is set.
 */
export function runCommand(command, args, { env = process.env, cwd = process.cwd(), quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'] });
    let captured = '';
    if (quiet) {
      child.stdout.on('data', (chunk) => (captured += chunk));
      child.stderr.on('data', (chunk) => (captured += chunk));
    }
    child.on('error', (error) => reject(new Error(`Could not start ${command}: ${error.message}.`)));
    child.on('exit', (code, signal) => {
      if (code === 0) {
        resolve(captured);
        return;
      }
      if (quiet) process.stderr.write(captured);
      reject(new Error(`${command} ${args.join(' ')} ended with ${signal ?? `exit code ${code}`}; see its output above.`));
    });
  });
}
