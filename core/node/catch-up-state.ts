// The catch-up check's state in the vault's `.paper-feed/updates.json`: when it last
// ran, where a capped run stopped, and the changes the next daily note lists. Written atomically;
// a missing or damaged file reads as "never checked".

import { readFile } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { readCatchUpState, type CatchUpState } from '../catch-up/state';
import { PaperFeedError } from '../errors';
import { replaceFileAtomically } from './atomic-file';
import { reasonFor } from './fs-reasons';

const FILE = 'updates.json';

export async function loadCatchUpState(stateFolder: string): Promise<CatchUpState> {
  const text = await readFile(nodePath.join(stateFolder, FILE), 'utf8').catch(() => null);
  return readCatchUpState(text);
}

export async function saveCatchUpState(stateFolder: string, state: CatchUpState): Promise<void> {
  const file = nodePath.join(stateFolder, FILE);
  await replaceFileAtomically(file, `${JSON.stringify(state, null, 2)}\n`).catch((error: unknown) => {
    throw new PaperFeedError('vault', `Could not save "${file}": ${reasonFor(error)}; check that the vault folder is writable and run again.`);
  });
}
