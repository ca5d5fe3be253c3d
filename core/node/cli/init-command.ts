// `paper-feed init github-actions`: writes the scheduled workflow into the git repository that
// holds the vault (the vault itself, or a folder above it), so GitHub runs the digest after each
// announcement. A workflow you changed is never overwritten without --force.

import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { PaperFeedError } from '../../errors';
import { makeFolders, replaceFileAtomically } from '../atomic-file';
import { API_KEY_SECRET, WORKFLOW_PATH, githubWorkflow } from '../schedule/github-workflow';
import type { CliOptions } from './args';
import { print, printJson, type CliContext } from './context';
import { EXIT } from './help';

/** The nearest folder at or above `folder` that holds `.git` (a folder, or a file in a worktree). */
function gitRepositoryOf(folder: string): string | undefined {
  for (let current = folder; ; current = nodePath.dirname(current)) {
    if (existsSync(nodePath.join(current, '.git'))) return current;
    if (nodePath.dirname(current) === current) return undefined;
  }
}

async function currentText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new PaperFeedError('vault', `${file} could not be read (${(error as Error).message}); check its permissions.`);
  }
}

export async function runInit(options: CliOptions, context: CliContext): Promise<number> {
  const vault = nodePath.resolve(context.cwd, options.vault);
  if (!existsSync(vault) || !statSync(vault).isDirectory()) {
    throw new PaperFeedError('vault', `The vault folder ${vault} does not exist; give the folder of your vault with --vault.`);
  }
  const repository = gitRepositoryOf(vault);
  const root = repository ?? vault;
  const vaultInRepository = nodePath.relative(root, vault).split(nodePath.sep).join('/') || '.';
  const file = nodePath.join(root, ...WORKFLOW_PATH.split('/'));
  const text = githubWorkflow({ version: context.version, vault: vaultInRepository });

  const existing = await currentText(file);
  const status = existing === text ? 'unchanged' : existing === undefined ? 'created' : 'replaced';
  if (status === 'replaced' && !options.force) {
    throw new PaperFeedError('vault', `${file} already exists and differs from what this version writes; run again with --force to replace it.`);
  }
  if (status !== 'unchanged') {
    try {
      await makeFolders(nodePath.dirname(file));
      await replaceFileAtomically(file, text);
    } catch (error) {
      throw new PaperFeedError('vault', `${file} could not be written (${(error as Error).message}); check the folder's permissions.`);
    }
  }

  if (options.json) {
    printJson(context, { status, workflow: file, repository: repository ?? null, vault: vaultInRepository, version: context.version });
    return EXIT.ok;
  }
  const shown = nodePath.relative(context.cwd, file) || file;
  print(
    context,
    status === 'unchanged'
      ? `${shown} is already up to date.`
      : `${status === 'created' ? 'Wrote' : 'Replaced'} ${shown} (paper-feed ${context.version}, vault ${vaultInRepository}).`,
  );
  if (!repository) print(context, `${root} is not a git repository yet: run "git init" there, then add a GitHub remote.`);
  print(context, 'Next: commit and push it. GitHub then runs it after each arXiv announcement (Actions tab; "Run workflow" runs it now).');
  print(
    context,
    `For translation, add your key as the repository secret ${API_KEY_SECRET} and set "apiKeyEnv": "${API_KEY_SECRET}" in paper-feed.config.json's "enrich".`,
  );
  return EXIT.ok;
}
