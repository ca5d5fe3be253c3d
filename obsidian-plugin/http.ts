// The core's HTTP door, opened with Obsidian's requestUrl: no CORS limits and it works on mobile.
// requestUrl cannot be cancelled, so an abort stops waiting for it and lets the answer fall away.
import { requestUrl } from 'obsidian';
import type { HttpRequest, HttpResponse, HttpTransport } from '../core/arxiv/http';

export const requestUrlTransport: HttpTransport = async (request: HttpRequest): Promise<HttpResponse> => {
  const { signal } = request;
  if (signal?.aborted) throw abortReason(signal);
  const pending = requestUrl({
    url: request.url,
    method: request.method ?? 'GET',
    ...(request.headers ? { headers: request.headers } : {}),
    ...(request.body !== undefined ? { body: request.body } : {}),
    // Every status is an answer for the core to judge (429, 503, arXiv's 400 with its reason).
    throw: false,
  });
  const response = signal ? await untilAborted(pending, signal) : await pending;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) headers[name.toLowerCase()] = value;
  return { status: response.status, headers, body: response.text };
};

function untilAborted<T>(pending: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('The request was cancelled.', 'AbortError');
}
