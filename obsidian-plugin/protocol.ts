// Reads `obsidian://paper-feed?…` links: `fetch` (or `action=fetch`) fetches today's papers,
// `digest` (or `action=digest`) opens today's digest, `open=2605.28828` opens that paper's note,
// `zotero=2605.28828` saves that paper to the running Zotero (desktop).
// The bare keys are the sure form: Obsidian uses "action" for its own routing (the handler's name),
// so whether a query's `action=` reaches the handler depends on the app.
import type { ObsidianProtocolData } from 'obsidian';
import { tryParseArxivId } from '../core/arxiv/ids';

export const PROTOCOL_ACTION = 'paper-feed';

export type ProtocolRequest =
  { kind: 'fetch' } | { kind: 'digest' } | { kind: 'open'; id: string } | { kind: 'zotero'; id: string } | { kind: 'invalid'; message: string };

export function readProtocolRequest(params: ObsidianProtocolData): ProtocolRequest {
  if (params.open !== undefined) {
    const parsed = tryParseArxivId(params.open);
    if (!parsed) return { kind: 'invalid', message: `"${params.open}" is not an arXiv identifier; use a link like obsidian://paper-feed?open=2605.28828.` };
    return { kind: 'open', id: parsed.id };
  }
  if (params.zotero !== undefined) {
    const parsed = tryParseArxivId(params.zotero);
    if (!parsed) return { kind: 'invalid', message: `"${params.zotero}" is not an arXiv identifier; use a link like obsidian://paper-feed?zotero=2605.28828.` };
    return { kind: 'zotero', id: parsed.id };
  }
  const action = params.action !== PROTOCOL_ACTION ? params.action : undefined;
  if (action === 'fetch' || params.fetch !== undefined) return { kind: 'fetch' };
  if (action === 'digest' || params.digest !== undefined) return { kind: 'digest' };
  return {
    kind: 'invalid',
    message: 'That Paper Feed link asks for nothing it knows; use obsidian://paper-feed?fetch, ?digest, ?open=2605.28828 or ?zotero=2605.28828.',
  };
}
