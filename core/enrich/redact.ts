// Keeps the API key out of every text that leaves enrichment: messages, reasons, results.
// Endpoints sometimes echo the key (or a masked form of it) in their error bodies.

const REDACTED = '[redacted]';

/** Bearer tokens and the usual provider key shapes, whatever key this run holds. */
const KEY_SHAPES = [/\bBearer\s+[^\s"',;)]+/gi, /\b(?:sk|pk|rk)-[A-Za-z0-9_*.-]{8,}/g];

/** The text with this run's key, and any long tail of it, removed. Safe for a model's answer. */
export function withoutKey(text: string, apiKey?: string): string {
  if (!apiKey) return text;
  let out = text.split(apiKey).join(REDACTED);
  // A tail is enough to narrow a key down, and masked echoes ("sk-****wxyz") end with it.
  if (apiKey.length >= 16) out = out.split(apiKey.slice(-8)).join(REDACTED);
  return out;
}

/** For messages built from an endpoint's words: also removes anything shaped like a key. */
export function redactSecret(text: string, apiKey?: string): string {
  let out = withoutKey(text, apiKey);
  for (const shape of KEY_SHAPES) out = out.replace(shape, REDACTED);
  return out;
}
