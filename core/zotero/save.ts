// "Save to Zotero": look the paper up by arXiv id through the local API, and only when
// Zotero does not have it, send it through the connector's saveItems as the browser connector
// would. The answer names the item and the key people cite it with.

import type { Paper } from '../arxiv/paper';
import { isPaperFeedError, type PaperFeedError } from '../errors';
import { citationKeysFromBbt } from './bbt';
import { jsonBody, zoteroError, type ZoteroEndpoint } from './endpoint';
import { arxivIdOfItem, citekeyOfItem, type ZoteroItemData } from './item-facts';
import { itemDataOf, unexpected } from './library';
import { translatorItem } from './translator-item';

export interface ZoteroPaper {
  /** The item key (8 characters), for zotero://select links; absent when Zotero did not say. */
  itemKey?: string;
  citekey?: string;
  /** A citation key could not be asked of Better BibTeX; the sentence says why. */
  citekeyProblem?: string;
}

export type SaveOutcome = ({ status: 'saved' } | { status: 'already' }) & ZoteroPaper;

/** The Zotero item for an arXiv id, or undefined when the library has none. */
export async function findInZotero(endpoint: ZoteroEndpoint, arxivId: string): Promise<ZoteroPaper | undefined> {
  // Zotero's "All Fields & Tags" search finds the id in archiveID, DOI, extra and url alike; each
  // hit is then read as PROTOCOL.md §4 says, so "2201.0073" never passes for "2201.00738".
  const response = await endpoint.send({
    path: `/api/users/0/items/top?q=${encodeURIComponent(arxivId)}&qmode=everything&itemType=-attachment&itemType=-note&limit=25`,
    part: 'api',
  });
  if (response.status !== 200) throw unexpected(response);
  const match = itemDataOf(response).find((data) => arxivIdOfItem(data) === arxivId);
  return match ? withCitekey(endpoint, match) : undefined;
}

export async function saveToZotero(endpoint: ZoteroEndpoint, paper: Paper, sessionID: string): Promise<SaveOutcome> {
  const existing = await findInZotero(endpoint, paper.id);
  if (existing) return { status: 'already', ...existing };
  const response = await endpoint.send({
    path: '/connector/saveItems',
    method: 'POST',
    json: { items: [translatorItem(paper)], uri: paper.absUrl, sessionID },
    part: 'connector',
  });
  if (response.status !== 201) throw saveRefused(response.status, response.body);
  // Zotero 7.0.15 and older list the saved items, 7.0.20 and later answer with an empty body;
  // neither gives the item key, so the local API is asked for it.
  if (response.body.trim() !== '') jsonBody(response, 'the save');
  const saved = await findInZotero(endpoint, paper.id).catch((error: unknown) => {
    if (isPaperFeedError(error)) return undefined; // saved all the same; only the key is unknown
    throw error;
  });
  return { status: 'saved', ...saved };
}

async function withCitekey(endpoint: ZoteroEndpoint, data: ZoteroItemData): Promise<ZoteroPaper> {
  const itemKey = typeof data.key === 'string' ? data.key : undefined;
  const own = citekeyOfItem(data);
  if (own || !itemKey) return { ...(itemKey ? { itemKey } : {}), ...(own ? { citekey: own } : {}) };
  try {
    const keys = await citationKeysFromBbt(endpoint, [itemKey]);
    const citekey = keys.get(itemKey);
    return { itemKey, ...(citekey ? { citekey } : {}) };
  } catch (error) {
    if (!isPaperFeedError(error)) throw error;
    return { itemKey, citekeyProblem: error.message };
  }
}

function saveRefused(status: number, body: string): PaperFeedError {
  if (status === 409) return zoteroError('Zotero is still busy with an earlier save from Paper Feed (409 SESSION_EXISTS); wait a moment and try again.', 409);
  if (status === 500 && body.includes('libraryEditable')) {
    return zoteroError('The library selected in Zotero is read-only; select My Library or a collection you can edit in Zotero, then try again.', 500);
  }
  if (status === 400 && body.includes('CONNECTOR_VERSION_OUTDATED'))
    return zoteroError('Zotero asks for a newer connector protocol; update Paper Feed and try again.', 400);
  if (status === 400 && /does not support method/i.test(body))
    return zoteroError('This Zotero cannot save items for other applications; update Zotero to 7 or later.', 400);
  return zoteroError(`Zotero could not save the paper (HTTP ${status}); look at Help → Debug Output Logging in Zotero, then try again.`, status);
}
