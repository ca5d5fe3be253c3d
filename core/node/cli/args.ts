// Reads the `paper-feed` command line into options. Hand-written (no dependency): a command,
// then flags as `--flag value` or `--flag=value`. Anything unknown is one clear usage error.

import { PaperFeedError } from '../../errors';

export type Command = 'daily' | 'update' | 'range' | 'zotero' | 'doctor' | 'init' | 'help' | 'version';

export interface CliOptions {
  command: Command;
  /** The vault folder (default ./vault; for init, the current folder). */
  vault: string;
  /** A JSON config file; when absent, ./paper-feed.config.json if it exists, else the defaults. */
  config?: string;
  /** --keyword, repeatable: replaces the config's groups with one group per phrase. */
  keywords: string[];
  /** --category, repeatable: replaces the config's categories. */
  categories: string[];
  rssBase?: string;
  apiBase?: string;
  sample: boolean;
  /** Look at every note in the vault this run (the weekly full check, now). */
  checkAll: boolean;
  /** daily: run the catch-up check of kept papers first. */
  checkUpdates: boolean;
  json: boolean;
  quiet: boolean;
  /** init: replace a workflow that differs from the one this version writes. */
  force: boolean;
  /** init: what to set up ("github-actions"). */
  target?: string;
  from?: string;
  to?: string;
  /** `paper-feed zotero add ID`: the arXiv id to save to Zotero. */
  zoteroAdd?: string;
}

type ValueFlag = 'vault' | 'config' | 'rssBase' | 'apiBase' | 'from' | 'to';
type ListFlag = 'keywords' | 'categories';
type SwitchFlag = 'sample' | 'checkAll' | 'checkUpdates' | 'json' | 'quiet' | 'force';

interface FlagSpec {
  kind: 'value' | 'list' | 'switch';
  key: ValueFlag | ListFlag | SwitchFlag;
  /** What the value is, for "needs a value" messages. */
  value?: string;
  /** Only these commands accept the flag. */
  only?: Command[];
}

const FLAGS: Record<string, FlagSpec> = {
  '--vault': { kind: 'value', key: 'vault', value: 'a folder' },
  '--config': { kind: 'value', key: 'config', value: 'a JSON file' },
  '--keyword': { kind: 'list', key: 'keywords', value: 'a phrase' },
  '--category': { kind: 'list', key: 'categories', value: 'an arXiv category such as cs.LG' },
  '--rss-base': { kind: 'value', key: 'rssBase', value: 'a URL', only: ['daily'] },
  '--api-base': { kind: 'value', key: 'apiBase', value: 'a URL', only: ['range', 'zotero', 'update', 'daily'] },
  '--from': { kind: 'value', key: 'from', value: 'a date (YYYY-MM-DD)', only: ['range'] },
  '--to': { kind: 'value', key: 'to', value: 'a date (YYYY-MM-DD)', only: ['range'] },
  '--sample': { kind: 'switch', key: 'sample', only: ['daily', 'zotero'] },
  '--check-all': { kind: 'switch', key: 'checkAll', only: ['daily', 'range', 'update'] },
  '--check-updates': { kind: 'switch', key: 'checkUpdates', only: ['daily'] },
  '--force': { kind: 'switch', key: 'force', only: ['init'] },
  '--json': { kind: 'switch', key: 'json' },
  '--quiet': { kind: 'switch', key: 'quiet' },
};

const COMMANDS: readonly string[] = ['daily', 'update', 'range', 'zotero', 'doctor', 'init', 'help'];
/** What `paper-feed init` can set up. */
export const INIT_TARGETS: readonly string[] = ['github-actions'];

function usage(message: string): PaperFeedError {
  return new PaperFeedError('bad-config', `${message}; run "paper-feed help" to see the options.`);
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    command: 'daily',
    vault: './vault',
    keywords: [],
    categories: [],
    sample: false,
    checkAll: false,
    checkUpdates: false,
    json: false,
    quiet: false,
    force: false,
  };
  const args = [...argv];
  const first = args[0];
  if (first === undefined) return { ...options, command: 'help' };
  if (first === '--help' || first === '-h') return { ...options, command: 'help' };
  if (first === '--version' || first === '-v') return { ...options, command: 'version' };
  if (!first.startsWith('-')) {
    if (!COMMANDS.includes(first)) throw usage(`Unknown command "${first}"; the commands are daily, update, range, zotero, doctor, init and help`);
    options.command = first as Command;
    args.shift();
  }
  if (options.command === 'zotero') {
    const [action, id] = args;
    if (action !== 'add' || id === undefined || id.startsWith('--'))
      throw usage('"paper-feed zotero" needs "add" and an arXiv id, as in "paper-feed zotero add 2401.01234"');
    options.zoteroAdd = id;
    args.splice(0, 2);
  }
  if (options.command === 'init') {
    const target = args[0];
    if (target === undefined || target.startsWith('-')) throw usage(`"paper-feed init" needs what to set up: ${INIT_TARGETS.join(', ')}`);
    if (!INIT_TARGETS.includes(target)) throw usage(`"paper-feed init" cannot set up "${target}"; it sets up ${INIT_TARGETS.join(', ')}`);
    options.target = target;
    // The workflow goes into the repository you are in: the vault is the current folder unless told.
    options.vault = '.';
    args.shift();
  }
  // Flags given without a command mean `daily`, the everyday job.

  const seen = new Set<string>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') return { ...options, command: 'help' };
    if (!arg.startsWith('--')) throw usage(`Unexpected argument "${arg}"`);
    const equals = arg.indexOf('=');
    const name = equals < 0 ? arg : arg.slice(0, equals);
    const spec = FLAGS[name];
    if (!spec) throw usage(`Unknown option ${name}`);
    if (spec.only && !spec.only.includes(options.command)) {
      throw usage(`${name} only works with "paper-feed ${spec.only.join('/')}"`);
    }
    if (spec.kind === 'switch') {
      if (equals >= 0) throw usage(`${name} takes no value`);
      options[spec.key as SwitchFlag] = true;
      continue;
    }
    let value: string | undefined;
    if (equals >= 0) value = arg.slice(equals + 1);
    else {
      value = args[i + 1];
      if (value?.startsWith('--')) value = undefined;
      else i += 1;
    }
    if (value === undefined || value.trim() === '') throw usage(`${name} needs a value (${spec.value})`);
    if (spec.kind === 'list') {
      options[spec.key as ListFlag].push(value.trim());
    } else {
      if (seen.has(name)) throw usage(`${name} is given twice`);
      seen.add(name);
      options[spec.key as ValueFlag] = value;
    }
  }
  if (options.command === 'range' && (options.from === undefined || options.to === undefined)) {
    throw usage('"paper-feed range" needs --from YYYY-MM-DD and --to YYYY-MM-DD');
  }
  return options;
}
