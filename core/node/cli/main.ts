// The paper-feed CLI entry (bundled to dist/cli/paper-feed.js): hands the real process to
// runCli and exits with its code. Ctrl-C stops between notes (or between papers while they are
// matched); a second Ctrl-C quits at once. Either way the vault lock is given back.

import packageJson from '../../../package.json';
import { releaseLocksBeforeExit } from '../lock';
import { EXIT } from './help';
import { runCli } from './run';

const controller = new AbortController();
process.on('exit', releaseLocksBeforeExit);
process.on('SIGINT', () => {
  if (controller.signal.aborted) process.exit(EXIT.cancelled);
  process.stderr.write('\nStopping… (press Ctrl-C again to quit at once)\n');
  controller.abort();
});

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  version: packageJson.version,
  signal: controller.signal,
});
