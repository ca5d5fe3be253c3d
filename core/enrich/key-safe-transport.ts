// The endpoint's HTTP for hosts with a standard fetch (the CLI, VS Code): redirects are not
// followed, so the key never travels to another host; the client reads the 3xx and says where
// the server pointed (client.ts).

import { fetchTransport } from '../arxiv/fetch-transport';
import type { HttpTransport } from '../arxiv/http';

export const keySafeTransport: HttpTransport = fetchTransport((input, init) => globalThis.fetch(input, { ...init, redirect: 'manual' }));
