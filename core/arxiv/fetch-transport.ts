// An HttpTransport over the standard `fetch` (Node 18+, browsers, VS Code for the web). It uses
// nothing but the global fetch, so it is safe in core; hosts with their own HTTP (Obsidian's
// requestUrl) plug in their own transport instead.

import type { HttpResponse, HttpTransport } from './http';

/** A request that got no response; `code` names the cause ("ECONNREFUSED", "ENOTFOUND"). */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

// Called through globalThis each time: a detached `fetch` throws "Illegal invocation" in browsers.
const globalFetch: FetchFunction = (input, init) => globalThis.fetch(input, init);

export function fetchTransport(fetchFn: FetchFunction = globalFetch): HttpTransport {
  return async (request): Promise<HttpResponse> => {
    try {
      const response = await fetchFn(request.url, {
        method: request.method ?? 'GET',
        ...(request.headers ? { headers: request.headers } : {}),
        ...(request.body !== undefined ? { body: request.body } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      return { status: response.status, headers, body: await response.text() };
    } catch (failure) {
      // An abort is the caller's own doing; pass it through untouched.
      if (request.signal?.aborted) throw failure;
      const code = causeCode(failure);
      throw new TransportError(code, `${request.url} could not be fetched (${code})`);
    }
  };
}

/** The most specific cause code in a fetch failure (Node nests it in `cause`). */
export function causeCode(failure: unknown): string {
  for (let current: unknown = failure, depth = 0; current && depth < 4; depth++) {
    const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string' && code.length > 0) return code;
    current = cause ?? (Array.isArray(errors) ? errors[0] : undefined);
  }
  const text = failure instanceof Error ? failure.message : String(failure);
  return /\b((?:net::)?ERR_[A-Z_]+|E[A-Z]{3,})\b/.exec(text)?.[1] ?? 'network error';
}
