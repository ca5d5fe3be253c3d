// The one test for "a JSON object with keys" that every reader of settings, caches and stored
// files uses before it looks at a key.

/** True for a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
