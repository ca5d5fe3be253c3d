// Better BibTeX's JSON-RPC endpoint inside Zotero: the citation keys of items. BBT answers every
// call with HTTP 200, errors included, so the body decides.

import { jsonBody, zoteroError, type ZoteroEndpoint } from './endpoint';

const PATH = '/better-bibtex/json-rpc';

export const BBT_MISSING =
  "Better BibTeX is not installed in Zotero, so Paper Feed cannot ask it for citation keys; install it from retorque.re/zotero-better-bibtex, or cite with Paper Feed's own keys.";

/** Calls one method; resolves with its `result`, throws a 'zotero' PaperFeedError for an error body. */
export async function callBbt(endpoint: ZoteroEndpoint, method: string, params: unknown): Promise<unknown> {
  const response = await endpoint.send({ path: PATH, method: 'POST', json: { jsonrpc: '2.0', method, params, id: 1 }, part: 'bbt' });
  if (response.status === 404) throw zoteroError(BBT_MISSING, 404);
  if (response.status !== 200) throw zoteroError(`Better BibTeX answered HTTP ${response.status}; restart Zotero and try again.`, response.status);
  const body = jsonBody(response, 'the Better BibTeX request') as { result?: unknown; error?: { code?: unknown; message?: unknown } } | null;
  if (body && typeof body === 'object' && body.error) {
    const said = typeof body.error.message === 'string' ? body.error.message : 'an error';
    throw zoteroError(`Better BibTeX could not answer ${method} ("${said}", code ${String(body.error.code)}); restart Zotero and try again.`);
  }
  if (!body || typeof body !== 'object' || !('result' in body))
    throw zoteroError('Better BibTeX answered without a result; update Better BibTeX and try again.');
  return body.result;
}

/** Item key → citation key for `itemKeys` (My Library); keys BBT does not know are left out. */
export async function citationKeysFromBbt(endpoint: ZoteroEndpoint, itemKeys: readonly string[]): Promise<Map<string, string>> {
  const result = await callBbt(endpoint, 'item.citationkey', { item_keys: itemKeys });
  const keys = new Map<string, string>();
  if (typeof result !== 'object' || result === null) return keys;
  for (const [itemKey, citekey] of Object.entries(result as Record<string, unknown>)) {
    // A bare key means My Library; "1:KEY" names the library too.
    if (typeof citekey === 'string' && citekey !== '') keys.set(itemKey.replace(/^\d+:/, ''), citekey);
  }
  return keys;
}
