// One CLI run, start to end: read the command line, do the command, and turn any failure into
// exactly one line and an exit code (the table is in ./help.ts). The only place errors are caught.

import { isPaperFeedError, messageFor, type ErrorKind } from '../../errors';
import { parseArgs, type CliOptions, type Command } from './args';
import { arxivAddressesOf, type CliContext } from './context';
import { runDaily } from './daily-command';
import { runUpdate } from './update-command';
import { runDoctor } from './doctor-command';
import { runInit } from './init-command';
import { EXIT, exitCodeFor, helpText } from './help';
import { runRange } from './range-command';
import { runZoteroAdd } from './zotero-command';

/** Failures where trying the bundled sample is a useful next step. */
const OFFLINE_KINDS: ReadonlySet<ErrorKind> = new Set(['network', 'timeout', 'server', 'rate-limited', 'bad-feed']);

/** The commands that ask arXiv. */
const ARXIV_COMMANDS: ReadonlySet<Command> = new Set(['daily', 'update', 'range', 'zotero']);

export async function runCli(context: CliContext): Promise<number> {
  let options: CliOptions | undefined;
  try {
    options = parseArgs(context.argv);
    // Checked before anything is read or written, like every other setting.
    if (ARXIV_COMMANDS.has(options.command)) options = { ...options, ...arxivAddressesOf(options, context) };
    switch (options.command) {
      case 'help':
        context.stdout.write(helpText(context.version));
        return EXIT.ok;
      case 'version':
        context.stdout.write(`${context.version}\n`);
        return EXIT.ok;
      case 'daily':
        return await runDaily(options, context);
      case 'update':
        return await runUpdate(options, context);
      case 'range':
        return await runRange(options, context);
      case 'zotero':
        return await runZoteroAdd(options, context);
      case 'doctor':
        return await runDoctor(options, context);
      case 'init':
        return await runInit(options, context);
    }
  } catch (error) {
    return reportFailure(error, options, context);
  }
}

function reportFailure(error: unknown, options: CliOptions | undefined, context: CliContext): number {
  const kind = isPaperFeedError(error) ? error.kind : undefined;
  let message = messageFor(error);
  if (kind && OFFLINE_KINDS.has(kind) && options?.command === 'daily' && !options.sample) {
    message = withSampleHint(message, context.env.PAPER_FEED_SAMPLE_COMMAND);
  }
  context.stderr.write(`${message}\n`);
  if (context.env.PAPER_FEED_DEBUG === '1' && error instanceof Error && error.stack) {
    context.stderr.write(`${error.stack}\n`);
  }
  if (options?.json) {
    context.stdout.write(`${JSON.stringify({ status: 'error', kind: kind ?? 'unexpected', message }, null, 2)}\n`);
  }
  return kind ? exitCodeFor(kind) : EXIT.internal;
}

/**
 * "… try again." → "… try again, or run with --sample to try Paper Feed offline."
 * A wrapper (npm run daily) names its own command through PAPER_FEED_SAMPLE_COMMAND.
 */
export function withSampleHint(message: string, sampleCommand: string | undefined): string {
  const how = sampleCommand ? `run "${sampleCommand}"` : 'run with --sample';
  return `${message.replace(/[.\s]+$/, '')}, or ${how} to try Paper Feed offline.`;
}
