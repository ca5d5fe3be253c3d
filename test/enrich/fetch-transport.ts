// The HttpTransport a Node host plugs in, on the global fetch: what the tests drive the core with.
import type { HttpTransport } from '../../core/arxiv/http';

export const fetchTransport: HttpTransport = async (request) => {
  const response = await fetch(request.url, {
    method: request.method ?? 'GET',
    headers: request.headers,
    body: request.body,
    signal: request.signal,
    // The key must not follow a redirect to another host.
    redirect: 'error',
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return { status: response.status, headers, body: await response.text() };
};
